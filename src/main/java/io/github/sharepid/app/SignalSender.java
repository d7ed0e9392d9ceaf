package io.github.sharepid.app;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Exec;
import io.github.sharepid.proc.Attribution;
import io.github.sharepid.proc.ContainerFilter;
import io.github.sharepid.proc.ProcParser;
import io.github.sharepid.proc.ProcessInfo;
import io.github.sharepid.proc.Signal;
import io.github.sharepid.proc.SignalExplain;
import io.github.sharepid.proc.SignalResult;
import io.github.sharepid.proc.SignalResults;
import io.github.sharepid.proc.SignalScript;
import io.github.sharepid.proc.GuardedPid;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code signal}: sends a signal to processes of other containers. PIDs go in one exec, once the pod has
 * been read and judged; a selection (container, command-line regex) is one exec too ({@link ListingConversation}):
 * it lists the processes (while the pod is read), and signals the PIDs chosen from that listing, each guarded
 * by its start time so that a reused PID is never hit, once the pod has been judged.
 */
public final class SignalSender {
    private final ProcessTable table;
    private final Exec exec;

    public SignalSender(ProcessTable table, Exec exec) {
        this.table = table;
        this.exec = exec;
    }

    /**
     * Explicit {@code pids}, or a selection by {@code container} and/or {@code match} (the other empty/null);
     * {@code main}: of the selection, only the container's main process ({@link ProcessTable#mainPid}).
     */
    public record Request(ToolPod pod, Signal signal, List<Integer> pids, String container,
                          Pattern match, boolean all, boolean dryRun, boolean force, boolean main) {
        public Request {
            pids = List.copyOf(pids);
        }

        public Request(ToolPod pod, Signal signal, List<Integer> pids, String container, Pattern match, boolean all,
                       boolean dryRun, boolean force) {
            this(pod, signal, pids, container, match, all, dryRun, force, false);
        }

        /** The same request for another pod (one of several a selector chose). */
        public Request forPod(ToolPod other) {
            return new Request(other, signal, pids, container, match, all, dryRun, force, main);
        }
    }

    /** What happened to each process, the processes as the script saw them, and one line per failure. */
    public record Report(Signal signal, List<SignalResult> results, List<ProcessInfo> processes, List<String> errors) {
        public boolean failed() {
            return !errors.isEmpty();
        }
    }

    /**
     * PID 1 is the pod's sandbox: refused unless {@code force}. (Where the tools joined one container's
     * process namespace, PID 1 is that container's main process, and this check does not apply.)
     */
    public static void refusePid1(int pid, boolean force) {
        if (pid == 1 && !force) {
            throw SharepidException.usage("PID 1 is the pod's sandbox (pause): signalling it may stop the whole pod;"
                    + " add --force if that is what you want");
        }
    }

    public Report send(Request request) {
        if (!request.pids().isEmpty() && request.pod().ephemeral() == null) {
            // without --ephemeral the tools share the pod's namespace, where PID 1 is always the sandbox; the pod
            // is judged before the exec is sent, and on a live pod the signal script itself probes the candidate
            // containers (it stops before signalling if a tool is missing)
            request.pids().forEach(pid -> refusePid1(pid, request.force()));
            List<GuardedPid> pids = request.pids().stream().map(GuardedPid::pid).toList();
            SiteLookup.Judged<byte[]> sent = table.runWhereJudged(request.pod(), (guard, container, verdict) ->
                    send(guard.apply(exec), table.namespace(), request.pod().name(), container, request, pids));
            return report(sent.target(), request, sent.result());
        }
        if (!request.pids().isEmpty()) {
            // an ephemeral tools container: PID 1 is the sandbox unless it runs isolated to a target container's
            // namespace, which only the pod can tell
            ToolSite target = table.target(request.pod());
            if (target.isolatedTo() == null) {
                request.pids().forEach(pid -> refusePid1(pid, request.force()));
            }
            return deliver(target, request, request.pids().stream().map(GuardedPid::pid).toList());
        }
        return sendSelection(request);
    }

