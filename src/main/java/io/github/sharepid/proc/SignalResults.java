package io.github.sharepid.proc;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code result:PID:OUTCOME[:DETAIL]} records of {@link SignalScript}'s output, in target order.
 * The process records around them are for {@link ProcParser}.
 */
public final class SignalResults {
    private static final Pattern RESULT = Pattern.compile("(\\d{1,10}):(ok|gone|changed|dry|fail)(?::(.*))?",
            Pattern.DOTALL);

    private SignalResults() {
    }

    /** An unexpected result record (not from this script's version) becomes FAIL with the raw text as detail. */
    public static List<SignalResult> parse(byte[] stdout) {
        return Records.split(stdout).stream()
                .filter(record -> record.name().equals("result"))
                .map(record -> result(record.content()))
                .toList();
    }

    private static SignalResult result(String content) {
        Matcher m = RESULT.matcher(content);
        if (!m.matches() || Long.parseLong(m.group(1)) > Integer.MAX_VALUE) {
            return new SignalResult(0, SignalResult.Outcome.FAIL, "unexpected result: " + content);
        }
        SignalResult.Outcome outcome = SignalResult.Outcome.valueOf(m.group(2).toUpperCase(Locale.ROOT));
        String detail = m.group(3) == null ? "" : m.group(3);
        return new SignalResult(Integer.parseInt(m.group(1)), outcome, detail);
    }
}
