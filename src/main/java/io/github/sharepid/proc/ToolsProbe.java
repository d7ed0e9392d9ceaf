package io.github.sharepid.proc;

import java.util.List;

/**
 * Asks a container whether it can run the fixed scripts of ps, signal and peek-root: {@code sh} starts (else the
 * exec itself fails: no such executable) and finds {@code grep}, {@code cat}, {@code stat}, {@code tr} and
 * {@code readlink}. Reads nothing and changes nothing; exits 0, or {@link #MISSING} naming the first tool missing.
 */
public final class ToolsProbe {
    /** The exit code for a missing tool, the shell's own for "command not found". */
    public static final int MISSING = 127;

    static final String SCRIPT = """
            for t in grep cat stat tr readlink; do
              command -v "$t" >/dev/null 2>&1 || { echo "no $t" >&2; exit 127; }
            done
            """;

    private ToolsProbe() {
    }

    /** The exec argv: {@code sh -c SCRIPT}. */
    public static List<String> argv() {
        return List.of("sh", "-c", SCRIPT);
    }
}
