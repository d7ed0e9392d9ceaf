package io.github.sharepid.proc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed script behind {@code kubectl sharepid signal}, run as {@code sh -c SCRIPT sh SIGNUM DRYRUN TARGET...}:
 * the user's values reach it only as positional arguments, never as script text. It validates them again,
 * then for each target prints {@code uptime}/{@code stat} once and the target's cgroup, cmdline, status, stat and
 * passwd records (see {@link PsScript}; {@link ProcParser} reads them) and one {@code result:PID:OUTCOME} record
 * ({@link SignalResults}). A {@code PID:STARTTIME} target is re-read with shell builtins and refused as
 * {@code changed} if stat field 22 differs (PID reuse); a window of microseconds between check and kill remains.
 * The signal is sent with the shell's {@code kill -s NUMBER} builtin.
 */
public final class SignalScript {
    /** Checks the signal number and the dry-run flag, the two fixed positional arguments. */
    private static final String HEAD = """
            sig=$1 dry=$2
            case $sig in ''|*[!0-9]*) echo "invalid signal number: $sig" >&2; exit 2;; esac
            case $dry in 0|1) ;; *) echo "invalid dry-run flag: $dry" >&2; exit 2;; esac
            """;
    /** Signals the targets in {@code "$@"}: the records and one result per target (see the class comment). */
    private static final String BODY = """
            cd /proc || exit 1
            set -f
            number() { case $1 in ''|*[!0-9]*) return 1;; esac; }
            starttime() { shift 19; got=$1; }
            grep -Hz '' uptime stat 2>/dev/null
            for t; do
              pid=${t%%:*} want=
              case $t in *:*) want=${t#*:}; number "$want" || pid=;; esac
              case $pid in 0*) pid=;; esac
              if ! number "$pid"; then printf 'result:0:fail:invalid target %s\\0' "$t"; continue; fi
              st= l=
              { while IFS= read -r l; do st="$st$l "; done; st="$st$l"; } 2>/dev/null < "$pid/stat"
              case $st in *') '*) ;; *) printf 'result:%s:gone\\0' "$pid"; continue;; esac
              starttime ${st##*') '}
              grep -Hz '' "$pid/cgroup" "$pid/cmdline" "$pid/status" "$pid/stat" "$pid/root/etc/passwd" 2>/dev/null
              if [ -n "$want" ] && [ "$want" != "$got" ]; then r=changed
              elif [ "$dry" = 1 ]; then r=dry
              elif err=$(kill -s "$sig" "$pid" 2>&1); then r=ok
              elif [ -e "$pid/stat" ]; then r="fail:$err"
              else r=gone
              fi
              printf 'result:%s:%s\\0' "$pid" "$r"
            done
            exit 0
            """;
    public static final String SCRIPT = HEAD + "shift 2\n" + BODY;

    /**
     * {@code signal}'s selection in one exec, run as {@code sh -c CHOOSE_SCRIPT sh SIGNUM DRYRUN} with stdin: the
     * ps listing and one line of stdin ({@link PsScript#LISTING_THEN_LINE}), the targets the caller chose from
     * that listing ({@link #targetsLine}), signalled as {@link #SCRIPT} signals its arguments. An empty line (or
     * the end of stdin) signals nothing. The targets arrive as data, split on blanks with globbing off, and each
     * is validated again, as arguments are.
     */
    public static final String CHOOSE_SCRIPT = HEAD
            + PsScript.LISTING_THEN_LINE
            + "set -f\n"
            + "set -- $line\n"
            + BODY;

    private SignalScript() {
    }

    /** The exec argv; a PID given twice is signalled once (the first target for it wins). */
    public static List<String> argv(Signal signal, boolean dryRun, List<GuardedPid> targets) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", SCRIPT, "sh",
                Integer.toString(signal.number()), dryRun ? "1" : "0"));
        argv.addAll(arguments(targets));
        return List.copyOf(argv);
    }

    /** The exec argv of {@link #CHOOSE_SCRIPT}; the targets follow on stdin. */
    public static List<String> chooseArgv(Signal signal, boolean dryRun) {
        return List.of("sh", "-c", CHOOSE_SCRIPT, "sh", Integer.toString(signal.number()), dryRun ? "1" : "0");
    }

    /** The stdin line of {@link #CHOOSE_SCRIPT}: the targets as {@link #argv} passes them, blank-separated. */
    public static byte[] targetsLine(List<GuardedPid> targets) {
        return (String.join(" ", arguments(targets)) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static List<String> arguments(List<GuardedPid> targets) {
        Map<Integer, GuardedPid> byPid = new LinkedHashMap<>();
        targets.forEach(t -> byPid.putIfAbsent(t.pid(), t));
        return byPid.values().stream().map(GuardedPid::toArgument).toList();
    }
}
