package io.github.sharepid.plan;

import io.github.sharepid.pod.CopyMarks;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The copy's metadata, built from scratch: nothing that ties the source to its owner, its identity
 * or its history (ownerReferences, uid, finalizers, managedFields...) can leak into the copy.
 */
final class CopyMetadata {
    /** Generated names fit a DNS label, so the copy's hostname (its name) is not cut by the kubelet. */
    static final int MAX_GENERATED_NAME = 63;

    private CopyMetadata() {}

    static ObjectMeta build(Pod source, DebugSpec spec, PlanContext ctx) {
        ObjectMeta src = source.getMetadata();
        Map<String, String> labels = new LinkedHashMap<>();
        if (spec.keepLabels() && src.getLabels() != null) {
            labels.putAll(src.getLabels());
        }
        labels.put(CopyMarks.MANAGED_BY_LABEL, CopyMarks.MANAGED_BY_VALUE);
        Map<String, String> annotations = new LinkedHashMap<>();
        if (spec.keepAnnotations() && src.getAnnotations() != null) {
            annotations.putAll(src.getAnnotations());
        }
        annotations.put(CopyMarks.SOURCE_ANNOTATION, src.getName());
        annotations.put(CopyMarks.DEBUG_CONTAINER_ANNOTATION, spec.container());
        annotations.put(CopyMarks.CREATED_ANNOTATION, ctx.now().toString());
        if (!spec.apps().hold().isEmpty()) {
            annotations.put(CopyMarks.HELD_ANNOTATION, HeldContainers.annotation(source.getSpec(), spec.apps().hold()));
        }
        return new ObjectMetaBuilder()
                .withName(copyName(spec.copyName(), src.getName(), ctx.randomSuffix()))
                .withNamespace(src.getNamespace())
                .withLabels(labels)
                .withAnnotations(annotations)
                .build();
    }

    /** The explicit name, or {@code <source>-sharepid-<suffix>} with the source part cut to fit 63 characters. */
    static String copyName(String explicit, String source, String suffix) {
        if (explicit != null && !explicit.isEmpty()) {
            return explicit;
        }
        String tail = "-sharepid-" + suffix;
        String head = source.substring(0, Math.min(source.length(), MAX_GENERATED_NAME - tail.length()));
        return head.replaceFirst("[-.]+$", "") + tail;
    }

    /** The keep-labels warning, when there are source labels for a controller to match. */
    static List<String> notes(Pod source, DebugSpec spec) {
        Map<String, String> labels = source.getMetadata().getLabels();
        if (!spec.keepLabels() || labels == null || labels.isEmpty()) {
            return List.of();
        }
        return List.of("The copy keeps the labels of pod " + source.getMetadata().getName() + ": a controller whose"
                + " selector matches them may adopt it (and then delete it or a replica), and matching Services"
                + " will send it traffic.");
    }
}
