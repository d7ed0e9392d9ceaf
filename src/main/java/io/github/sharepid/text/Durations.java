package io.github.sharepid.text;

import io.github.sharepid.failure.SharepidException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations the way kubectl reads and prints them: a bare number is seconds, otherwise Go syntax
 * ({@code 10s}, {@code 1m30s}, {@code 250ms}); printed as Go prints them ({@code 2m0s}); and the AGE column.
 * One parser for every flag: {@code --timeout}, {@code --older-than}, {@code --request-timeout}.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L, "us", 1_000L, "µs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private Durations() {
    }

    /**
     * Parses {@code value} as kubectl's {@code --request-timeout} does: a bare integer is seconds, otherwise
     * Go duration syntax; negative or malformed values are a usage error naming {@code flag}.
     */
    public static Duration parse(String value, String flag) {
        String v = value == null ? "" : value.strip();
        if (v.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        Matcher m = PART.matcher(v);
        BigDecimal nanos = BigDecimal.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(m.group(2)))));
            end = m.end();
        }
        if (end == 0 || end != v.length()) {
            throw SharepidException.usage("invalid " + flag + " \"" + value
                    + "\": use a whole number of seconds or a number with a unit, e.g. 10s, 2m, 1h");
        }
        return Duration.ofNanos(nanos.longValue());
    }

    /** Formats like Go's {@code time.Duration.String()}: {@code 2m0s}, {@code 1h0m0s}, {@code 1.5s}, {@code 500ms}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            return trim(BigDecimal.valueOf(d.toNanos(), 6)) + "ms";
        }
        StringBuilder out = new StringBuilder();
        if (d.toHours() > 0) {
            out.append(d.toHours()).append('h');
        }
        if (out.length() > 0 || d.toMinutesPart() > 0) {
            out.append(d.toMinutesPart()).append('m');
        }
        BigDecimal seconds = BigDecimal.valueOf(d.toSecondsPart()).add(BigDecimal.valueOf(d.toNanosPart(), 9));
        return out.append(trim(seconds)).append('s').toString();
    }

    private static String trim(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
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
