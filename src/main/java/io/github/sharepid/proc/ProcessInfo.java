package io.github.sharepid.proc;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code kubectl sharepid ps}: a process of the pod and the container that owns it.
 *
 * @param container   a container name, {@link Attribution#SANDBOX} or {@link Attribution#UNKNOWN}
 * @param uid         effective UID, or -1 when its status could not be read
 * @param user        the name of {@code uid} in the owning container's {@code /etc/passwd}, else the number
 *                    ({@code ?} when the UID is unknown)
 * @param state       the kernel state letter ({@code R S D Z T t X I})
 * @param stat        the {@code ps} STAT column, see {@link ProcStat#psStat()}
 * @param cpuSeconds  user + system CPU time
 * @param rssKiB      resident set size in KiB, 0 for zombies
 * @param start       when the process started
 * @param comm        the kernel's 15-byte command name
 * @param args        the command line, empty for zombies and when it could not be read
 * @param startTicks  the raw start time (stat field 22), to guard a later signal against PID reuse
 */
public record ProcessInfo(int pid, int ppid, String container, long uid, String user, String state, String stat,
                          double cpuSeconds, long rssKiB, Instant start, long elapsedSeconds, String comm,
                          List<String> args, long startTicks) {

    public ProcessInfo {
        args = List.copyOf(args);
    }

    /**
     * The COMMAND column: the arguments joined by spaces, or {@code [comm]} when there are none or all are
     * empty (with {@code <defunct>} for a zombie, as in procps); control characters escaped (see {@link Escapes}).
     */
    public String command() {
        String text;
        if (args.stream().allMatch(String::isEmpty)) {
            text = "[" + comm + "]" + (isZombie() ? " <defunct>" : "");
        } else {
            text = String.join(" ", args);
        }
        return Escapes.controlChars(text);
    }

    public boolean isZombie() {
        return "Z".equals(state);
    }
}
