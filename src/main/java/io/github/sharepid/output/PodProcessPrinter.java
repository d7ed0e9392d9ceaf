package io.github.sharepid.output;

import io.github.sharepid.proc.ProcessInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints {@code ps} over several pods: {@link ProcessPrinter}'s table with {@code POD} first ({@code NAMESPACE}
 * before it with {@code -A}), rows by pod then PID; or one JSON/YAML document whose {@code processes} each carry
 * {@code pod} and {@code namespace} before {@code ps}'s own fields, so {@code jq 'group_by(.pod)'} works.
 */
public final class PodProcessPrinter {
    /** One pod's processes. */
    public record PodRows(String namespace, String pod, List<ProcessInfo> processes) {
    }

    private final ProcessPrinter.Options options;
    private final boolean namespaces;

    /** {@code namespaces}: show the NAMESPACE column ({@code -A}). */
    public PodProcessPrinter(ProcessPrinter.Options options, boolean namespaces) {
        this.options = options;
        this.namespaces = namespaces;
    }

    public void print(List<PodRows> pods, PrintWriter out) {
        if (options.format().structured()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("processes", pods.stream().flatMap(p -> p.processes().stream().map(i -> fields(p, i))).toList());
            Structured.print(out, doc, options.format());
            out.flush();
            return;
        }
        ProcessPrinter single = new ProcessPrinter(options);
        List<String> headers = new ArrayList<>(namespaces ? List.of("NAMESPACE", "POD") : List.of("POD"));
        headers.addAll(single.columns());
        Table table = new Table(headers);
        for (PodRows pod : pods) {
            for (List<String> row : single.rows(pod.processes())) {
                List<String> cells = new ArrayList<>(namespaces ? List.of(pod.namespace(), pod.pod()) : List.of(pod.pod()));
                cells.addAll(row);
                table.addRow(cells);
            }
        }
        table.print(out, !options.noHeaders());
        out.flush();
    }

    /** {@code ps -o json}'s fields of one process, after its pod and namespace. */
    private static Map<String, Object> fields(PodRows pod, ProcessInfo p) {
        PsDocument.Row row = PsDocument.Row.of(p);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pod", pod.pod());
        m.put("namespace", pod.namespace());
        m.put("pid", row.pid());
        m.put("ppid", row.ppid());
        m.put("container", row.container());
        m.put("uid", row.uid());
        m.put("user", row.user());
        m.put("state", row.state());
        m.put("stat", row.stat());
        m.put("cpuSeconds", row.cpuSeconds());
        m.put("rssKiB", row.rssKiB());
        m.put("start", row.start());
        m.put("elapsedSeconds", row.elapsedSeconds());
        m.put("command", row.command());
        m.put("args", row.args());
        return m;
    }
}
