package io.github.sharepid;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** kubectl's duration syntax ({@code 90s}, {@code 2m}, {@code 1h30m}, a bare number = seconds). */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h))+");

    private Durations() {
    }

    /** Parses {@code text}; a usage error naming {@code flag} if it is not a duration. */
    public static Duration parse(String text, String flag) {
        String t = text == null ? "" : text.strip();
        if (t.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        if (!WHOLE.matcher(t).matches()) {
            throw SharepidException.usage(flag + " wants a duration like 30s, 2m or 1h30m, not \"" + text + "\"");
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            long unitMillis = switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                default -> 3_600_000;
            };
            total = total.plusMillis(Math.round(Double.parseDouble(m.group(1)) * unitMillis));
        }
        return total;
    }

    /** {@code 2m0s}-style rendering, as kubectl prints durations. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + (s % 60) + "s";
        }
        return (s / 3600) + "h" + (s % 3600 / 60) + "m" + (s % 60) + "s";
    }

    /** kubectl's AGE column: 45s, 12m, 3h, 2d. */
    public static String age(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return s + "s";
        }
        if (s < 3 * 3600) {
            return (s / 60) + "m";
        }
        if (s < 48 * 3600) {
            return (s / 3600) + "h";
        }
        return (s / 86400) + "d";
    }
}
