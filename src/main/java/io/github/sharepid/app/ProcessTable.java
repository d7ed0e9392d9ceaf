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
    private final ToolSites targets;
    private final Exec exec;

    public ProcessTable(ToolSites targets, Exec exec) {
        this.targets = targets;
        this.exec = exec;
    }

    /**
     * What {@code ps} shows: the pod's tool target and its processes, only {@code container}'s unless null, and
     * the UID the tools ran as (that of the tools container's own processes; -1 when none was seen).
     */
    public record Listing(ToolSite target, List<ProcessInfo> processes, long toolUid) {
    }

    /** The pod and its processes read at the same time ({@link #readWhileLooking}). */
    public Listing list(ToolPod pod, String container) {
        SiteLookup.Judged<List<ProcessInfo>> read = readWhileLooking(targets.start(pod));
        return new Listing(read.target(), ContainerFilter.select(read.result(), read.target().pod(), container),
                toolUid(read.result(), read.target()));
    }

    /** The UID the tools ran as: that of the tools container's own processes; -1 when none was seen. */
    static long toolUid(List<ProcessInfo> processes, ToolSite target) {
        String tools = target.execContainer();
        return processes.stream().filter(p -> tools.equals(p.container())).mapToLong(ProcessInfo::uid)
                .findFirst().orElse(-1);
    }

    public ToolSite target(ToolPod pod) {
        return targets.resolve(pod);
    }

    /** Reads and judges the pod, then runs {@code run} where the verdict says (on a live pod: where it can run). */
    <T> SiteLookup.Judged<T> runWhereJudged(ToolPod pod, SiteLookup.FirstExec<T> run) {
        return targets.resolveRunning(pod, run);
    }

    String namespace() {
        return targets.namespace();
    }

    /**
     * The pod and its process table ({@link SiteLookup}): one GET and one exec, together on a copy, the exec
     * after the GET on a live pod, where the ps script itself probes the candidate containers.
     */
    SiteLookup.Judged<List<ProcessInfo>> readWhileLooking(SiteLookup lookup) {
        SiteLookup.Judged<byte[]> read = lookup.withFirstExec(
                (guard, container, verdict) -> readProc(guard.apply(exec), lookup.namespace(), lookup.name(), container,
                        PsScript.argv()));
        return new SiteLookup.Judged<>(read.target(), attribute(read.result(), read.target()));
    }

    SiteLookup start(ToolPod pod) {
        return targets.start(pod);
    }

    /**
     * The pod and the raw output of {@code argv}, a read-only script that ends with the ps script (so that its
     * output holds the process listing, {@link #attribute}), run where ps would run; on a live pod the script
     * itself probes the candidate containers, as ps's does.
     */
    SiteLookup.Judged<byte[]> readRaw(ToolPod pod, List<String> argv) {
        SiteLookup lookup = targets.start(pod);
        return lookup.withFirstExec((guard, container, verdict) ->
                readProc(guard.apply(exec), lookup.namespace(), lookup.name(), container, argv));
    }

    /** The raw output of {@code argv} in a target resolved already (a later sample of {@code top}). */
    byte[] readRaw(ToolSite target, List<String> argv) {
        return readProc(exec, target.namespace(), target.name(), target.execContainer(), argv);
    }

    /** The raw output of a read-only /proc script from {@code container}: it has no side effects. */
    private static byte[] readProc(Exec exec, String namespace, String pod, String container, List<String> argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = exec.exec(namespace, pod, container, argv, null, out, err);
        if (!PsScript.completed(code, out.toByteArray())) {
            throw readFailed(container, pod, code, err.toString(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** The one line for a /proc script that did not run to its end: its exit code and its first line of stderr. */
    static SharepidException readFailed(String container, String pod, int code, String stderr) {
        String why = stderr.strip();
        return SharepidException.failure("reading /proc in container " + container + " of pod " + pod
                + " failed (exit " + code + ")" + (why.isEmpty() ? "" : ": " + why.lines().findFirst().orElse(""))
                + "; the container needs sh and grep (busybox has them)");
    }

    static List<ProcessInfo> attribute(byte[] raw, ToolSite target) {
        return Attribution.attribute(ProcParser.parse(raw), target.pod(), target.execContainer());
    }

    /**
     * The main process of {@code container} in a table read already: the lowest PID among its processes
     * whose parent is not in the same container (the one the runtime started).
     */
    static int mainPid(List<ProcessInfo> table, ToolSite target, String container) {
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