    /**
     * A selection: one exec lists the processes (while the pod is read, on a copy), waits for the PIDs chosen from
     * that listing once the pod is judged, and signals them; nothing is signalled before they are sent.
     */
    private Report sendSelection(Request request) {
        SiteLookup lookup = table.start(request.pod());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ListingConversation.Script script = new ListingConversation.Script(
                SignalScript.chooseArgv(request.signal(), request.dryRun()), "the PIDs to signal", out, err, false);
        SiteLookup.Judged<ListingConversation> opened = lookup.withFirstExec((guard, container, verdict) ->
                ListingConversation.open(guard.apply(exec), lookup.namespace(), lookup.name(), container, script));
        ToolSite target = opened.target();
        try (ListingConversation conversation = opened.result()) {
            List<GuardedPid> chosen = select(ProcessTable.attribute(conversation.listing(), target), target, request);
            int code = conversation.finish(SignalScript.targetsLine(chosen));
            if (code != 0) {
                throw failed(target.execContainer(), code, err);
            }
            byte[] reply = out.toByteArray();
            List<SignalResult> results = SignalResults.parse(reply);
            if (results.isEmpty()) { // its stdin ended before the line came
                throw SharepidException.failure("signalling in container " + target.execContainer() + " failed: the"
                        + " script ended without the PIDs; nothing was signalled");
            }
            return report(target, request, reply, results);
        }
    }

    private List<GuardedPid> select(List<ProcessInfo> processes, ToolSite target, Request request) {
        Pattern regex = request.match();
        Integer main = request.main() ? ProcessTable.mainPid(processes, target, request.container()) : null;
        List<ProcessInfo> chosen = ContainerFilter.select(processes, target.pod(), request.container()).stream()
                .filter(p -> regex == null || regex.matcher(commandLine(p)).find())
                .filter(p -> main == null || p.pid() == main)
                .toList();
        if (chosen.isEmpty()) {
            throw SharepidException.failure("no process of pod " + target.name() + " matches"
                    + (request.container() == null ? "" : " container " + request.container())
                    + (regex == null ? "" : " --match " + regex.pattern()) + (request.main() ? " --main" : ""));
        }
        if (chosen.size() > 1 && !request.all()) {
            throw SharepidException.usage(chosen.size() + " processes match (PIDs " + chosen.stream()
                    .map(p -> Integer.toString(p.pid())).reduce((a, b) -> a + ", " + b).orElse("")
                    + "); add --all to signal them all, or narrow with --match");
        }
        if (target.isolatedTo() == null) {
            chosen.forEach(p -> refusePid1(p.pid(), request.force()));
        }
        return chosen.stream().map(GuardedPid::of).toList();
    }

    private static String commandLine(ProcessInfo p) {
        return String.join(" ", p.args().isEmpty() ? List.of(p.comm()) : p.args());
    }

    private Report deliver(ToolSite target, Request request, List<GuardedPid> targets) {
        return report(target, request, send(exec, target.namespace(), target.name(), target.execContainer(), request,
                targets));
    }

    /** The signal script's reply from {@code container}. */
    private static byte[] send(Exec port, String namespace, String pod, String container, Request request,
                               List<GuardedPid> targets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = port.exec(namespace, pod, container, SignalScript.argv(request.signal(), request.dryRun(), targets),
                null, out, err);
        if (code != 0) {
            throw failed(container, code, err);
        }
        return out.toByteArray();
    }

    /** A signal script that exited non-zero: its code and its first line of stderr. */
    private static SharepidException failed(String container, int code, ByteArrayOutputStream stderr) {
        String why = stderr.toString(StandardCharsets.UTF_8).strip();
        return SharepidException.failure("signalling in container " + container + " failed (exit " + code + ")"
                + (why.isEmpty() ? "" : ": " + why.lines().findFirst().orElse("")));
    }

    private static Report report(ToolSite target, Request request, byte[] reply) {
        return report(target, request, reply, SignalResults.parse(reply));
    }

    private static Report report(ToolSite target, Request request, byte[] reply, List<SignalResult> results) {
        List<ProcessInfo> processes = Attribution.attribute(ProcParser.parse(reply), target.pod(), target.execContainer());
        List<String> errors = results.stream()
                .filter(r -> r.outcome() == SignalResult.Outcome.FAIL || r.outcome() == SignalResult.Outcome.GONE
                        || r.outcome() == SignalResult.Outcome.CHANGED)
                .map(r -> SignalExplain.why(r, target.execContainer()))
                .toList();
        return new Report(request.signal(), results, processes, errors);
    }
}
