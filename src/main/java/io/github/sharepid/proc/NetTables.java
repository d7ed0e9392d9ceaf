package io.github.sharepid.proc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses {@code /proc/net/{tcp,tcp6,udp,udp6}} into {@link NetSocket}s. Addresses are hex words in the node's
 * byte order, read here as little-endian (amd64, arm64, ppc64le: the architectures of nearly all Kubernetes
 * nodes; a big-endian s390x node would show IPv4 addresses reversed); ports are big-endian hex. A line that is
 * cut short or malformed is skipped, the header too.
 */
public final class NetTables {
    private static final String[] TCP_STATES = {"?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1",
        "FIN_WAIT2", "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "NEW_SYN_RECV"};
    private static final int CLOSE = 7;

    private NetTables() {
    }

    /** Every socket of one table; {@code proto} names the file ({@code tcp}, {@code udp6} ...). */
    public static List<NetSocket> parse(String proto, String content) {
        List<NetSocket> sockets = new ArrayList<>();
        for (String line : content.split("\n")) {
            line(proto, line).ifPresent(sockets::add);
        }
        return sockets;
    }

    static Optional<NetSocket> line(String proto, String line) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 10 || !f[0].endsWith(":")) {
            return Optional.empty();
        }
        try {
            String[] local = f[1].split(":");
            String[] remote = f[2].split(":");
            int state = Integer.parseInt(f[3], 16);
            return Optional.of(new NetSocket(proto, address(local[0]), Integer.parseInt(local[1], 16),
                    address(remote[0]), Integer.parseInt(remote[1], 16), state(proto, state),
                    Long.parseLong(f[7]), Long.parseUnsignedLong(f[9])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String state(String proto, int state) {
        if (proto.startsWith("udp")) {
            return state == CLOSE ? "UNCONN" : state == 1 ? "ESTABLISHED" : "STATE_" + state;
        }
        return state > 0 && state < TCP_STATES.length ? TCP_STATES[state] : "STATE_" + state;
    }

    /** 8 hex digits (IPv4) or 32 (IPv6, four 32-bit words), each word little-endian. */
    static String address(String hex) {
        if (hex.length() != 8 && hex.length() != 32) {
            throw new IllegalArgumentException("address " + hex);
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return bytes.length == 4 ? ipv4(bytes, 0) : Ipv6Text.format(bytes);
    }

    static String ipv4(byte[] bytes, int from) {
        return (bytes[from] & 0xff) + "." + (bytes[from + 1] & 0xff) + "." + (bytes[from + 2] & 0xff) + "."
                + (bytes[from + 3] & 0xff);
    }
}
