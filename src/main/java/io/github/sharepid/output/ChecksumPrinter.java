package io.github.sharepid.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints {@code peek-root --checksum}: {@code SHA256 SIZE POD} per pod (NAMESPACE first with {@code -A}), or
 * json/yaml with the same per pod and the groups of identical files; and the one-line summary that makes the odd
 * pod stand out ({@code 5 pods identical, 1 differs: web-x}).
 */
public final class ChecksumPrinter {
    /** One pod's file. */
    public record Sum(String namespace, String pod, String sha256, long size) {
    }

    private ChecksumPrinter() {
    }

    public static void print(PrintWriter out, String path, List<Sum> sums, OutputFormat format, boolean noHeaders,
                             boolean namespaces) {
        if (format.structured()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("path", path);
            doc.put("pods", sums.stream().map(ChecksumPrinter::fields).toList());
            doc.put("groups", groups(sums).stream().map(g -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("sha256", g.get(0).sha256());
                m.put("pods", g.stream().map(Sum::pod).toList());
                return m;
            }).toList());
            Structured.print(out, doc, format);
            return;
        }
        List<String> headers = new ArrayList<>(namespaces ? List.of("NAMESPACE") : List.of());
        headers.addAll(List.of("SHA256", "SIZE", "POD"));
        Table t = new Table(headers);
        for (Sum s : sums) {
            List<String> cells = new ArrayList<>(namespaces ? List.of(s.namespace()) : List.of());
            cells.addAll(List.of(s.sha256(), Long.toString(s.size()), s.pod()));
            t.addRow(cells);
        }
        t.print(out, !noHeaders);
    }

    /**
     * {@code all 4 pods identical}, or the largest group of identical files against the rest: {@code 3 pods
     * identical, 1 differs: web-x} (ties: the group whose first pod comes first); empty for one pod or none.
     */
    public static String summary(List<Sum> sums) {
        List<List<Sum>> groups = groups(sums);
        if (groups.isEmpty()) {
            return "";
        }
        if (groups.size() == 1) {
            return sums.size() == 1 ? "" : "all " + sums.size() + " pods identical";
        }
        List<Sum> most = groups.get(0);
        List<String> odd = sums.stream().filter(s -> !most.contains(s)).map(Sum::pod).toList();
        return most.size() + (most.size() == 1 ? " pod" : " pods") + " identical, " + odd.size()
                + (odd.size() == 1 ? " differs: " : " differ: ") + String.join(", ", odd);
    }

    /** Pods with the same SHA-256, largest group first, then in the order the pods came. */
    static List<List<Sum>> groups(List<Sum> sums) {
        Map<String, List<Sum>> bySha = sums.stream()
                .collect(Collectors.groupingBy(Sum::sha256, LinkedHashMap::new, Collectors.toList()));
        List<List<Sum>> groups = new ArrayList<>(bySha.values());
        groups.sort((a, b) -> Integer.compare(b.size(), a.size()));
        return groups;
    }

    private static Map<String, Object> fields(Sum s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pod", s.pod());
        m.put("namespace", s.namespace());
        m.put("sha256", s.sha256());
        m.put("size", s.size());
        return m;
    }
}
