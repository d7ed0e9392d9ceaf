package io.github.sharepid.output;

import io.github.sharepid.proc.ProcessInfo;
import io.github.sharepid.proc.Signal;
import io.github.sharepid.proc.SignalResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Prints what {@code signal} did: PID CONTAINER SIGNAL RESULT COMMAND per target, or json/yaml. */
public final class SignalPrinter {
    private SignalPrinter() {
    }

    public static void print(PrintWriter out, Signal signal, List<SignalResult> results, List<ProcessInfo> processes,
                             OutputFormat format, boolean noHeaders) {
        if (format != OutputFormat.TABLE) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("signal", signal.name());
            doc.put("number", signal.number());
            doc.put("results", results.stream().map(r -> fields(r, find(processes, r.pid()))).toList());
            Structured.print(out, doc, format);
            return;
        }
        Table t = new Table(List.of("PID", "CONTAINER", "SIGNAL", "RESULT", "COMMAND"));
        for (SignalResult r : results) {
            Optional<ProcessInfo> p = find(processes, r.pid());
            t.addRow(List.of(Integer.toString(r.pid()), p.map(ProcessInfo::container).orElse("-"), signal.name(), result(r),
                    p.map(ProcessInfo::command).orElse("-")));
        }
        t.print(out, !noHeaders);
    }

    static String result(SignalResult r) {
        return switch (r.outcome()) {
            case OK -> "sent";
            case DRY -> "dry-run";
            case GONE -> "gone";
            case CHANGED -> "pid-reused";
            case FAIL -> "failed";
        };
    }

    private static Optional<ProcessInfo> find(List<ProcessInfo> processes, int pid) {
        return processes.stream().filter(p -> p.pid() == pid).findFirst();
    }

    private static Map<String, Object> fields(SignalResult r, Optional<ProcessInfo> p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", r.pid());
        m.put("container", p.map(ProcessInfo::container).orElse(null));
        m.put("command", p.map(ProcessInfo::command).orElse(null));
        m.put("result", result(r));
        m.put("error", r.detail().isEmpty() ? null : r.detail());
        return m;
    }
}
