package io.github.sharepid.output;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.sharepid.proc.FileRow;
import io.github.sharepid.proc.OpenFd;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints the rows of {@code kubectl sharepid files}: a table ({@code PID CONTAINER FD TYPE SIZE TARGET}; SIZE in
 * bytes for regular files; a deleted file's TARGET ends in {@code (deleted)}, as the kernel writes it) or a
 * JSON/YAML document. Public records so the native image can name them.
 */
public final class FilePrinter {
    private static final List<String> COLUMNS = List.of("PID", "CONTAINER", "FD", "TYPE", "SIZE", "TARGET");

    @JsonPropertyOrder({"pod", "namespace", "files"})
    public record Document(String pod, String namespace, List<Row> files) {
    }

    /** One descriptor; {@code size} is null except for regular files, {@code path} is the target without the flag. */
    @JsonPropertyOrder({"pid", "container", "user", "command", "fd", "type", "path", "deleted", "size", "target"})
    public record Row(int pid, String container, String user, String command, int fd, String type, String path,
                      boolean deleted, Long size, String target) {
        static Row of(FileRow r) {
            OpenFd fd = r.fd();
            return new Row(r.pid(), r.container(), r.user(), r.command(), fd.fd(), fd.type(), fd.path(), fd.deleted(),
                    fd.size() < 0 ? null : fd.size(), fd.target());
        }
    }

    private final RowsPrinter<FileRow> printer;

    public FilePrinter(OutputFormat format, boolean noHeaders) {
        this.printer = new RowsPrinter<>(format, noHeaders, COLUMNS, FilePrinter::cells);
    }

    public void print(String pod, String namespace, List<FileRow> rows, PrintWriter out) {
        printer.print(rows, () -> new Document(pod, namespace, rows.stream().map(Row::of).toList()), out);
    }

    /**
     * Several pods' descriptors, each pod's in its own order: the table with {@code POD} first ({@code NAMESPACE}
     * before it when {@code namespaces}), or one document whose {@code files} each carry pod and namespace.
     */
    public void printPods(List<PodRows<FileRow>> pods, boolean namespaces, PrintWriter out) {
        printer.printPods(pods, namespaces, "files", Row::of, out);
    }

    private static List<String> cells(FileRow r) {
        OpenFd fd = r.fd();
        return List.of(Integer.toString(r.pid()), r.container(), Integer.toString(fd.fd()), fd.type(),
                fd.size() < 0 ? "-" : Long.toString(fd.size()),
                fd.path() + (fd.deleted() ? " (deleted)" : fd.target().isEmpty() ? "?" : ""));
    }
}
