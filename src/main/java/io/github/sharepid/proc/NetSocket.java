package io.github.sharepid.proc;

/**
 * One line of {@code /proc/net/tcp}, {@code tcp6}, {@code udp} or {@code udp6}: a socket of the pod's network
 * namespace, its addresses already in text form.
 *
 * @param proto      {@code tcp}, {@code tcp6}, {@code udp} or {@code udp6}
 * @param local      the local address ({@code 0.0.0.0}, {@code ::}, {@code ::ffff:127.0.0.1} ...)
 * @param remote     the remote address; all zeros when unconnected
 * @param state      the state name ({@code LISTEN}, {@code ESTABLISHED}; {@code UNCONN} for an unconnected UDP socket)
 * @param uid        the UID that created the socket
 * @param inode      the socket's inode, the number in {@code socket:[N]} of the owner's fd; 0 when no file holds it
 *                   (TIME_WAIT); unsigned, so a {@code long}
 */
public record NetSocket(String proto, String local, int localPort, String remote, int remotePort, String state,
                        long uid, long inode) {

    /** Listening: TCP in LISTEN, UDP bound but not connected (what {@code ss -l} shows). */
    public boolean listening() {
        return "LISTEN".equals(state) || "UNCONN".equals(state);
    }

    /** {@code ADDR:PORT}, an IPv6 address in brackets ({@code [::]:80}), like {@code ss}. */
    public static String endpoint(String address, int port) {
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + (port == 0 ? "*" : port);
    }
}
