package io.github.sharepid.output;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.sharepid.proc.NetSocket;
import io.github.sharepid.proc.PortRow;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints the rows of {@code kubectl sharepid ports}: a table ({@code PROTO LOCAL REMOTE STATE PID CONTAINER USER
 * COMMAND}) or a JSON/YAML document with a fixed field order. Public records so the native image can name them.
 */
public final class PortPrinter {
    private static final List<String> COLUMNS = List.of("PROTO", "LOCAL", "REMOTE", "STATE", "PID", "CONTAINER",
            "USER", "COMMAND");

    @JsonPropertyOrder({"pod", "namespace", "sockets"})
    public record Document(String pod, String namespace, List<Row> sockets) {
    }

    /** One socket and one holder; {@code pid} null and {@code owner} {@code ?} or {@code -} without one. */
    @JsonPropertyOrder({"proto", "localAddress", "localPort", "remoteAddress", "remotePort", "state", "inode",
        "pid", "owner", "container", "user", "command"})
    public record Row(String proto, String localAddress, int localPort, String remoteAddress, int remotePort,
                      String state, long inode, Integer pid, String owner, String container, String user,
                      String command) {
        static Row of(PortRow r) {
            NetSocket s = r.socket();
            return new Row(s.proto(), s.local(), s.localPort(), s.remote(), s.remotePort(), s.state(), s.inode(),
                    r.pid(), r.owner(), r.container(), r.user(), r.command());
        }
    }

    private final RowsPrinter<PortRow> printer;

    public PortPrinter(OutputFormat format, boolean noHeaders) {
        this.printer = new RowsPrinter<>(format, noHeaders, COLUMNS, PortPrinter::cells);
    }

    public void print(String pod, String namespace, List<PortRow> rows, PrintWriter out) {
        printer.print(rows, () -> new Document(pod, namespace, rows.stream().map(Row::of).toList()), out);
    }

    /**
     * Several pods' sockets, each pod's in its own order: the table with {@code POD} first ({@code NAMESPACE}
     * before it when {@code namespaces}), or one document whose {@code sockets} each carry pod and namespace.
     */
    public void printPods(List<PodRows<PortRow>> pods, boolean namespaces, PrintWriter out) {
        printer.printPods(pods, namespaces, "sockets", Row::of, out);
    }

    private static List<String> cells(PortRow r) {
        NetSocket s = r.socket();
        return List.of(s.proto(), NetSocket.endpoint(s.local(), s.localPort()),
                NetSocket.endpoint(s.remote(), s.remotePort()), s.state(), r.owner(), r.container(), r.user(),
                r.command());
    }
}
