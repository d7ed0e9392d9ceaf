package io.github.sharepid.output;

import io.github.sharepid.proc.Escapes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A kubectl-style table: upper-case headers, columns separated by at least three spaces, no borders,
 * the last column not padded. Cells are escaped, since their text may come from inside a container.
 */
public final class Table {
    private static final String GAP = "   ";

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(List<String> headers) {
        this.headers = headers.stream().map(h -> h.toUpperCase(Locale.ROOT)).toList();
    }

    /** @throws IllegalArgumentException when the number of cells differs from the number of headers */
    public Table addRow(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.size());
        }
        rows.add(cells.stream().map(Escapes::controlChars).toList());
        return this;
    }

    public List<String> lines(boolean withHeaders) {
        List<List<String>> shown = new ArrayList<>();
        if (withHeaders) {
            shown.add(headers);
        }
        shown.addAll(rows);
        int[] widths = new int[headers.size()];
        for (List<String> row : shown) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        return shown.stream().map(row -> line(row, widths)).toList();
    }

    public void print(PrintWriter out, boolean withHeaders) {
        lines(withHeaders).forEach(out::println);
    }

    private static String line(List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        int last = row.size() - 1;
        for (int i = 0; i < last; i++) {
            line.append(row.get(i)).append(" ".repeat(widths[i] - width(row.get(i)))).append(GAP);
        }
        return line.append(row.get(last)).toString();
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
