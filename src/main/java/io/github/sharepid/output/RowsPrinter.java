package io.github.sharepid.output;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the printers of ports and files share: their rows as a table of cells (with {@code POD}, and
 * {@code NAMESPACE} before it, for several pods), or as one structured document.
 */
final class RowsPrinter<R> {
    private final OutputFormat format;
    private final boolean noHeaders;
    private final List<String> columns;
    private final Function<R, List<String>> cells;

    RowsPrinter(OutputFormat format, boolean noHeaders, List<String> columns, Function<R, List<String>> cells) {
        this.format = format;
        this.noHeaders = noHeaders;
        this.columns = columns;
        this.cells = cells;
    }

    /** One pod's rows; {@code document} is built only for JSON/YAML. */
    void print(List<R> rows, Supplier<Object> document, PrintWriter out) {
        if (format.structured()) {
            Structured.print(out, document.get(), format);
        } else {
            Table table = new Table(columns);
            rows.forEach(r -> table.addRow(cells.apply(r)));
            table.print(out, !noHeaders);
        }
        out.flush();
    }

    /** Several pods' rows, each pod's in its own order; in a document, under {@code key}, each row as {@code row}. */
    void printPods(List<PodRows<R>> pods, boolean namespaces, String key, Function<R, ?> row, PrintWriter out) {
        if (format.structured()) {
            Structured.print(out, PodColumns.document(key, pods, row), format);
        } else {
            Table table = new Table(PodColumns.headers(namespaces, columns));
            pods.forEach(p -> p.rows().forEach(r -> table.addRow(PodColumns.cells(namespaces, p.namespace(), p.pod(),
                    cells.apply(r)))));
            table.print(out, !noHeaders);
        }
        out.flush();
    }
}
