package io.github.sharepid.proc;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which container owns each process, by matching the container IDs in its cgroup paths against
 * the pod status. Rules, in order: an ID of a container in the status names it; a zombie whose cgroups
 * were released (all {@code /}) takes its parent's owner; all paths {@code /} means the container the
 * script ran in (private cgroup namespace); PID 1 or the sandbox's own ID is {@link #SANDBOX}; else
 * {@link #UNKNOWN}.
 */
public final class Attribution {
    /** The pod sandbox: the pause process, PID 1 of a shared process namespace. */
    public static final String SANDBOX = "(sandbox)";
    /** No container could be determined (cgroup unreadable, or a container newer than the pod status). */
    public static final String UNKNOWN = "?";

    private final ProcSnapshot snapshot;
    private final Map<String, String> byId;
    private final String execContainer;
    private final Set<String> sandboxIds = new HashSet<>();

    private Attribution(ProcSnapshot snapshot, Pod pod, String execContainer) {
        this.snapshot = snapshot;
        this.byId = PodContainers.byId(pod);
        this.execContainer = execContainer;
    }

    /**
     * The processes of the snapshot, the collector itself left out, sorted by PID.
     *
     * @param execContainer the container the script ran in, owner of processes whose cgroups are all {@code /}
     */
    public static List<ProcessInfo> attribute(ProcSnapshot snapshot, Pod pod, String execContainer) {
        return new Attribution(snapshot, pod, execContainer).rows();
    }

    private List<ProcessInfo> rows() {
        RawProcess init = snapshot.processes().get(1);
        if (init != null && matchingName(init) == null) {
            sandboxIds.addAll(Cgroups.ids(init.cgroup()));
        }
        Map<Integer, String> owners = new HashMap<>();
        snapshot.processes().forEach((pid, process) -> owners.put(pid, owner(pid, process)));
        snapshot.processes().keySet().forEach(pid -> owners.computeIfAbsent(pid, p -> ancestorOwner(p, owners)));
        return new RowBuilder(snapshot, owners).rows();
    }

    /** The owner by the rules above, or null for a released zombie (resolved through its parent). */
    private String owner(int pid, RawProcess process) {
        String named = matchingName(process);
        if (named != null) {
            return named;
        }
        String cgroup = process.cgroup();
        boolean allRoot = Cgroups.allRoot(cgroup);
        if (process.stat().state() == 'Z' && (allRoot || cgroup.isEmpty())) {
            return null;
        }
        if (allRoot) {
            return execContainer;
        }
        List<String> ids = Cgroups.ids(cgroup);
        boolean sandboxId = sandboxIds.isEmpty() ? !ids.isEmpty() : ids.stream().anyMatch(sandboxIds::contains);
        return pid == 1 || sandboxId ? SANDBOX : UNKNOWN;
    }

    private String matchingName(RawProcess process) {
        return Cgroups.ids(process.cgroup()).stream().map(byId::get).filter(name -> name != null)
                .findFirst().orElse(null);
    }

    private String ancestorOwner(int pid, Map<Integer, String> owners) {
        Set<Integer> seen = new HashSet<>();
        RawProcess process = snapshot.processes().get(pid);
        while (process != null && seen.add(process.stat().pid())) {
            String owner = owners.get(process.stat().ppid());
            if (owner != null) {
                return owner;
            }
            process = snapshot.processes().get(process.stat().ppid());
        }
        return UNKNOWN;
    }
}
