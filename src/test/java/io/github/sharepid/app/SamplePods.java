package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.github.sharepid.pod.CopyMarks;

/** Pods for the use-case tests, built with fabric8's builders: a source pod and a kubectl-sharepid copy. */
final class SamplePods {
    static final String NGINX_ID = "0123456789abcdef".repeat(4);
    static final String DEBUG_ID = "fedcba9876543210".repeat(4);
    static final String SANDBOX_ID = "a".repeat(64);
    static final String TOOLS_ID = "b".repeat(64);

    private SamplePods() {
    }

    /** {@code web-1} in {@code ns}: one nginx container, running, not sharing its process namespace. */
    static Pod source() {
        return new PodBuilder().withNewMetadata().withName("web-1").withNamespace("ns").endMetadata()
                .withNewSpec().addNewContainer().withName("nginx").withImage("nginx:1.25").endContainer().endSpec()
                .withNewStatus().withPhase("Running").addToContainerStatuses(running("nginx", NGINX_ID)).endStatus()
                .build();
    }

    /** {@code web-1-sharepid-abcde}: nginx and the debug container {@code sharepid}, both running. */
    static Pod copy() {
        return copy("web-1-sharepid-abcde", "2026-11-29T20:00:00Z");
    }

    static Pod copy(String name, String created) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("ns").withCreationTimestamp(created)
                .addToLabels(CopyMarks.MANAGED_BY_LABEL, CopyMarks.MANAGED_BY_VALUE)
                .addToAnnotations(CopyMarks.SOURCE_ANNOTATION, "web-1")
                .addToAnnotations(CopyMarks.DEBUG_CONTAINER_ANNOTATION, "sharepid").endMetadata()
                .withNewSpec().withShareProcessNamespace(true)
                .addNewContainer().withName("nginx").withImage("nginx:1.25").endContainer()
                .addNewContainer().withName("sharepid").withImage("busybox:1.36").endContainer().endSpec()
                .withNewStatus().withPhase("Running")
                .addToContainerStatuses(running("nginx", NGINX_ID), running("sharepid", DEBUG_ID)).endStatus()
                .build();
    }

    /**
     * The docs page's pod {@code nginx}: shares its process namespace, containers {@code nginx} and {@code shell}
     * (busybox, adds SYS_PTRACE), both running, no kubectl-sharepid annotation.
     */
    static Pod docsPod() {
        return new PodBuilder().withNewMetadata().withName("nginx").withNamespace("ns").endMetadata()
                .withNewSpec().withShareProcessNamespace(true)
                .addNewContainer().withName("nginx").withImage("nginx").endContainer()
                .addNewContainer().withName("shell").withImage("busybox").withNewSecurityContext().withNewCapabilities()
                .addToAdd("SYS_PTRACE").endCapabilities().endSecurityContext().endContainer().endSpec()
                .withNewStatus().withPhase("Running")
                .addToContainerStatuses(running("nginx", NGINX_ID), running("shell", DEBUG_ID)).endStatus()
                .build();
    }

    static ContainerStatus running(String name, String id) {
        return new ContainerStatusBuilder().withName(name).withContainerID("containerd://" + id)
                .withNewState().withNewRunning().withStartedAt("2026-11-29T20:00:01Z").endRunning().endState().build();
    }
}
