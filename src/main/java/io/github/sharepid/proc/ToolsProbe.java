package io.github.sharepid.proc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks a container whether it can run the fixed scripts of ps, signal and peek-root: {@code sh} starts (else the
 * exec itself fails: no such executable) and finds {@code grep}, {@code cat}, {@code stat}, {@code tr} and
 * {@code readlink}. Reads nothing and changes nothing; exits 0, or {@link #MISSING} naming the first tool missing.
 * {@link #guarded} puts the same check in front of a fixed script, so that the script itself can serve as the
 * probe of a live pod's container: a missing tool stops it before it has done anything.
 */
public final class ToolsProbe {
    /** The exit code for a missing tool, the shell's own for "command not found". */
    public static final int MISSING = 127;

    static final String SCRIPT = """
            for t in grep cat stat tr readlink; do
              command -v "$t" >/dev/null 2>&1 || { echo "no $t" >&2; exit 127; }
            done
            """;

    private static final Pattern MISSING_LINE = Pattern.compile("\\A(no (?:grep|cat|stat|tr|readlink))\\r?\\n?\\z");

    private ToolsProbe() {
    }

    /** {@code sh -c SCRIPT ARGS...} with the check in front of SCRIPT; the positional arguments unchanged. */
    public static List<String> guarded(List<String> argv) {
        if (argv.size() < 3 || !argv.get(0).equals("sh") || !argv.get(1).equals("-c")) {
            throw new IllegalArgumentException("not a fixed sh -c script: " + argv);
        }
        List<String> guarded = new ArrayList<>(argv);
        guarded.set(2, SCRIPT + argv.get(2));
        return List.copyOf(guarded);
    }

    /** What a {@link #guarded} script's exit says is missing ("no grep"), or null when it ran. */
    public static String missing(int code, String stderr) {
        if (code != MISSING) {
            return null;
        }
        Matcher m = MISSING_LINE.matcher(stderr);
        return m.find() ? m.group(1) : null;
    }

    /** The exec argv: {@code sh -c SCRIPT}. */
    public static List<String> argv() {
        return List.of("sh", "-c", SCRIPT);
    }
}
