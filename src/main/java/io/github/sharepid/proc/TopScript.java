package io.github.sharepid.proc;

import java.util.List;

/**
 * The fixed script behind {@code top}: two readings of every {@code /proc/PID/stat} with {@code sleep INTERVAL}
 * between them, each with {@code /proc/uptime}, so that the time between them is measured in the pod (not on our
 * side of the API server). The first reading's records are named {@code ./uptime} and {@code ./PID/stat}; then
 * {@code meminfo:MemTotal: N kB}; the second reading is {@link PsScript} itself (its final {@code grep} is the
 * collector). The interval is argv {@code $1}, a decimal number of seconds checked before it is sent.
 */
public final class TopScript {
    static final String SCRIPT = """
            cd /proc || exit 1
            grep -Hz '' ./uptime ./[0-9]*/stat 2>/dev/null
            sleep "$1" || exit 1
            grep -H '^MemTotal:' meminfo 2>/dev/null | tr '\\n' '\\0'
            """ + PsScript.SCRIPT;

    private TopScript() {
    }

    /** The exec argv: {@code sh -c SCRIPT sharepid-top SECONDS}, e.g. {@code 1} or {@code 0.5}. */
    public static List<String> argv(String seconds) {
        if (!seconds.matches("\\d{1,4}(\\.\\d{1,3})?")) {
            throw new IllegalArgumentException("interval " + seconds);
        }
        return List.of("sh", "-c", SCRIPT, "sharepid-top", seconds);
    }
}
