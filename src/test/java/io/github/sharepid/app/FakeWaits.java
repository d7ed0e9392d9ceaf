package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.kube.PodWaits;
import java.time.Duration;
import java.util.function.Consumer;

/** Waits that answer at once: the copy starts (or {@link #startFailure} is thrown), then exits with {@link #exitCode}. */
final class FakeWaits implements PodWaits {
    private final FakePods pods;
    RuntimeException startFailure;
    Integer exitCode = 0;

    FakeWaits(FakePods pods) {
        this.pods = pods;
    }

    @Override
    public Pod awaitRunning(Pod created, String container, Duration timeout, Consumer<String> progress) {
        if (startFailure != null) {
            throw startFailure;
        }
        progress.accept("container " + container + " started");
        return pods.get(created.getMetadata().getNamespace(), created.getMetadata().getName());
    }

    @Override
    public Integer awaitExitCode(String namespace, String name, String container, Duration timeout) {
        return exitCode;
    }
}
