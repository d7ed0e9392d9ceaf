package io.github.sharepid.proc;

/**
 * One row of {@code kubectl sharepid ports}: a socket and one process that holds it (a socket shared by several
 * processes, as nginx's master and workers share the listener, gives one row each).
 *
 * @param pid       the owner, or null when no process was found ({@link #owner} says why)
 * @param owner     {@code pid} as text, {@code ?} when the owner could not be read (fd directories denied), or
 *                  {@code -} when no readable process holds it (a TIME_WAIT socket, one of the host's)
 * @param container the owner's container, {@code ?} or {@code -} as {@code owner}
 * @param user      the owner's user; when there is no owner, the UID that created the socket
 * @param command   the owner's command line, {@code ?} or {@code -} as {@code owner}
 */
public record PortRow(NetSocket socket, Integer pid, String owner, String container, String user, String command) {
    /** The owner column for a socket whose holders could not be read. */
    public static final String UNREADABLE = "?";
    /** The owner column for a socket that no process of the pod holds. */
    public static final String NONE = "-";
}
