package io.github.sharepid.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * kubectl's table layout: upper-case headers, columns padded to their widest cell and separated by
 * three spaces, no borders, the last column not padded (so lines carry no trailing blanks).
 */
public final class Table {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    public Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        rows.add(List.of(cells));
        return this;
    }

    public void print(PrintWriter out, boolean withHeaders) {
        List<List<String>> all = new ArrayList<>();
        if (withHeaders) {
            all.add(headers);
        }
        all.addAll(rows);
        int[] widths = new int[headers.size()];
        for (List<String> r : all) {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        for (List<String> r : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                line.append(r.get(i));
                if (i < r.size() - 1) {
                    line.append(" ".repeat(widths[i] - r.get(i).length() + 3));
                }
            }
            out.println(line);
        }
    }
}
