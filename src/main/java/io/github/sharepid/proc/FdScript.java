package io.github.sharepid.proc;

import java.util.List;

/**
 * The fixed script behind {@code ports} and {@code files}: what {@link PsScript} reads (it ends with it, so its
 * final {@code grep} is again the collector, {@code self}) preceded by three reads, a fixed number of forks
 * whatever the number of processes:
 * <ul>
 *   <li>{@code PID/net/tcp:LINE} (and {@code tcp6}, {@code udp}, {@code udp6}): the sockets of the pod's network
 *       namespace, through the collector's own {@code /proc/PID/net} (every container of a pod shares it);</li>
 *   <li>{@code nofd:PID}: an fd directory the tools cannot list (another user's, without CAP_DAC_OVERRIDE);</li>
 *   <li>{@code fds:} one record, {@code stat -L} of every {@code /proc/PID/fd/N}: mode, size, inode and link
 *       count of the file each leads to, with stat's errors for the fds it could not follow (no SYS_PTRACE);</li>
 *   <li>{@code links:} one record, {@code stat}'s {@code %N} of the same links: the target's text.</li>
 * </ul>
 * Only metadata: no file is opened, no environment or memory read. Processes that these reads saw but that ended
 * before the final listing are dropped with their fds ({@link FdReading}).
 */
public final class FdScript {
    static final String SCRIPT = """
            cd /proc || exit 1
            for p in [0-9]*; do [ -r "$p/fd" ] || printf 'nofd:%s\\0' "$p"; done
            grep -H '' $$/net/tcp $$/net/tcp6 $$/net/udp $$/net/udp6 2>/dev/null | tr '\\n' '\\0'
            printf 'fds:'; stat -L -c '%n|%f|%s|%i|%h' [0-9]*/fd/* 2>&1; printf '\\0'
            printf 'links:'; stat -c '%n|%N' [0-9]*/fd/* 2>/dev/null; printf '\\0'
            """ + PsScript.SCRIPT;

    private FdScript() {
    }

    /** The exec argv: {@code sh -c SCRIPT}. */
    public static List<String> argv() {
        return List.of("sh", "-c", SCRIPT);
    }
}
