package io.github.sharepid.proc;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** User names by UID from one container's {@code /etc/passwd}; the first entry for a UID wins, like getpwuid. */
final class Passwd {
    private static final Pattern UID = Pattern.compile("\\d{1,10}");

    private Passwd() {
    }

    static Map<Long, String> parse(String content) {
        Map<Long, String> names = new HashMap<>();
        for (String line : content.split("\n")) {
            String[] fields = line.split(":", -1);
            if (fields.length >= 3 && !fields[0].isEmpty() && !line.startsWith("#")
                    && UID.matcher(fields[2]).matches()) {
                names.putIfAbsent(Long.parseLong(fields[2]), fields[0]);
            }
        }
        return names;
    }
}
