package io.github.sharepid.proc;

import io.github.sharepid.failure.SharepidException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the stdout of {@link PsScript} and {@link SignalScript} into a {@link ProcSnapshot}.
 * Tolerates processes that vanished mid-read: a process without a complete stat line is left out.
 */
public final class ProcParser {
    private static final Pattern PROCESS_FILE =
            Pattern.compile("(\\d+)/(stat|status|cgroup|cmdline|root/etc/passwd)");

    private final Map<Integer, String> stats = new HashMap<>();
    private final Map<Integer, StringBuilder> statuses = new HashMap<>();
    private final Map<Integer, StringBuilder> cgroups = new HashMap<>();
    private final Map<Integer, List<String>> cmdlines = new HashMap<>();
    private final Map<Integer, StringBuilder> passwds = new HashMap<>();
    private int selfPid;
    private Double uptime;
    private Long bootTime;

    private ProcParser() {
    }

    /**
     * @throws SharepidException (FAILURE) when {@code /proc/uptime} or the {@code btime} of {@code /proc/stat}
     *                           is missing: then the output is not from these scripts or was cut short
     */
    public static ProcSnapshot parse(byte[] stdout) {
        ProcParser parser = new ProcParser();
        Records.split(stdout).forEach(parser::accept);
        return parser.snapshot();
    }

    private void accept(Records.Record record) {
        try {
            switch (record.name()) {
                case "self" -> selfPid = Integer.parseInt(record.content().trim());
                case "uptime" -> uptime = Double.valueOf(record.content().trim().split("\\s+")[0]);
                case "stat" -> bootTime = btime(record.content());
                default -> acceptProcessFile(record);
            }
        } catch (NumberFormatException e) {
            throw SharepidException.failure("malformed \"" + record.name() + "\" record in the process listing");
        }
    }

    private void acceptProcessFile(Records.Record record) {
        Matcher m = PROCESS_FILE.matcher(record.name());
        if (!m.matches()) {
            return;
        }
        int pid = Integer.parseInt(m.group(1));
        String content = record.content();
        switch (m.group(2)) {
            case "stat" -> stats.put(pid, content);
            case "status" -> append(statuses, pid, content);
            case "cgroup" -> append(cgroups, pid, content);
            case "cmdline" -> cmdlines.computeIfAbsent(pid, p -> new ArrayList<>()).add(content);
            default -> append(passwds, pid, content);
        }
    }

    private static void append(Map<Integer, StringBuilder> files, int pid, String content) {
        StringBuilder file = files.computeIfAbsent(pid, p -> new StringBuilder());
        file.append(content);
        if (!content.endsWith("\n")) {
            file.append('\n');
        }
    }

    private static Long btime(String procStat) {
        for (String line : procStat.split("\n")) {
            if (line.startsWith("btime ")) {
                return Long.valueOf(line.substring("btime ".length()).trim());
            }
        }
        return null;
    }

    private ProcSnapshot snapshot() {
        if (uptime == null || bootTime == null) {
            throw SharepidException.failure("incomplete process listing: /proc/uptime or the btime of /proc/stat"
                    + " is missing from the output");
        }
        Map<Integer, RawProcess> processes = new TreeMap<>();
        stats.forEach((pid, line) -> ProcStat.parse(line)
                .filter(stat -> stat.pid() == pid)
                .ifPresent(stat -> processes.put(pid, new RawProcess(stat, text(statuses, pid),
                        text(cgroups, pid), cmdlines.getOrDefault(pid, List.of())))));
        Map<Integer, String> passwd = new HashMap<>();
        passwds.forEach((pid, content) -> passwd.put(pid, content.toString()));
        return new ProcSnapshot(selfPid, uptime, Instant.ofEpochSecond(bootTime), new TreeMap<>(processes), passwd);
    }

    private static String text(Map<Integer, StringBuilder> files, int pid) {
        StringBuilder file = files.get(pid);
        return file == null ? "" : file.toString();
    }
}
