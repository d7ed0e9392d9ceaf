package io.github.sharepid.proc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first of {@code top}'s two readings ({@link TopScript}): uptime and each process's CPU ticks, and the node's
 * memory ({@code MemTotal}) read between the two.
 *
 * @param uptimeSeconds {@code /proc/uptime} at the first reading; NaN when missing
 * @param ticks         by PID: start time and utime + stime, in clock ticks
 * @param memTotalKiB   the node's memory, 0 when not read
 */
public record FirstReading(double uptimeSeconds, Map<Integer, Ticks> ticks, long memTotalKiB) {
    private static final Pattern STAT = Pattern.compile("\\./(\\d+)/stat");
    private static final Pattern MEM_TOTAL = Pattern.compile("MemTotal:\\s+(\\d+) kB\\s*");

    /** A process at the first reading; {@code startTicks} tells a reused PID from the same process. */
    public record Ticks(long startTicks, long cpuTicks) {
    }

    public FirstReading {
        ticks = Map.copyOf(ticks);
    }

    public static FirstReading parse(byte[] stdout) {
        return parse(Records.split(stdout));
    }

    static FirstReading parse(List<Records.Record> records) {
        double uptime = Double.NaN;
        long memTotal = 0;
        Map<Integer, Ticks> ticks = new HashMap<>();
        for (Records.Record r : records) {
            Matcher stat = STAT.matcher(r.name());
            if (stat.matches()) {
                ProcStat.parse(r.content()).filter(s -> s.pid() == Integer.parseInt(stat.group(1)))
                        .ifPresent(s -> ticks.put(s.pid(), new Ticks(s.startTicks(), s.utime() + s.stime())));
            } else if (r.name().equals("./uptime")) {
                uptime = uptime(r.content());
            } else if (r.name().equals("meminfo")) {
                Matcher m = MEM_TOTAL.matcher(r.content());
                memTotal = m.matches() ? Long.parseLong(m.group(1)) : 0;
            }
        }
        return new FirstReading(uptime, ticks, memTotal);
    }

    private static double uptime(String content) {
        try {
            return Double.parseDouble(content.trim().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
