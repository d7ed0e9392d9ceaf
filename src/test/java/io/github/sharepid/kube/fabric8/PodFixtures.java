package io.github.sharepid.kube.fabric8;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import java.util.List;

/** States of the pod copy "copy" in namespace "ns" (containers app and debug), built with fabric8 builders. */
final class PodFixtures {
    static final String NS = "ns";
    static final String NAME = "copy";
    static final String DEBUG = "debug";

    private PodFixtures() {
    }

    /** The copy as the planner hands it to create(). */
    static Pod copy() {
        return new PodBuilder()
                .withNewMetadata().withName(NAME).withNamespace(NS)
                .addToLabels(io.github.sharepid.pod.CopyMarks.MANAGED_BY_LABEL, io.github.sharepid.pod.CopyMarks.MANAGED_BY_VALUE).endMetadata()
                .withNewSpec().withShareProcessNamespace(true)
                .addNewContainer().withName("app").withImage("nginx").endContainer()
                .addNewContainer().withName(DEBUG).withImage("busybox:1.36").endContainer()
                .endSpec().build();
    }

    /** The copy at resourceVersion {@code rv}, in {@code phase}, on {@code node} (null: unscheduled). */
    static Pod state(String rv, String phase, String node, ContainerStatus... statuses) {
        return new PodBuilder(copy())
                .editMetadata().withResourceVersion(rv).endMetadata()
                .editSpec().withNodeName(node).endSpec()
                .withNewStatus().withPhase(phase).withContainerStatuses(statuses).endStatus()
                .build();
    }

    static Pod withInitContainers(Pod pod, List<String> names, ContainerStatus... statuses) {
        PodBuilder b = new PodBuilder(pod);
        names.forEach(n -> b.editSpec().addNewInitContainer().withName(n).withImage("busybox").endInitContainer()
                .endSpec());
        return b.editStatus().withInitContainerStatuses(statuses).endStatus().build();
    }

    static Pod unschedulable(String rv, String message) {
        return new PodBuilder(state(rv, "Pending", null)).editStatus().addNewCondition().withType("PodScheduled")
                .withStatus("False").withReason("Unschedulable").withMessage(message).endCondition().endStatus()
                .build();
    }

    static ContainerStatus waiting(String name, String reason, String message) {
        return new ContainerStatusBuilder().withName(name).withRestartCount(0)
                .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState()
                .build();
    }

    static ContainerStatus running(String name) {
        return new ContainerStatusBuilder().withName(name).withRestartCount(0)
                .withNewState().withNewRunning().withStartedAt("2024-05-01T10:00:00Z").endRunning().endState()
                .build();
    }

    static ContainerStatus terminated(String name, int exitCode, String reason) {
        return new ContainerStatusBuilder().withName(name).withRestartCount(0)
                .withNewState().withNewTerminated().withExitCode(exitCode).withReason(reason).endTerminated()
                .endState().build();
    }

    static WatchEvent modified(Pod pod) {
        return new WatchEvent(pod, "MODIFIED");
    }

    static Event event(String reason, String message, String lastTimestamp) {
        return new EventBuilder().withNewMetadata().withName(NAME + "." + reason).withNamespace(NS).endMetadata()
                .withReason(reason).withMessage(message).withLastTimestamp(lastTimestamp)
                .withNewInvolvedObject().withKind("Pod").withName(NAME).withNamespace(NS).endInvolvedObject()
                .build();
    }

    static String watchPath(String resourceVersion) {
        return "/api/v1/namespaces/" + NS + "/pods?allowWatchBookmarks=true&fieldSelector=metadata.name%3D" + NAME
                + "&resourceVersion=" + resourceVersion + "&watch=true";
    }

    static String podPath() {
        return "/api/v1/namespaces/" + NS + "/pods/" + NAME;
    }

    static String eventsPath() {
        return "/api/v1/namespaces/" + NS + "/events?fieldSelector=involvedObject.name%3D" + NAME
                + "%2CinvolvedObject.kind%3DPod";
    }
}
