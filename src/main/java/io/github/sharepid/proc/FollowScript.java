package io.github.sharepid.proc;

import io.github.sharepid.failure.SharepidException;
import java.util.List;

/**
 * The fixed script behind {@code peek-root --follow}: {@code tail -F} across containers. It resolves PATH as
 * {@link PeekScript} does, holds the file open and copies what is appended with {@code cat} (binary safe, the
 * shared file offset remembers where it was), re-opens it by name when it is truncated or replaced (rotation),
 * and ends when the target process exits (checked with its start time, so a reused PID does not count) or when our connection goes (its stdin, kept open by the client,
 * reaches end-of-file then). It looks every quarter of a second, so a new line waits at most that long.
 * User input reaches it only as positional arguments.
 */
public final class FollowScript {
    /** The exit code when the target process exited (or its PID now names another process). */
    public static final int TARGET_EXITED = 4;
    /** Remote stderr lines that start with this are notes for the user, not errors. */
    public static final String NOTE = "sharepid: note: ";

    /** Output: the {@link PeekStream} header of a file ({@code F} + resolved path + NUL), then the bytes. */
    public static final String SCRIPT = """
# peek-root --follow: argv is PID PATH LINES (PATH absolute inside /proc/PID/root; LINES: how many of the last
# lines to show first, or "all"); they arrive as positional parameters, never as script text.
pid=$1 root=/proc/$1/root rest=$2 lines=$3
""" + PeekScript.RESOLVE + """
here=${cur:-/}
started() { s=; read -r s <"/proc/$pid/stat"; s=${s##*) }; set -f; set -- $s; st=${20}; }
note() { echo "sharepid: note: $here $*" >&2; }
if [ -d "$p" ]; then echo "sharepid: $here is a directory; --follow reads a file" >&2; exit 1; fi
head -c 0 -- "$p" || exit 1
started 2>/dev/null
start=$st
if [ -z "$start" ]; then echo "sharepid: no such process" >&2; exit 3; fi
exec 4<"$p"
printf 'F%s\\0' "$here"
exec 3<&0
{ cat <&3; kill $$; } >/dev/null 2>&1 &
watcher=$!
case $lines in
  all) ;;
  0) tail -c 0 <&4 ;;
  *) tail -n "$lines" <&4 ;;
esac
gone=0
while :; do
  cat <&4 || exit 1
  started 2>/dev/null
  if [ "$st" != "$start" ]; then cat <&4; kill "$watcher"; exit 4; fi
  pos=0
  while read -r k v; do if [ "$k" = pos: ]; then pos=$v; fi; done <"/proc/$$/fdinfo/4"
  set -- $(stat -L -c '%d:%i %s' -- "/proc/$$/fd/4" "$p" 2>/dev/null)
  if [ -z "$3" ]; then
    gone=$((gone + 1))
    if [ "$gone" = 4 ]; then note "is gone; following it when it appears again"; fi
  elif [ "$3" != "$1" ]; then
    cat <&4 || exit 1
    if command exec 4<"$p"; then
      if [ "$gone" -ge 4 ]; then note "has appeared; following the new file"; else note "has been replaced; following the new file"; fi
      gone=0
    fi
  else
    if [ "$2" -lt "$pos" ]; then note "was truncated; following it from its start"; command exec 4<"$p"; fi
    gone=0
  fi
  sleep 0.25
done
""";

    /**
     * {@code peek-root -c CONTAINER --follow} in one exec, run as {@code sh -c CHOOSE_SCRIPT sharepid-follow PATH
     * LINES} with stdin: the ps listing, then the PID the caller chose from it on one line
     * ({@link PeekScript#pidLine}), whose file is then followed as {@link #SCRIPT} follows it, stdin still open.
     * An empty line (or the end of stdin) follows nothing.
     */
    public static final String CHOOSE_SCRIPT = PsScript.LISTING_THEN_LINE + PeekScript.PID_LINE
            + "set -- \"$line\" \"$1\" \"$2\"\n" + SCRIPT;

    private FollowScript() {
    }

    /** The exec argv of {@link #CHOOSE_SCRIPT}; the PID follows on stdin. */
    public static List<String> chooseArgv(String path, int lines) {
        return List.of("sh", "-c", CHOOSE_SCRIPT, "sharepid-follow", path, lines == ALL ? "all" : Integer.toString(lines));
    }

    /**
     * The exec argv that follows {@code path} in the root of process {@code pid}, first showing its last
     * {@code lines} lines ({@link #ALL} for the whole file, 0 for none).
     */
    public static List<String> argv(long pid, String path, int lines) {
        return List.of("sh", "-c", SCRIPT, "sharepid-follow", Long.toString(pid), path,
                lines == ALL ? "all" : Integer.toString(lines));
    }

    /** {@code --tail -1}: the whole file, as {@code kubectl logs --tail=-1}. */
    public static final int ALL = -1;

    /** A usage error unless {@code lines} is {@link #ALL} or zero or more; returns it unchanged. */
    public static int validateLines(int lines) {
        if (lines < ALL) {
            throw SharepidException.usage("--tail must be -1 (the whole file), 0 (only what is appended) or a"
                    + " number of lines, not " + lines);
        }
        return lines;
    }
}
