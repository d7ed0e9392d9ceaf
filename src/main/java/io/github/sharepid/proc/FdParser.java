package io.github.sharepid.proc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the fd part of {@link FdScript}'s output: {@code nofd:PID} records (an fd directory that cannot be
 * listed), the {@code fds:} record ({@code stat -L}: {@code PID/fd/N|MODE|SIZE|INODE|LINKS} lines, with the
 * errors of the fds that could not be followed interleaved) and the {@code links:} record ({@code stat}'s
 * {@code %N}: {@code PID/fd/N|'PID/fd/N' -> 'TARGET'}, where TARGET may itself hold newlines and quotes, so an
 * entry runs up to the start of the next one). An fd closed between the glob and the stat is just left out.
 */
public final class FdParser {
    private static final Pattern STATED = Pattern.compile("(\\d+)/fd/(\\d+)\\|([0-9a-f]+)\\|(\\d+)\\|(\\d+)\\|(\\d+)");
    private static final Pattern FAILED = Pattern.compile("stat: can(?:'|no)t stat '(\\d+)/fd/(\\d+|\\*)': (.*)");
    private static final Pattern LINK = Pattern.compile("(?m)^(\\d+)/fd/(\\d+)\\|(?:'\\1/fd/\\2' -> '|$)");

    private FdParser() {
    }

    /** @param records the script's records ({@code Records.split}); those of other parts are ignored */
    static FdTable parse(List<Records.Record> records) {
        Map<String, String> targets = new HashMap<>();
        Map<Integer, String> denied = new HashMap<>();
        List<String[]> stated = new ArrayList<>();
        for (Records.Record r : records) {
            switch (r.name()) {
                case "nofd" -> denied.put(Integer.parseInt(r.content().trim()), "Permission denied");
                case "links" -> targets.putAll(links(r.content()));
                case "fds" -> fds(r.content(), stated, denied);
                default -> {
                }
            }
        }
        Map<Integer, List<OpenFd>> open = new TreeMap<>();
        for (String[] s : stated) {
            int pid = Integer.parseInt(s[0]);
            String target = targets.getOrDefault(s[0] + "/" + s[1], "");
            int mode = Integer.parseInt(s[2], 16);
            String type = OpenFd.type(target, mode);
            boolean file = type.equals("file");
            open.computeIfAbsent(pid, p -> new ArrayList<>()).add(new OpenFd(pid, Integer.parseInt(s[1]), type,
                    target, file && Long.parseLong(s[5]) == 0, file ? Long.parseLong(s[3]) : -1,
                    Long.parseUnsignedLong(s[4])));
        }
        open.values().forEach(fds -> fds.sort((a, b) -> Integer.compare(a.fd(), b.fd())));
        return new FdTable(new TreeMap<>(open), denied);
    }

    private static void fds(String content, List<String[]> stated, Map<Integer, String> denied) {
        for (String line : content.split("\n")) {
            Matcher ok = STATED.matcher(line);
            if (ok.matches()) {
                stated.add(new String[] {ok.group(1), ok.group(2), ok.group(3), ok.group(4), ok.group(5), ok.group(6)});
                continue;
            }
            Matcher failed = FAILED.matcher(line);
            if (failed.matches() && !failed.group(3).startsWith("No such file")) {
                denied.putIfAbsent(Integer.parseInt(failed.group(1)), failed.group(3));
            }
        }
    }

    /** Link text by {@code PID/N}; an entry whose link could not be read is left out. */
    static Map<String, String> links(String content) {
        Map<String, String> targets = new HashMap<>();
        Matcher m = LINK.matcher(content);
        String key = null;
        int from = -1;
        while (true) {
            boolean found = m.find();
            if (key != null) {
                String entry = content.substring(from, found ? m.start() : content.length());
                if (entry.endsWith("'\n")) {
                    targets.put(key, entry.substring(0, entry.length() - 2));
                }
            }
            if (!found) {
                return targets;
            }
            boolean hasTarget = m.end() > m.start() && content.charAt(m.end() - 1) == '\'';
            key = hasTarget ? m.group(1) + "/" + m.group(2) : null;
            from = m.end();
        }
    }
}
