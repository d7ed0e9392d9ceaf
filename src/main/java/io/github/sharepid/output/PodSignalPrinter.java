package io.github.sharepid.output;

import io.github.sharepid.proc.ProcessInfo;
import io.github.sharepid.proc.Signal;
import io.github.sharepid.proc.SignalResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints {@code signal} over several pods: one row per process signalled, pod first ({@code POD PID CONTAINER
 * SIGNAL RESULT COMMAND}, {@code NAMESPACE} before it with {@code -A}), by pod then PID; or json/yaml whose
 * {@code results} each carry {@code pod} and {@code namespace} before {@code signal -o json}'s own fields.
 */
public final class PodSignalPrinter {
    /** What one pod's signal did. */
    public record PodResults(String namespace, String pod, List<SignalResult> results, List<ProcessInfo> processes) {
    }

    private PodSignalPrinter() {
    }

    public static void print(PrintWriter out, Signal signal, List<PodResults> pods, OutputFormat format,
                             boolean noHeaders, boolean namespaces) {
        if (format != OutputFormat.TABLE) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("signal", signal.name());
            doc.put("number", signal.number());
            doc.put("results", pods.stream().flatMap(p -> p.results().stream().map(r -> fields(p, r))).toList());
            Structured.print(out, doc, format);
            return;
        }
        List<String> headers = new ArrayList<>(namespaces ? List.of("NAMESPACE", "POD") : List.of("POD"));
        headers.addAll(List.of("PID", "CONTAINER", "SIGNAL", "RESULT", "COMMAND"));
        Table t = new Table(headers);
        for (PodResults pod : pods) {
            for (SignalResult r : pod.results()) {
                Optional<ProcessInfo> p = find(pod.processes(), r.pid());
                List<String> cells = new ArrayList<>(namespaces ? List.of(pod.namespace(), pod.pod()) : List.of(pod.pod()));
                cells.addAll(List.of(Integer.toString(r.pid()), p.map(ProcessInfo::container).orElse("-"), signal.name(),
                        SignalPrinter.result(r), p.map(ProcessInfo::command).orElse("-")));
                t.addRow(cells);
            }
        }
        t.print(out, !noHeaders);
    }

    private static Optional<ProcessInfo> find(List<ProcessInfo> processes, int pid) {
        return processes.stream().filter(p -> p.pid() == pid).findFirst();
    }

    private static Map<String, Object> fields(PodResults pod, SignalResult r) {
        Optional<ProcessInfo> p = find(pod.processes(), r.pid());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pod", pod.pod());
        m.put("namespace", pod.namespace());
        m.put("pid", r.pid());
        m.put("container", p.map(ProcessInfo::container).orElse(null));
        m.put("command", p.map(ProcessInfo::command).orElse(null));
        m.put("result", SignalPrinter.result(r));
        m.put("error", r.detail().isEmpty() ? null : r.detail());
        return m;
    }
}
