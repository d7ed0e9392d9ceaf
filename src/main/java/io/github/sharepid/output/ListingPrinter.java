package io.github.sharepid.output;

import io.github.sharepid.proc.DirListing;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a peek-root directory listing: MODE LINKS UID GID SIZE MODIFIED NAME (UTC), or json/yaml.
 * Control characters in names are escaped in the table, kept exact in json/yaml.
 */
public final class ListingPrinter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private ListingPrinter() {
    }

    public static void print(PrintWriter out, String path, List<DirListing.Entry> entries, OutputFormat format,
                             boolean noHeaders) {
        if (format != OutputFormat.TABLE) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("path", path);
            doc.put("entries", entries.stream().map(ListingPrinter::fields).toList());
            Structured.print(out, doc, format);
            return;
        }
        Table t = new Table(List.of("MODE", "LINKS", "UID", "GID", "SIZE", "MODIFIED", "NAME"));
        for (DirListing.Entry e : entries) {
            t.addRow(List.of(e.mode(), Long.toString(e.links()), Long.toString(e.uid()), Long.toString(e.gid()),
                    Long.toString(e.size()), TIME.format(e.modified()), e.name()));
        }
        t.print(out, !noHeaders);
    }

    /** One pod's listing, for {@link #printPods}. */
    public record PodListing(String namespace, String pod, String path, List<DirListing.Entry> entries) {
    }

    /** Several pods' listings as one json/yaml document: {@code pods: [{pod, namespace, path, entries}]}. */
    public static void printPods(PrintWriter out, List<PodListing> listings, OutputFormat format) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("pods", listings.stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pod", l.pod());
            m.put("namespace", l.namespace());
            m.put("path", l.path());
            m.put("entries", l.entries().stream().map(ListingPrinter::fields).toList());
            return m;
        }).toList());
        Structured.print(out, doc, format);
        out.flush();
    }

    private static Map<String, Object> fields(DirListing.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name());
        m.put("type", switch (e.type()) {
            case 'd' -> "directory";
            case 'l' -> "symlink";
            case '-' -> "file";
            case 'c' -> "char-device";
            case 'b' -> "block-device";
            case 'p' -> "fifo";
            default -> "socket";
        });
        m.put("mode", e.mode());
        m.put("size", e.size());
        m.put("uid", e.uid());
        m.put("gid", e.gid());
        m.put("modified", e.modified().toString());
        m.put("links", e.links());
        return m;
    }
}
