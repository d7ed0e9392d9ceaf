package io.github.sharepid.app;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Exec;
import io.github.sharepid.proc.Attribution;
import io.github.sharepid.proc.ContainerFilter;
import io.github.sharepid.proc.ProcParser;
import io.github.sharepid.proc.ProcessInfo;
import io.github.sharepid.proc.PsScript;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The process table of a shared pod (one exec of the fixed ps script), what {@code ps} prints, and lookups on it. */
public final class ProcessTable {
    private final ToolTargets targets;
    private final Exec exec;

    public ProcessTable(ToolTargets targets, Exec exec) {
        this.targets = targets;
        this.exec = exec;
    }

    /** What {@code ps} shows: the pod's tool target and its processes, only {@code container}'s unless null. */
    public record Listing(ToolTarget target, List<ProcessInfo> processes) {
    }

    public Listing list(String pod, String execContainer, String container) {
        ToolTarget target = targets.resolve(pod, execContainer);
        return new Listing(target, ContainerFilter.select(read(target), target.pod(), container));
    }

    public ToolTarget target(String pod, String execContainer) {
        return targets.resolve(pod, execContainer);
    }

    /** Every process of the pod with its owning container, sorted by PID; the collector itself excluded. */
    public List<ProcessInfo> read(ToolTarget target) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = exec.exec(target.namespace(), target.name(), target.execContainer(), PsScript.argv(), null, out, err);
        if (code != 0 || out.size() == 0) {
            String why = err.toString(StandardCharsets.UTF_8).strip();
            throw SharepidException.failure("reading /proc in container " + target.execContainer() + " of pod "
                    + target.name() + " failed (exit " + code + ")"
                    + (why.isEmpty() ? "" : ": " + why.lines().findFirst().orElse(""))
                    + "; the container needs sh and grep (busybox has them)");
        }
        return Attribution.attribute(ProcParser.parse(out.toByteArray()), target.pod(), target.execContainer());
    }

    /**
     * The main process of {@code container}: the lowest PID among its processes whose parent is not
     * in the same container (the one the runtime started).
     */
    public int mainPid(ToolTarget target, String container) {
        List<ProcessInfo> mine = ContainerFilter.select(read(target), target.pod(), container);
        Set<Integer> pids = mine.stream().map(ProcessInfo::pid).collect(Collectors.toSet());
        return mine.stream()
                .filter(p -> !pids.contains(p.ppid()))
                .mapToInt(ProcessInfo::pid)
                .min()
                .orElseThrow(() -> SharepidException.failure("container " + container + " of pod " + target.name()
                        + " has no running process"));
    }
}
