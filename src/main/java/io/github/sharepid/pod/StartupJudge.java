package io.github.sharepid.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.text.Durations;
import io.github.sharepid.failure.SharepidException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What {@code awaitRunning} makes of each state of the pod copy: one progress line per new stage, an
 * immediate failure when the debug container can never start, and the pod once that container runs.
 * Only the debug container and init containers can fail the wait: an app container in CrashLoopBackOff
 * is often the very thing the user wants to debug.
 */
public final class StartupJudge implements PodJudge<Pod> {
    /** Waiting reasons that do not go away by waiting longer. */
    static final Set<String> FATAL_WAITING = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "ErrImageNeverPull", "CreateContainerConfigError", "CreateContainerError", "RunContainerError",
            "CrashLoopBackOff");

    private final String pod;
    private final String container;
    private final Duration timeout;
    private final Consumer<String> progress;
    private final Supplier<String> eventsSuffix;
    private final Set<String> reported = new HashSet<>();

    public StartupJudge(String pod, String container, Duration timeout, Consumer<String> progress,
                 Supplier<String> eventsSuffix) {
        this.pod = pod;
        this.container = container;
        this.timeout = timeout;
        this.progress = progress;
        this.eventsSuffix = eventsSuffix;
    }

    /**
     * Why {@code container} of {@code pod} can never run again, or empty while it may: it exited (an ephemeral
     * container is never restarted) or waits for a reason that waiting does not cure ({@link #FATAL_WAITING}).
     * A container with no status yet may still start.
     */
    public static Optional<String> cannotRun(Pod pod, String container) {
        Optional<ContainerStatus> status = Containers.status(pod, container);
        if (status.map(s -> s.getState() != null && s.getState().getTerminated() != null).orElse(false)) {
            return Optional.of("exited with code " + status.get().getState().getTerminated().getExitCode());
        }
        return status.filter(StartupJudge::cannotRecover).map(StartupJudge::waitingReason);
    }

    @Override
    public Optional<Pod> judge(Pod state) {
        reportStages(state);
        String broken = whyItCannotStart(state);
        if (broken != null) {
            throw failure(broken);
        }
        Optional<ContainerStatus> debug = Containers.status(state, container);
        if ("Running".equals(PodStates.phase(state)) && debug.filter(PodStates::isRunning).isPresent()) {
            step("container " + container + " started");
            return Optional.of(state);
        }
        return Optional.empty();
    }

    @Override
    public Pod gone() {
        throw SharepidException.failure("pod " + pod + " was deleted while waiting for it to start");
    }

    @Override
    public Pod timedOut(Pod last) {
        throw failure("pod " + pod + " not running after " + Durations.format(timeout) + ": "
                + PodStates.summary(last, container));
    }

    private void reportStages(Pod state) {
        if (isEphemeral(state)) { // the pod is running already: only its new container has stages of its own
            reportPull(state);
            return;
        }
        if (state.getSpec() != null && state.getSpec().getNodeName() != null) {
            step("scheduled on node " + state.getSpec().getNodeName());
        }
        List<Container> inits = state.getSpec() == null || state.getSpec().getInitContainers() == null ? List.of()
                : state.getSpec().getInitContainers();
        for (int i = 0; i < inits.size(); i++) {
            Optional<ContainerStatus> init = Containers.status(state, inits.get(i).getName());
            if (init.filter(s -> s.getState() != null && s.getState().getWaiting() == null).isPresent()) {
                step("init container " + (i + 1) + "/" + inits.size() + ": " + inits.get(i).getName());
            }
        }
        reportPull(state);
    }

    private void reportPull(Pod state) {
        if ("ContainerCreating".equals(Containers.status(state, container).map(StartupJudge::waitingReason)
                .orElse(null))) {
            step("pulling image " + Containers.image(state, container));
        }
    }

    private boolean isEphemeral(Pod state) {
        return state.getSpec() != null && state.getSpec().getEphemeralContainers() != null
                && state.getSpec().getEphemeralContainers().stream().anyMatch(c -> container.equals(c.getName()));
    }

    private String whyItCannotStart(Pod state) {
        Optional<ContainerStatus> debug = Containers.status(state, container);
        ContainerStateTerminated exited = debug.map(s -> s.getState() == null ? null : s.getState().getTerminated())
                .orElse(null);
        if (exited != null) {
            return "container " + container + " in pod " + pod + " exited with code " + exited.getExitCode()
                    + (exited.getReason() == null ? "" : " (" + exited.getReason() + ")");
        }
        if (debug.filter(StartupJudge::cannotRecover).isPresent()) {
            return "container " + container + " in pod " + pod + " cannot start: " + waiting(debug.get())
                    + nonRootHint(debug.get());
        }
        Optional<ContainerStatus> badInit = state.getStatus() == null || state.getStatus().getInitContainerStatuses()
                == null ? Optional.empty() : state.getStatus().getInitContainerStatuses().stream()
                .filter(StartupJudge::cannotRecover).findFirst();
        if (badInit.isPresent()) {
            return "init container " + badInit.get().getName() + " in pod " + pod + " cannot start: "
                    + waiting(badInit.get());
        }
        return whyThePodCannotRun(state);
    }

    private String whyThePodCannotRun(Pod state) {
        String unschedulable = PodStates.unschedulable(state).orElse(null);
        if (unschedulable != null) {
            return "pod " + pod + " cannot be scheduled: " + unschedulable;
        }
        String phase = PodStates.phase(state);
        if ("Failed".equals(phase) || "Succeeded".equals(phase)) {
            String reason = state.getStatus().getReason();
            String message = state.getStatus().getMessage();
            return "pod " + pod + " is " + phase + (reason == null ? "" : ": " + reason)
                    + (message == null ? "" : ": " + message);
        }
        return null;
    }

    private SharepidException failure(String line) {
        return SharepidException.failure(line + eventsSuffix.get());
    }

    private void step(String line) {
        if (reported.add(line)) {
            progress.accept(line);
        }
    }

    private static boolean cannotRecover(ContainerStatus status) {
        String reason = waitingReason(status);
        return reason != null && FATAL_WAITING.contains(reason);
    }

    private static String waitingReason(ContainerStatus status) {
        return status.getState() == null || status.getState().getWaiting() == null ? null
                : status.getState().getWaiting().getReason();
    }

    /** The kubelet refuses a root image under runAsNonRoot; say which profiles start instead. */
    private static String nonRootHint(ContainerStatus status) {
        String message = status.getState().getWaiting().getMessage();
        return message != null && message.contains("runAsNonRoot") && message.contains("run as root")
                ? " (the pod requires non-root: use --profile restricted, which runs the debug container as"
                + " UID 65534, or --profile general, which runs it alone as root)" : "";
    }

    private static String waiting(ContainerStatus status) {
        ContainerStateWaiting w = status.getState().getWaiting();
        return w.getReason() + (w.getMessage() == null || w.getMessage().isBlank() ? "" : ": " + w.getMessage());
    }
}
