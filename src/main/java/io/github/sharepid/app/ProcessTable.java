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

    /**
     * What {@code ps} shows: the pod's tool target and its processes, only {@code container}'s unless null, and
     * the UID the tools ran as (that of the tools container's own processes; -1 when none was seen).
     */
    public record Listing(ToolTarget target, List<ProcessInfo> processes, long toolUid) {
    }

    /** The pod and its processes read at the same time ({@link #readWhileLooking}). */
    public Listing list(ToolPod pod, String container) {
        TargetLookup.Judged<List<ProcessInfo>> read = readWhileLooking(targets.start(pod));
        String tools = read.target().execContainer();
        long toolUid = read.result().stream().filter(p -> tools.equals(p.container())).mapToLong(ProcessInfo::uid)
                .findFirst().orElse(-1);
        return new Listing(read.target(), ContainerFilter.select(read.result(), read.target().pod(), container),
                toolUid);
    }

    public ToolTarget target(ToolPod pod) {
        return targets.resolve(pod);
    }

    /**
     * The pod and its process table, read at the same time ({@link TargetLookup}): one GET and one
     * exec, the exec in the likely exec container (again in the right one if that was wrong).
     */
    TargetLookup.Judged<List<ProcessInfo>> readWhileLooking(TargetLookup lookup) {
        TargetLookup.Judged<byte[]> read = lookup.withFirstExec(
                container -> readProc(lookup.namespace(), lookup.name(), container));
        return new TargetLookup.Judged<>(read.target(), attribute(read.result(), read.target()));
    }

    /** The pod and its process table, read at the same time. */
    TargetLookup.Judged<List<ProcessInfo>> readWhileLooking(ToolPod pod) {
        return readWhileLooking(targets.start(pod));
    }

    TargetLookup start(ToolPod pod) {
        return targets.start(pod);
    }

    /** The ps script's raw output from {@code container}: reading /proc has no side effects. */
    private byte[] readProc(String namespace, String pod, String container) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = exec.exec(namespace, pod, container, PsScript.argv(), null, out, err);
        if (out.size() == 0 || !PsScript.completed(code, out.toByteArray())) {
            String why = err.toString(StandardCharsets.UTF_8).strip();
            throw SharepidException.failure("reading /proc in container " + container + " of pod " + pod
                    + " failed (exit " + code + ")" + (why.isEmpty() ? "" : ": " + why.lines().findFirst().orElse(""))
                    + "; the container needs sh and grep (busybox has them)");
        }
        return out.toByteArray();
    }

    private static List<ProcessInfo> attribute(byte[] raw, ToolTarget target) {
        return Attribution.attribute(ProcParser.parse(raw), target.pod(), target.execContainer());
    }

    /**
     * The main process of {@code container} in a table read already: the lowest PID among its processes
     * whose parent is not in the same container (the one the runtime started).
     */
    static int mainPid(List<ProcessInfo> table, ToolTarget target, String container) {
        List<ProcessInfo> mine = ContainerFilter.select(table, target.pod(), container);
        Set<Integer> pids = mine.stream().map(ProcessInfo::pid).collect(Collectors.toSet());
        return mine.stream()
                .filter(p -> !pids.contains(p.ppid()))
                .mapToInt(ProcessInfo::pid)
                .min()
                .orElseThrow(() -> SharepidException.failure("container " + container + " of pod " + target.name()
                        + " has no running process"));
    }
}
