package io.github.sharepid.proc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the pod's sockets with the processes that hold them: a socket's inode is the N of a {@code socket:[N]}
 * descriptor. Only processes of the listing count (the script's own helpers are gone by then). A socket held by
 * no readable process is shown with owner {@code ?} when some process's descriptors could not be read (it may be
 * theirs), else {@code -}: never left out.
 */
public final class PortRows {
    private static final List<String> PROTOS = List.of("tcp", "tcp6", "udp", "udp6");
    private static final Comparator<PortRow> ORDER = Comparator
            .comparingInt((PortRow r) -> PROTOS.indexOf(r.socket().proto()))
            .thenComparingInt(r -> r.socket().localPort())
            .thenComparing(r -> r.socket().local())
            .thenComparingInt(r -> r.socket().remotePort())
            .thenComparing(r -> r.socket().remote())
            .thenComparingInt(r -> r.pid() == null ? Integer.MAX_VALUE : r.pid());

    private PortRows() {
    }

    /** The result: the rows, and the processes of the listing whose descriptors could not be read. */
    public record Ports(List<PortRow> rows, Map<Integer, String> unreadable) {
    }

    /**
     * @param all every socket; else only listening ones (TCP LISTEN, unconnected UDP)
     */
    public static Ports join(List<ProcessInfo> processes, FdReading reading, boolean all) {
        Map<Integer, ProcessInfo> byPid = new HashMap<>();
        processes.forEach(p -> byPid.put(p.pid(), p));
        Map<Long, List<ProcessInfo>> holders = new HashMap<>();
        reading.fds().open().forEach((pid, fds) -> fds.stream()
                .filter(fd -> fd.type().equals("socket") && byPid.containsKey(pid))
                .map(OpenFd::inode).distinct()
                .forEach(inode -> holders.computeIfAbsent(inode, i -> new ArrayList<>()).add(byPid.get(pid))));
        Map<Integer, String> unreadable = new HashMap<>();
        reading.fds().denied().forEach((pid, why) -> {
            if (byPid.containsKey(pid)) {
                unreadable.put(pid, why);
            }
        });
        List<PortRow> rows = new ArrayList<>();
        for (NetSocket socket : reading.sockets()) {
            if (!all && !socket.listening()) {
                continue;
            }
            List<ProcessInfo> owners = socket.inode() == 0 ? List.of() : holders.getOrDefault(socket.inode(), List.of());
            if (owners.isEmpty()) {
                String none = socket.inode() != 0 && !unreadable.isEmpty() ? PortRow.UNREADABLE : PortRow.NONE;
                rows.add(new PortRow(socket, null, none, none, Long.toString(socket.uid()), none));
            }
            owners.forEach(p -> rows.add(new PortRow(socket, p.pid(), Integer.toString(p.pid()), p.container(),
                    p.user(), p.command())));
        }
        rows.sort(ORDER);
        return new Ports(rows, unreadable);
    }
}
