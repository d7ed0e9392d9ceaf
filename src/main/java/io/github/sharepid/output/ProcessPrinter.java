package io.github.sharepid.output;

import io.github.sharepid.proc.ProcessInfo;
import java.io.PrintWriter;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the rows of {@code kubectl sharepid ps}: a table ({@code PID CONTAINER USER STAT TIME COMMAND}),
 * {@code wide} (adds PPID, RSS in KiB, START, ELAPSED), either one as a {@code --tree}, or a JSON/YAML document.
 */
public final class ProcessPrinter {
    private static final List<String> COLUMNS = List.of("PID", "CONTAINER", "USER", "STAT", "TIME", "COMMAND");
    private static final List<String> WIDE_COLUMNS = List.of("PID", "PPID", "CONTAINER", "USER", "STAT", "RSS",
            "START", "ELAPSED", "TIME", "COMMAND");

    /**
     * @param tree      children indented under their parents (tables only)
     * @param noHeaders leave out the header line (tables only)
     * @param now       the reference time and zone for START ({@code HH:mm} today, else {@code MMMdd})
     * @param pod       the pod's name, for the JSON/YAML document
     * @param namespace the pod's namespace, for the JSON/YAML document
     */
    public record Options(OutputFormat format, boolean tree, boolean noHeaders, ZonedDateTime now, String pod,
                          String namespace) {
    }

    private final Options options;

    public ProcessPrinter(Options options) {
        this.options = options;
    }

    public void print(List<ProcessInfo> processes, PrintWriter out) {
        switch (options.format()) {
            case JSON -> out.print(PsDocument.json(options.pod(), options.namespace(), processes));
            case YAML -> out.print(PsDocument.yaml(options.pod(), options.namespace(), processes));
            default -> table(processes).print(out, !options.noHeaders());
        }
        out.flush();
    }

    private Table table(List<ProcessInfo> processes) {
        Table table = new Table(columns());
        rows(processes).forEach(table::addRow);
        return table;
    }

    /** The table's headers: the plain or the wide ones. */
    List<String> columns() {
        return options.format() == OutputFormat.WIDE ? WIDE_COLUMNS : COLUMNS;
    }

    /** The table's rows, in PID order or as a tree. */
    List<List<String>> rows(List<ProcessInfo> processes) {
        boolean wide = options.format() == OutputFormat.WIDE;
        List<ProcessTree.Node> nodes = options.tree() ? ProcessTree.order(processes)
                : processes.stream().map(p -> new ProcessTree.Node(p, 0)).toList();
        return nodes.stream().map(node -> wide ? wideRow(node) : row(node)).toList();
    }

    private static List<String> row(ProcessTree.Node node) {
        ProcessInfo p = node.process();
        return List.of(Integer.toString(p.pid()), p.container(), p.user(), p.stat(), PsTimes.cpu(p.cpuSeconds()),
                node.prefix() + p.command());
    }

    private List<String> wideRow(ProcessTree.Node node) {
        ProcessInfo p = node.process();
        List<String> cells = new ArrayList<>(List.of(Integer.toString(p.pid()), Integer.toString(p.ppid()),
                p.container(), p.user(), p.stat(), Long.toString(p.rssKiB()), PsTimes.start(p.start(), options.now()),
                PsTimes.elapsed(p.elapsedSeconds()), PsTimes.cpu(p.cpuSeconds())));
        cells.add(node.prefix() + p.command());
        return cells;
    }
}
