package io.github.sharepid.cli;

import io.github.sharepid.SharepidException;
import io.github.sharepid.kube.KubeContext;
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

/** The process table of a shared pod (one exec of the fixed ps script) and lookups on it. */
final class Processes {
    private Processes() {
    }

    /** A PID as the user typed it: a positive decimal number, else a usage error. */
    static int parsePid(String text) {
        if (text == null || !text.matches("[0-9]{1,7}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 4194304) {
            throw SharepidException.usage("\"" + text + "\" is not a PID (a whole number from 1 to 4194304)");
        }
        return Integer.parseInt(text);
    }

    /** Every process of the pod with its owning container, sorted by PID; the collector itself excluded. */
    static List<ProcessInfo> table(KubeContext kube, SharedPod shared) {
        return attribute(readProc(kube, shared.namespace(), shared.name(), shared.execContainer()), shared);
    }

    /**
     * The pod and its process table, read at the same time ({@link SharedPodLookup}): one GET and one
     * exec, the exec in the likely exec container (again in the right one if that was wrong).
     */
    static SharedPodLookup.Judged<List<ProcessInfo>> tableWhileLooking(KubeContext kube, SharedPodLookup lookup) {
        SharedPodLookup.Judged<byte[]> read = lookup.withFirstExec(
                container -> readProc(kube, lookup.namespace(), lookup.name(), container));
        return new SharedPodLookup.Judged<>(read.shared(), attribute(read.result(), read.shared()));
    }

    /** The ps script's raw output from {@code container}: reading /proc has no side effects. */
    private static byte[] readProc(KubeContext kube, String namespace, String pod, String container) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = kube.executor().exec(namespace, pod, container, PsScript.argv(), null, out, err);
        if (code != 0 || out.size() == 0) {
            String why = err.toString(StandardCharsets.UTF_8).strip();
            throw SharepidException.failure("reading /proc in container " + container + " of pod " + pod
                    + " failed (exit " + code + ")" + (why.isEmpty() ? "" : ": " + why.lines().findFirst().orElse(""))
                    + "; the container needs sh and grep (busybox has them)");
        }
        return out.toByteArray();
    }

    private static List<ProcessInfo> attribute(byte[] raw, SharedPod shared) {
        return Attribution.attribute(ProcParser.parse(raw), shared.pod(), shared.execContainer());
    }

    /**
     * The main process of {@code container}: the lowest PID among its processes whose parent is not
     * in the same container (the one the runtime started).
     */
    static int mainPid(List<ProcessInfo> table, SharedPod shared, String container) {
        List<ProcessInfo> mine = ContainerFilter.select(table, shared.pod(), container);
        Set<Integer> pids = mine.stream().map(ProcessInfo::pid).collect(Collectors.toSet());
        return mine.stream()
                .filter(p -> !pids.contains(p.ppid()))
                .mapToInt(ProcessInfo::pid)
                .min()
                .orElseThrow(() -> SharepidException.failure("container " + container + " of pod " + shared.name()
                        + " has no running process"));
    }
}
