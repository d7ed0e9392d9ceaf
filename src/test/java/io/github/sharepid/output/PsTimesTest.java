package io.github.sharepid.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PsTimesTest {
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 22, 15, 0, 0, 0, ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} s is {1}")
    @CsvSource({"0, 0:00", "0.01, 0:00", "59.99, 0:59", "60, 1:00", "3725.5, 62:05", "360000, 6000:00"})
    void cpu_isMinutesAndSecondsWithUnboundedMinutes(double seconds, String expected) {
        assertThat(PsTimes.cpu(seconds)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} s is {1}")
    @CsvSource({"0, 00:00", "6, 00:06", "599, 09:59", "3600, 01:00:00", "86399, 23:59:59", "86400, 1-00:00:00",
        "90061, 1-01:01:01", "1000000, 11-13:46:40"})
    void elapsed_isDaysHoursMinutesSecondsLikeProcps(long seconds, String expected) {
        assertThat(PsTimes.elapsed(seconds)).isEqualTo(expected);
    }

    @Test
    void start_today_isHoursAndMinutes() {
        assertThat(PsTimes.start(Instant.parse("2026-11-22T14:28:50.33Z"), NOW)).isEqualTo("14:28");
        assertThat(PsTimes.start(Instant.parse("2026-11-22T00:00:00Z"), NOW)).isEqualTo("00:00");
    }

    @Test
    void start_beforeToday_isMonthAndDay() {
        assertThat(PsTimes.start(Instant.parse("2026-11-21T23:59:59Z"), NOW)).isEqualTo("Nov21");
        assertThat(PsTimes.start(Instant.parse("2026-03-05T10:00:00Z"), NOW)).isEqualTo("Mar05");
    }

    @Test
    void start_todayIsTheDateInTheZoneOfNow() {
        ZonedDateTime berlinAfterMidnight = ZonedDateTime.of(2026, 11, 23, 0, 40, 0, 0, ZoneId.of("Europe/Berlin"));

        assertThat(PsTimes.start(Instant.parse("2026-11-22T23:30:00Z"), berlinAfterMidnight)).isEqualTo("00:30");
        assertThat(PsTimes.start(Instant.parse("2026-11-22T22:30:00Z"), berlinAfterMidnight)).isEqualTo("Nov22");
    }
}
