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
    /** An event's message longer than this is cut (pull errors quote whole registry answers). */
    static final int MESSAGE_LIMIT = 160;

    private PodEvents() {
    }

    /** The last {@code limit} of {@code events}, oldest first, by lastTimestamp, eventTime, then creation time. */
    public static List<Event> latest(List<Event> events, int limit) {
        List<Event> sorted = events.stream().sorted(Comparator.comparing(PodEvents::when)).toList();
        return sorted.subList(Math.max(0, sorted.size() - limit), sorted.size());
    }

    /**
     * The events about {@code container} alone: those whose involvedObject.fieldPath names it
     * ({@code spec.containers{x}}, {@code spec.ephemeralContainers{x}}…), not the pod's or its other containers'.
     */
    public static List<Event> about(List<Event> events, String container) {
        String field = "{" + container + "}";
        return events.stream().filter(e -> e.getInvolvedObject() != null && e.getInvolvedObject().getFieldPath() != null
                && e.getInvolvedObject().getFieldPath().endsWith(field)).toList();
    }

    /**
     * {@code "; events: Reason: message | ..."}, or empty when there are none: one line, each message cut at
     * {@link #MESSAGE_LIMIT} characters and said once.
     */
    public static String suffix(List<Event> events) {
        if (events.isEmpty()) {
            return "";
        }
        return "; events: " + events.stream()
                .map(e -> (e.getReason() == null ? "" : e.getReason() + ": ") + cut(e.getMessage()))
                .distinct()
                .collect(Collectors.joining(" | "));
    }

    private static String cut(String message) {
        String line = message == null ? "" : message.strip().replaceAll("\\s+", " ");
        return line.length() <= MESSAGE_LIMIT ? line : line.substring(0, MESSAGE_LIMIT - 1) + "…";
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
