package io.github.sharepid.proc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses peek-root's directory listing: NUL-terminated names, an empty record, then one
 * {@code stat -c '%f %s %u %g %Y %h'} line per name in the same order.
 */
public final class DirListing {
    /** One directory entry; {@code type} is ls's first letter ({@code -}, {@code d}, {@code l}, ...). */
    public record Entry(String name, char type, String permissions, long size, long uid, long gid,
                        Instant modified, long links) {
        public String mode() {
            return type + permissions;
        }
    }

    private DirListing() {
    }

    /** @throws IllegalArgumentException if the body is not a listing (e.g. the directory changed meanwhile) */
    public static List<Entry> parse(byte[] body) {
        List<String> names = new ArrayList<>();
        int start = 0;
        int i = 0;
        for (; i < body.length; i++) {
            if (body[i] == 0) {
                if (i == start) {
                    break;
                }
                names.add(new String(body, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        String stats = i + 1 <= body.length ? new String(body, Math.min(i + 1, body.length),
                Math.max(0, body.length - i - 1), StandardCharsets.US_ASCII) : "";
        List<String> lines = stats.isBlank() ? List.of() : List.of(stats.strip().split("\n"));
        if (lines.size() != names.size()) {
            throw new IllegalArgumentException("the directory changed while it was listed (" + names.size()
                    + " names, " + lines.size() + " entries); try again");
        }
        List<Entry> entries = new ArrayList<>(names.size());
        for (int n = 0; n < names.size(); n++) {
            entries.add(entry(names.get(n), lines.get(n)));
        }
        return entries;
    }

    private static Entry entry(String name, String statLine) {
        String[] f = statLine.strip().split(" ");
        int mode = Integer.parseInt(f[0], 16);
        return new Entry(name, type(mode), permissions(mode), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Long.parseLong(f[3]), Instant.ofEpochSecond(Long.parseLong(f[4])), Long.parseLong(f[5]));
    }

    static char type(int mode) {
        return switch (mode & 0170000) {
            case 0040000 -> 'd';
            case 0120000 -> 'l';
            case 0020000 -> 'c';
            case 0060000 -> 'b';
            case 0010000 -> 'p';
            case 0140000 -> 's';
            default -> '-';
        };
    }

    static String permissions(int mode) {
        char[] p = "rwxrwxrwx".toCharArray();
        for (int bit = 0; bit < 9; bit++) {
            if ((mode & (1 << (8 - bit))) == 0) {
                p[bit] = '-';
            }
        }
        if ((mode & 04000) != 0) {
            p[2] = p[2] == 'x' ? 's' : 'S';
        }
        if ((mode & 02000) != 0) {
            p[5] = p[5] == 'x' ? 's' : 'S';
        }
        if ((mode & 01000) != 0) {
            p[8] = p[8] == 'x' ? 't' : 'T';
        }
        return new String(p);
    }
}
