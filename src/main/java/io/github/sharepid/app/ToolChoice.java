package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.CommandNotFound;
import io.github.sharepid.kube.Exec;
import io.github.sharepid.plan.EphemeralPlanner;
import io.github.sharepid.pod.Containers;
import io.github.sharepid.pod.PodStates;
import io.github.sharepid.proc.ToolsProbe;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Picks, on a live pod that shares its process namespace, the container the tools run in when the user named
 * none: the first running one, in this order, where {@link ToolsProbe} succeeds: the tools containers this tool
 * added ({@code sharepid-tools-*}, in spec order), then the regular containers that add SYS_PTRACE or are
 * privileged (they can also read other users' /proc/PID/root), then the other regular containers, in spec
 * order. A container without {@code sh} (the exec cannot start) or without the other tools is passed over;
 * any other failure (RBAC, a lost connection) ends the search. The probe changes nothing, so signal's side
 * effect runs once, in the container chosen. {@link #chooseByRunning} needs no probe of its own: the command
 * itself runs behind the probe's check ({@link GuardedExec}), so the first container that has the tools
 * costs one exec, not two.
 */
final class ToolChoice {
    private final Exec exec;
    private final String namespace;
    private final Progress progress;

    ToolChoice(Exec exec, String namespace, Progress progress) {
        this.exec = exec;
        this.namespace = namespace;
        this.progress = progress;
    }

    ToolSite choose(Pod pod) {
        String name = pod.getMetadata().getName();
        List<String> passed = new ArrayList<>();
        for (String candidate : candidates(pod)) {
            String missing = missingTools(name, candidate);
            if (missing == null) {
                return chosen(pod, candidate, passed);
            }
            passed.add(candidate + " " + missing);
        }
        throw noneCanRun(name, passed);
    }

    /**
     * Runs {@code run} in the candidates in order, behind the probe's check, until one has the tools: its result
     * and the target are the answer. A candidate without sh or without a tool is passed over; nothing ran there.
     */
    <T> SiteLookup.Judged<T> chooseByRunning(Pod pod, SiteLookup.FirstExec<T> run) {
        String name = pod.getMetadata().getName();
        List<String> passed = new ArrayList<>();
        for (String candidate : candidates(pod)) {
            T result;
            try {
                result = run.run(GuardedExec::new, candidate, null);
            } catch (CommandNotFound e) {
                passed.add(candidate + " has no sh");
                continue;
            } catch (GuardedExec.ToolsMissing e) {
                passed.add(candidate + " has " + e.getMessage());
                continue;
            }
            return new SiteLookup.Judged<>(chosen(pod, candidate, passed), result);
        }
        throw noneCanRun(name, passed);
    }

    private ToolSite chosen(Pod pod, String container, List<String> passed) {
        progress.say("running the tools in container " + container + " of pod " + pod.getMetadata().getName()
                + (passed.isEmpty() ? "" : " (" + String.join(", ", passed) + ")"));
        return new ToolSite(namespace, pod, container);
    }

    private SharepidException noneCanRun(String name, List<String> passed) {
        return SharepidException.failure("no running container of pod " + name + " can run the tools (they need sh,"
                + " grep, cat and stat" + (passed.isEmpty() ? "" : "; " + String.join(", ", passed))
                + "): add a tools container with --ephemeral, or make a copy: kubectl sharepid debug " + name
                + " -n " + namespace);
    }

    /** The running containers to try, in the documented order. */
    static List<String> candidates(Pod pod) {
        Stream<String> ours = pod.getSpec().getEphemeralContainers() == null ? Stream.empty()
                : pod.getSpec().getEphemeralContainers().stream().map(EphemeralContainer::getName)
                        .filter(EphemeralPlanner::isTools);
        List<Container> regular = pod.getSpec().getContainers() == null ? List.of() : pod.getSpec().getContainers();
        Stream<String> tracing = regular.stream().filter(ToolChoice::canTrace).map(Container::getName);
        Stream<String> others = regular.stream().filter(c -> !canTrace(c)).map(Container::getName);
        return Stream.of(ours, tracing, others).flatMap(s -> s)
                .filter(c -> Containers.status(pod, c).filter(PodStates::isRunning).isPresent())
                .toList();
    }

    private static boolean canTrace(Container c) {
        SecurityContext sc = c.getSecurityContext();
        return sc != null && (Boolean.TRUE.equals(sc.getPrivileged()) || sc.getCapabilities() != null
                && sc.getCapabilities().getAdd() != null && sc.getCapabilities().getAdd().stream()
                .anyMatch(cap -> cap.equals("SYS_PTRACE") || cap.equals("CAP_SYS_PTRACE")));
    }

    /** Null when the container can run the tools, else why not, in a few words ("has no sh"). */
    private String missingTools(String pod, String container) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            int code = exec.exec(namespace, pod, container, ToolsProbe.argv(), null, new ByteArrayOutputStream(), err);
            if (code == 0) {
                return null;
            }
            String why = err.toString(StandardCharsets.UTF_8).strip();
            return "has " + (why.startsWith("no ") ? why.lines().findFirst().orElse(why) : "no working sh (exit " + code + ")");
        } catch (CommandNotFound e) {
            return "has no sh";
        }
    }
}
