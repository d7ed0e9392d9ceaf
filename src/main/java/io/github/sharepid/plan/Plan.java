package io.github.sharepid.plan;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Objects;

/**
 * The pod to create and what the user should be told about it.
 *
 * @param copy  the debug copy, ready for one create call
 * @param notes warnings and notes for stderr, each one full sentence, in the order they arose
 */
public record Plan(Pod copy, List<String> notes) {
    public Plan {
        Objects.requireNonNull(copy, "copy");
        notes = List.copyOf(notes);
    }
}
