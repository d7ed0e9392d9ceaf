package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.pod.CopyMarks;
import io.github.sharepid.output.CopyRow;
import java.time.Instant;
import java.util.Map;

/** Reads a debug copy's row (source, debug container, creation time, phase) from its pod object. */
final class CopyRows {
    private CopyRows() {
    }

    static CopyRow of(Pod pod) {
        var meta = pod.getMetadata();
        Map<String, String> a = meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
        String phase = pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Unknown" : pod.getStatus().getPhase();
        if (meta.getDeletionTimestamp() != null) {
            phase = "Terminating";
        }
        return new CopyRow(meta.getNamespace(), meta.getName(), a.getOrDefault(CopyMarks.SOURCE_ANNOTATION, ""),
                a.getOrDefault(CopyMarks.DEBUG_CONTAINER_ANNOTATION, ""), created(meta.getCreationTimestamp(),
                a.get(CopyMarks.CREATED_ANNOTATION)), phase);
    }

    private static Instant created(String creationTimestamp, String annotation) {
        String t = creationTimestamp != null ? creationTimestamp : annotation;
        try {
            return t == null ? null : Instant.parse(t);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
