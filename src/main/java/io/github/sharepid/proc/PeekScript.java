package io.github.sharepid.proc;

import io.github.sharepid.failure.SharepidException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The fixed script behind {@code peek-root}: resolves a path inside another container's root
 * (symlinks included, against that root, not ours), then streams a file, lists a directory or tars it.
 * User input reaches it only as positional arguments.
 */
public final class PeekScript {
    /**
     * The part every peek-root script starts with: given {@code root} (/proc/PID/root) and {@code rest} (the
     * absolute PATH), fails with {@link #NO_SUCH_PROCESS} when the process is gone, then resolves PATH's symlinks
     * inside that root (the kernel would resolve an absolute link against our own root instead) into {@code cur}
     * and sets {@code p=$root$cur}.
     */
    static final String RESOLVE = """
cur='' hops=0
if [ ! -L "$root" ]; then echo "sharepid: no such process" >&2; exit 3; fi
while [ -n "$rest" ]; do
  rest=${rest#/}
  c=${rest%%/*}
  if [ "$c" = "$rest" ]; then rest=''; else rest=/${rest#*/}; fi
  case $c in
    ''|.) continue ;;
    ..) cur=${cur%/*}; continue ;;
  esac
  if [ -L "$root$cur/$c" ]; then
    hops=$((hops + 1))
    if [ "$hops" -gt 40 ]; then echo "sharepid: too many levels of symbolic links" >&2; exit 40; fi
    t=$(readlink -- "$root$cur/$c") || exit 1
    case $t in
      /*) cur='' rest=$t$rest ;;
      *) rest=/$t$rest ;;
    esac
  else
    cur=$cur/$c
  fi
done
p=$root$cur
""";

    /** Output starts with a header record: kind ({@code F} file, {@code D} listing, {@code T} tar) + resolved path + NUL. */
    public static final String SCRIPT = """
# peek-root: argv is ROOT PATH MODE (ROOT=/proc/PID/root, PATH absolute inside it, MODE list|tar);
# they arrive as positional parameters, never as script text. Resolves PATH inside ROOT, then streams a file,
# lists a directory or tars it.
root=$1 rest=$2 mode=$3
""" + RESOLVE + """
if [ -d "$p" ] && [ "$mode" = tar ]; then
  cd -- "$p" || exit 1
  printf 'T%s\\0' "${cur:-/}"
  exec tar -cf - .
fi
if [ -d "$p" ]; then
  cd -- "$p" || exit 1
  printf 'D%s\\0' "${cur:-/}"
  set --
  for f in * .[!.]* ..?*; do
    if [ -e "$f" ] || [ -L "$f" ]; then set -- "$@" "$f"; fi
  done
  for f; do printf '%s\\0' "$f"; done
  printf '\\0'
  if [ "$#" -gt 0 ]; then exec stat -c '%f %s %u %g %Y %h' -- "$@"; fi
  exit 0
fi
printf 'F%s\\0' "${cur:-/}"
exec cat -- "$p"
            """;

    /**
     * Checks the line a script built on {@link PsScript#LISTING_THEN_LINE} was sent as one PID (nothing to do
     * otherwise: an empty line, the end of stdin), for {@link #CHOOSE_SCRIPT} and {@link FollowScript#CHOOSE_SCRIPT}.
     */
    static final String PID_LINE = "case $line in ''|0*|*[!0-9]*) exit 0;; esac\n";

    /**
     * {@code peek-root -c CONTAINER} in one exec, run as {@code sh -c CHOOSE_SCRIPT sharepid-peek PATH MODE} with
     * stdin: the ps listing, then the PID the caller chose from it (the container's main process) on one line,
     * whose root is then read as {@link #SCRIPT} reads it. An empty line (or the end of stdin) reads nothing.
     */
    public static final String CHOOSE_SCRIPT = PsScript.LISTING_THEN_LINE + PID_LINE
            + "set -- \"/proc/$line/root\" \"$1\" \"$2\"\n" + SCRIPT;

    private PeekScript() {
    }

    /** The exec argv of {@link #CHOOSE_SCRIPT}; the PID follows on stdin ({@link #pidLine}). */
    public static List<String> chooseArgv(String path, boolean tar) {
        return List.of("sh", "-c", CHOOSE_SCRIPT, "sharepid-peek", path, tar ? "tar" : "list");
    }

    /** The stdin line of {@link #CHOOSE_SCRIPT} and {@link FollowScript#CHOOSE_SCRIPT}. */
    public static byte[] pidLine(long pid) {
        if (pid < 1) {
            throw new IllegalArgumentException("not a PID: " + pid);
        }
        return (pid + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The script's exit code when the PID does not exist. */
    public static final int NO_SUCH_PROCESS = 3;

    /** The exec argv that reads {@code path} in the root of process {@code pid}. */
    public static List<String> argv(long pid, String path, boolean tar) {
        return List.of("sh", "-c", SCRIPT, "sharepid-peek", "/proc/" + pid + "/root", path, tar ? "tar" : "list");
    }

    /** A usage error unless {@code path} is a non-empty absolute path without NUL; returns it unchanged. */
    public static String validatePath(String path) {
        if (path == null || path.isEmpty()) {
            throw SharepidException.usage("PATH must not be empty");
        }
        if (path.indexOf('\0') >= 0) {
            throw SharepidException.usage("PATH must not contain a NUL byte");
        }
        if (!path.startsWith("/")) {
            throw SharepidException.usage("PATH must be absolute (start with /): \"" + path + "\"");
        }
        return path;
    }
}
