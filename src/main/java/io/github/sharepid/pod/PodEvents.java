package io.github.sharepid.pod;

import io.fabric8.kubernetes.api.model.Event;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Orders a pod's events in time and renders the few that explain a failed start on one line. */
public final class PodEvents {
    private PodEvents() {
    }

    /** The last {@code limit} of {@code events}, oldest first, by lastTimestamp, eventTime, then creation time. */
    public static List<Event> latest(List<Event> events, int limit) {
        List<Event> sorted = events.stream().sorted(Comparator.comparing(PodEvents::when)).toList();
        return sorted.subList(Math.max(0, sorted.size() - limit), sorted.size());
    }

    /** {@code "; events: Reason: message | ..."}, or empty when there are none. */
    public static String suffix(List<Event> events) {
        if (events.isEmpty()) {
            return "";
        }
        return "; events: " + events.stream()
                .map(e -> (e.getReason() == null ? "" : e.getReason() + ": ")
                        + (e.getMessage() == null ? "" : e.getMessage().strip()))
                .collect(Collectors.joining(" | "));
    }

    static Instant when(Event e) {
        String time = e.getLastTimestamp();
        if (time == null && e.getEventTime() != null) {
            time = e.getEventTime().getTime();
        }
        if (time == null && e.getMetadata() != null) {
            time = e.getMetadata().getCreationTimestamp();
        }
        try {
            return time == null ? Instant.EPOCH : OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException unparseable) {
            return Instant.EPOCH;
        }
    }
}
