package io.github.sharepid.pod;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;

/**
 * The app containers of a source pod that keep crashing (CrashLoopBackOff, or restarted at least once): a copy
 * would run their command again and lose them again, so {@code debug} points at {@code --hold}.
 */
public final class Crashes {
    private Crashes() {
    }

    /** The hint for stderr, or empty when no app container has crashed. */
    public static Optional<String> holdHint(Pod source) {
        List<ContainerStatus> crashed = crashed(source);
        if (crashed.isEmpty()) {
            return Optional.empty();
        }
        List<String> described = crashed.stream().map(Crashes::describe).toList();
        boolean one = crashed.size() == 1;
        String name = one ? crashed.get(0).getName() : "NAME";
        return Optional.of((one ? "container " : "containers ") + String.join(", ", described) + " of pod "
                + source.getMetadata().getName() + (one ? " keeps" : " keep") + " crashing and would in the copy"
                + " too; --hold " + name + (one ? "" : " (repeatable)") + " keeps it waiting instead, for ps and"
                + " peek-root");
    }

    /** Statuses of regular containers in CrashLoopBackOff or with restarts, in status order. */
    static List<ContainerStatus> crashed(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return List.of();
        }
        return pod.getStatus().getContainerStatuses().stream()
                .filter(s -> crashLooping(s) || s.getRestartCount() != null && s.getRestartCount() > 0)
                .toList();
    }

    private static boolean crashLooping(ContainerStatus s) {
        return s.getState() != null && s.getState().getWaiting() != null
                && "CrashLoopBackOff".equals(s.getState().getWaiting().getReason());
    }

    private static String describe(ContainerStatus s) {
        int restarts = s.getRestartCount() == null ? 0 : s.getRestartCount();
        String why = crashLooping(s) ? "CrashLoopBackOff, " : "";
        return s.getName() + " (" + why + restarts + (restarts == 1 ? " restart)" : " restarts)");
    }
}
