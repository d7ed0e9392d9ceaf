package io.github.sharepid.proc;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The fixed script behind {@code kubectl sharepid ps}, run as {@code sh -c SCRIPT} in a busybox container of
 * the pod. It takes no input, forks three times whatever the number of processes, and prints NUL-terminated
 * {@code FILE:CONTENT} records (the format of {@code grep -Hz ''}) that {@link ProcParser} reads:
 * <ul>
 *   <li>{@code self:PID}: the collector, which {@code exec} turns into the final grep, to leave out;</li>
 *   <li>{@code PID/status:LINE}: only the {@code Uid:} and {@code VmRSS:} lines, one record per line
 *       ({@code tr} turns grep's newlines into NULs), which saves ~1.3 KB per process;</li>
 *   <li>{@code uptime}, {@code stat} (for {@code btime}): one record each;</li>
 *   <li>{@code PID/cgroup} (one record), {@code PID/cmdline} (one record per argument, empty ones kept),
 *       then {@code PID/stat} (one record; read last, so a process with a stat line has the others too);</li>
 *   <li>{@code PID/root/etc/passwd}: once per distinct root filesystem ({@code test -ef} on
 *       {@code /proc/PID/root}), through the first readable PID in glob order.</li>
 * </ul>
 * Measured on cgroup v1 with 2,000 processes: 0.3 s in the container, 3.6 MB of output (cgroup v1 files are
 * ~1.4 KB each; one line on cgroup v2). The exit status is grep's: 0, since {@code uptime} always matches,
 * or 2 when a process ended between the glob and the read (grep reports the vanished file and goes on):
 * {@link #completed} accepts that, since the listing is still whole for every process that was there.
 */
public final class PsScript {
    public static final String SCRIPT = """
            cd /proc || exit 1
            printf 'self:%s\\0' "$$"
            roots=
            for p in [0-9]*; do
              [ -r "$p/root/etc/passwd" ] || continue
              for r in $roots; do [ "$p/root" -ef "${r%%/*}/root" ] && continue 2; done
              roots="$roots $p/root/etc/passwd"
            done
            grep -H -e '^Uid:' -e '^VmRSS:' [0-9]*/status 2>/dev/null | tr '\\n' '\\0'
            exec grep -Hz '' uptime stat [0-9]*/cgroup [0-9]*/cmdline [0-9]*/stat $roots 2>/dev/null
            """;

    /**
     * The record that ends the listing part of a script built on {@link #LISTING_THEN_LINE}:
     * {@code sharepid-listed:STATUS} with the exit status of the listing's last grep (what {@link #completed}
     * judges). No record of the listing (all {@code grep -H} output, or {@code self:PID}) can start with it.
     */
    public static final String LISTED = "sharepid-listed";

    /**
     * The listing of {@link #SCRIPT} (its last grep run rather than exec'd, so that the shell goes on), the
     * {@link #LISTED} record, then one line read from stdin into {@code line}: what the caller chose from the
     * listing. At the end of stdin (the caller went away, or a line cut short) {@code line} is empty. The scripts
     * that go on from here (signal's, peek-root's) act on that line only, after checking it again.
     */
    public static final String LISTING_THEN_LINE = listingThenContinue()
            + "printf '" + LISTED + ":%s\\0' \"$?\"\n"
            + "IFS= read -r line || line=\n";

    private PsScript() {
    }

    private static String listingThenContinue() {
        String last = "exec grep -Hz ''";
        if (!SCRIPT.contains(last)) {
            throw new IllegalStateException("the ps script no longer ends with " + last);
        }
        return SCRIPT.replace(last, "grep -Hz ''");
    }

    /**
     * Whether the script ran to its end: exit 0, or exit 2 (grep's "a file could not be read", which busybox
     * and GNU grep both return when a process exits mid-scan) with the {@code uptime} record in the output,
     * which only the final grep writes. Anything else (no sh: 126/127, no /proc: 1, no output at all) is a
     * failure. The one judgement of a listing: {@code ps} and the test that runs the script on this kernel share it.
     */
    public static boolean completed(int exitCode, byte[] output) {
        return output.length > 0 && (exitCode == 0 || exitCode == 2 && containsUptimeRecord(output));
    }

    private static boolean containsUptimeRecord(byte[] out) {
        byte[] key = "uptime:".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + key.length <= out.length; i++) {
            if (i > 0 && out[i - 1] != 0) {
                continue;
            }
            for (int k = 0; k < key.length; k++) {
                if (out[i + k] != key[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The exec argv: {@code sh -c SCRIPT}. */
    public static List<String> argv() {
        return List.of("sh", "-c", SCRIPT);
    }
}
