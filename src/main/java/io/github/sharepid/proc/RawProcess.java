package io.github.sharepid.proc;

import java.util.List;
import java.util.OptionalLong;

/**
 * What the collection script read for one process, before attribution to a container.
 *
 * @param status the {@code Uid:} and {@code VmRSS:} lines of {@code /proc/PID/status} (or all of it); may be empty
 * @param cgroup the content of {@code /proc/PID/cgroup}; empty when it could not be read
 * @param args   {@code /proc/PID/cmdline} split at NULs, empty arguments kept; empty for zombies
 */
public record RawProcess(ProcStat stat, String status, String cgroup, List<String> args) {

    public RawProcess {
        args = List.copyOf(args);
    }

    /** The effective UID ({@code ps} shows the effective user), or empty if status was not read. */
    public OptionalLong uid() {
        String[] ids = statusValue("Uid:").split("\\s+");
        return ids.length >= 2 ? parse(ids[1]) : OptionalLong.empty();
    }

    /** The resident set size in KiB from {@code VmRSS:}; 0 when absent (zombies) or not read. */
    public long rssKiB() {
        String value = statusValue("VmRSS:");
        OptionalLong kib = parse(value.endsWith(" kB") ? value.substring(0, value.length() - 3).trim() : "");
        return kib.orElse(0);
    }

    private String statusValue(String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key)) {
                return line.substring(key.length()).trim();
            }
        }
        return "";
    }

    private static OptionalLong parse(String number) {
        try {
            return OptionalLong.of(Long.parseLong(number));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
