package io.github.sharepid.output;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The time columns of {@code ps}, formatted as procps formats them. */
final class PsTimes {
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter EARLIER = DateTimeFormatter.ofPattern("MMMdd", Locale.ENGLISH);

    private PsTimes() {
    }

    /** TIME: cumulative CPU as {@code m:ss}, minutes unbounded. */
    static String cpu(double seconds) {
        long total = (long) Math.floor(seconds);
        return total / 60 + ":" + twoDigits(total % 60);
    }

    /** ELAPSED: {@code [[dd-]hh:]mm:ss}. */
    static String elapsed(long seconds) {
        long days = seconds / 86_400;
        long hours = seconds / 3_600 % 24;
        String minutesSeconds = twoDigits(seconds / 60 % 60) + ":" + twoDigits(seconds % 60);
        if (days > 0) {
            return days + "-" + twoDigits(hours) + ":" + minutesSeconds;
        }
        return hours > 0 ? twoDigits(hours) + ":" + minutesSeconds : minutesSeconds;
    }

    /** START: {@code HH:mm} if the process started on {@code now}'s date (in its zone), else {@code MMMdd}. */
    static String start(Instant start, ZonedDateTime now) {
        ZonedDateTime local = start.atZone(now.getZone());
        return local.toLocalDate().equals(now.toLocalDate()) ? TODAY.format(local) : EARLIER.format(local);
    }

    private static String twoDigits(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }
}
