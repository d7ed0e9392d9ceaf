package io.github.sharepid.cli;

import io.github.sharepid.SharepidException;
import io.github.sharepid.kube.KubeContext;
import io.github.sharepid.output.SignalPrinter;
import io.github.sharepid.proc.Attribution;
import io.github.sharepid.proc.ContainerFilter;
import io.github.sharepid.proc.ProcParser;
import io.github.sharepid.proc.ProcessInfo;
import io.github.sharepid.proc.Signal;
import io.github.sharepid.proc.SignalResult;
import io.github.sharepid.proc.SignalResults;
import io.github.sharepid.proc.SignalScript;
import io.github.sharepid.proc.SignalTarget;
import io.github.sharepid.proc.Signals;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kubectl sharepid signal POD TARGET...}: sends a signal to processes of other containers.
 * PIDs go in one exec, once the pod has been read and judged; a selection ({@code -c}, {@code --match})
 * reads the process table first (while the pod is read) and guards each chosen PID with its start time,
 * so a reused PID is never hit.
 */
@Command(name = "signal", mixinStandardHelpOptions = true, abbreviateSynopsis = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Send a signal to processes of POD's containers: by PID, or by container and command-line regex. PID 1 is the pod's sandbox (pause) and is refused unless --force. Reports each process; exit 1 if any failed.",
        footer = {"%nExamples:",
            "  kubectl sharepid signal web-1-sharepid-x7k2p -c nginx --match 'master process' -s HUP",
            "  kubectl sharepid signal web-1-sharepid-x7k2p 8 14 -s SIGTERM",
            "  kubectl sharepid signal web-1-sharepid-x7k2p -c nginx --match worker --all --dry-run"})
public class SignalCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Parameters(index = "0", paramLabel = "POD", description = "A pod that shares its process namespace.")
    String pod;

    @Parameters(index = "1..*", paramLabel = "PID", description = "Processes to signal (or select with -c/--match).")
    List<String> pids = new ArrayList<>();

    /** {@code -s} is added in {@link Cli}: kubectl's {@code -s/--server} is inherited everywhere else. */
    @Option(names = "--signal", paramLabel = "SIGNAL", defaultValue = "TERM",
            description = "Signal name (HUP, SIGHUP, hup) or number (default: ${DEFAULT-VALUE}).")
    String signal;

    @Option(names = {"-c", "--container"}, paramLabel = "NAME", description = "Select the processes of this container.")
    String container;

    @Option(names = "--match", paramLabel = "REGEX", description = "Select processes whose command line matches REGEX.")
    String match;

    @Option(names = "--all", description = "Signal every selected process (needed when more than one matches).")
    boolean all;

    @Option(names = "--dry-run", description = "Show what would be signalled; send nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Allow PID 1, the pod's sandbox.")
    boolean force;

    @Mixin
    OutputFlags output;

    @Mixin
    ExecContainerFlag execFlag;

    @Override
    public Integer call() {
        Signal sig = Signals.parse(signal);
        output.requireOneOf("table", "json", "yaml");
        Pattern regex = regex();
        List<SignalTarget> explicit = pids.stream().map(p -> SignalTarget.pid(Processes.parsePid(p))).toList();
        if (explicit.isEmpty() == (container == null && regex == null)) {
            throw SharepidException.usage(explicit.isEmpty() ? "name the PIDs to signal, or select with -c and/or --match"
                    : "give PIDs or a selection (-c/--match), not both");
        }
        explicit.forEach(t -> refusePid1(t.pid()));
        try (KubeContext kube = root.connect()) {
            if (!explicit.isEmpty()) {
                // signalling is no speculation: the pod is judged before the exec is sent
                return send(kube, SharedPod.resolve(kube, pod, execFlag.name), sig, explicit);
            }
            var read = Processes.tableWhileLooking(kube, SharedPodLookup.start(kube, pod, execFlag.name));
            return send(kube, read.shared(), sig, select(read.result(), read.shared(), regex));
        }
    }

    private Pattern regex() {
        try {
            return match == null ? null : Pattern.compile(match);
        } catch (PatternSyntaxException e) {
            throw SharepidException.usage("--match: not a regular expression: " + e.getDescription());
        }
    }

    private void refusePid1(int pid) {
        if (pid == 1 && !force) {
            throw SharepidException.usage("PID 1 is the pod's sandbox (pause): signalling it may stop the whole pod;"
                    + " add --force if that is what you want");
        }
    }

    private List<SignalTarget> select(List<ProcessInfo> table, SharedPod shared, Pattern regex) {
        List<ProcessInfo> chosen = ContainerFilter.select(table, shared.pod(), container).stream()
                .filter(p -> regex == null || regex.matcher(String.join(" ", p.args().isEmpty() ? List.of(p.comm()) : p.args())).find())
                .toList();
        if (chosen.isEmpty()) {
            throw SharepidException.failure("no process of pod " + shared.name() + " matches"
                    + (container == null ? "" : " container " + container) + (match == null ? "" : " --match " + match));
        }
        if (chosen.size() > 1 && !all) {
            throw SharepidException.usage(chosen.size() + " processes match (PIDs " + chosen.stream()
                    .map(p -> Integer.toString(p.pid())).reduce((a, b) -> a + ", " + b).orElse("")
                    + "); add --all to signal them all, or narrow with --match");
        }
        chosen.forEach(p -> refusePid1(p.pid()));
        return chosen.stream().map(SignalTarget::of).toList();
    }

    private int send(KubeContext kube, SharedPod shared, Signal sig, List<SignalTarget> targets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = kube.executor().exec(shared.namespace(), shared.name(), shared.execContainer(),
                SignalScript.argv(sig, dryRun, targets), null, out, err);
        if (code != 0) {
            throw SharepidException.failure("signalling in container " + shared.execContainer() + " failed (exit "
                    + code + "): " + err.toString(StandardCharsets.UTF_8).strip());
        }
        byte[] reply = out.toByteArray();
        List<SignalResult> results = SignalResults.parse(reply);
        List<ProcessInfo> processes = Attribution.attribute(ProcParser.parse(reply), shared.pod(), shared.execContainer());
        SignalPrinter.print(root.io().out(), sig, results, processes, output.format, output.noHeaders);
        root.io().out().flush();
        boolean failed = false;
        for (SignalResult r : results) {
            if (r.outcome() == SignalResult.Outcome.FAIL || r.outcome() == SignalResult.Outcome.GONE
                    || r.outcome() == SignalResult.Outcome.CHANGED) {
                failed = true;
                root.io().err().println("error: " + SignalExplain.why(r, shared.execContainer()));
            }
        }
        root.io().err().flush();
        return failed ? SharepidException.FAILURE : 0;
    }
}
