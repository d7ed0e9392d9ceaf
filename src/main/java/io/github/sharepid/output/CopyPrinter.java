package io.github.sharepid.output;

import io.github.sharepid.text.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints {@code list}: a table (NAMESPACE with -A, NAME, SOURCE, CONTAINER, AGE, PHASE) or json/yaml. */
public final class CopyPrinter {
    private CopyPrinter() {
    }

    public static void print(PrintWriter out, List<CopyRow> rows, OutputFormat format, boolean noHeaders,
                             boolean withNamespace, Instant now) {
        if (format != OutputFormat.TABLE) {
            Structured.print(out, Map.of("copies", rows.stream().map(CopyPrinter::fields).toList()), format);
            return;
        }
        Table t = withNamespace ? new Table(List.of("NAMESPACE", "NAME", "SOURCE", "CONTAINER", "AGE", "PHASE"))
                : new Table(List.of("NAME", "SOURCE", "CONTAINER", "AGE", "PHASE"));
        for (CopyRow r : rows) {
            String age = r.created() == null ? "<unknown>" : Durations.age(Duration.between(r.created(), now));
            if (withNamespace) {
                t.addRow(List.of(r.namespace(), r.name(), r.source(), r.container(), age, r.phase()));
            } else {
                t.addRow(List.of(r.name(), r.source(), r.container(), age, r.phase()));
            }
        }
        if (!rows.isEmpty()) {
            t.print(out, !noHeaders);
        }
    }

    private static Map<String, Object> fields(CopyRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("namespace", r.namespace());
        m.put("name", r.name());
        m.put("source", r.source());
        m.put("container", r.container());
        m.put("created", r.created() == null ? null : r.created().toString());
        m.put("phase", r.phase());
        return m;
    }
}
