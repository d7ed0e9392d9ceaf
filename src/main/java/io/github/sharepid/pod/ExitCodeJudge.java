package io.github.sharepid.pod;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;

/**
 * What {@code awaitExitCode} makes of each pod state: the container's exit code once it has terminated,
 * also when the kubelet already restarted it (then the code is in {@code lastState}); null when the pod
 * is gone or the time is up.
 */
public final class ExitCodeJudge implements PodJudge<Integer> {
    private final String container;
    private Integer restartsWhenFirstSeen;

    public ExitCodeJudge(String container) {
        this.container = container;
    }

    @Override
    public Optional<Integer> judge(Pod pod) {
        Optional<ContainerStatus> status = Containers.status(pod, container);
        if (status.isEmpty()) {
            return Optional.empty();
        }
        ContainerStatus s = status.get();
        int restarts = s.getRestartCount() == null ? 0 : s.getRestartCount();
        if (restartsWhenFirstSeen == null) {
            restartsWhenFirstSeen = restarts;
        }
        if (s.getState() != null && s.getState().getTerminated() != null) {
            return Optional.of(exitCode(s.getState().getTerminated()));
        }
        if (restarts > restartsWhenFirstSeen && s.getLastState() != null && s.getLastState().getTerminated() != null) {
            return Optional.of(exitCode(s.getLastState().getTerminated()));
        }
        return Optional.empty();
    }

    @Override
    public Integer gone() {
        return null;
    }

    @Override
    public Integer timedOut(Pod last) {
        return null;
    }

    private static int exitCode(ContainerStateTerminated terminated) {
        return terminated.getExitCode() == null ? -1 : terminated.getExitCode();
    }
}
