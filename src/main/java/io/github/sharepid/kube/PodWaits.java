package io.github.sharepid.kube;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.function.Consumer;

/** Waits on one pod with a watch (no polling): until its container runs, or until it has exited. */
public interface PodWaits {
    /**
     * Watches until the pod is Running with {@code container} started, reporting progress;
     * fails fast with the reason and the pod's recent events on image pull errors,
     * CreateContainerConfigError, Unschedulable, the container exiting, the pod failing, or the timeout.
     * {@code created} is the pod as {@link Pods#create} returned it: the watch starts from its resourceVersion,
     * with no GET before it.
     */
    Pod awaitRunning(Pod created, String container, Duration timeout, Consumer<String> progress);

    /**
     * Watches until {@code container} has terminated and returns its exit code, or {@code null} if it is
     * still running when {@code timeout} passes or the pod is gone.
     */
    Integer awaitExitCode(String namespace, String name, String container, Duration timeout);
}
