package io.github.sharepid.cli;

import io.github.sharepid.app.FanOut;
import io.github.sharepid.app.PodSelection;
import io.github.sharepid.app.Replicas;
import io.github.sharepid.app.SignalSender;
import io.github.sharepid.app.ToolPod;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.output.PodSignalPrinter;
import io.github.sharepid.output.SignalPrinter;
import io.github.sharepid.proc.Pids;
import io.github.sharepid.proc.Signal;
import io.github.sharepid.proc.Signals;
import io.github.sharepid.output.OutputFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl sharepid signal POD TARGET...}: sends a signal to processes of other containers.
 * PIDs go in one exec; a selection ({@code -c}, {@code --match}) reads the process table first and
 * guards each chosen PID with its start time, so a reused PID is never hit.
 */
@Command(name = "signal", mixinStandardHelpOptions = true, abbreviateSynopsis = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Send a signal to processes of POD's containers: by PID, or by container and command-line regex. PID 1 is the pod's sandbox (pause) and is refused unless --force. Reports each process; exit 1 if any failed.",
        footer = {"%nExamples:",
            "  kubectl sharepid signal web-1-sharepid-x7k2p -c nginx --match 'master process' -s HUP",
            "  kubectl sharepid signal web-1-sharepid-x7k2p 8 14 -s SIGTERM",
            "  kubectl sharepid signal web-1-sharepid-x7k2p -c nginx --match worker --all --dry-run",
            "  kubectl sharepid signal deploy/web -c nginx --main -s HUP   # reload nginx in every replica",
            "%nSeveral pods (TYPE/NAME, -l): at most --max-concurrency at once (default 10), output by pod;",
            "each failed pod is one stderr line. Exit 0 all succeeded, 3 some failed, 1 all failed.",
            "A numeric PID is refused with more than one pod: PIDs differ from pod to pod."})
public class SignalCommand implements Callable<Integer> {
    @Mixin
    ToolPodFlags target;

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

    @Option(names = "--main", description = "With -c: select the container's main process (the one the runtime"
            + " started, as peek-root -c finds it); no --match needed, and the same in every pod.")
    boolean main;

    @Option(names = "--all", description = "Signal every selected process (needed when more than one matches).")
    boolean all;

    @Option(names = "--dry-run", description = "Show what would be signalled; send nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Allow PID 1, the pod's sandbox.")
    boolean force;

    @Mixin
    OutputFlags output;

    private final Io io;
    private final Opener<SignalSender> signals;
    private final Opener<Replicas> replicas;

    SignalCommand(Io io, Opener<SignalSender> signals, Opener<Replicas> replicas) {
        this.io = io;
        this.signals = signals;
        this.replicas = replicas;
    }

    @Override
    public Integer call() {
        Signal sig = Signals.parse(signal);
        output.requireOneOf(OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML);
        Pattern regex = regex();
        List<Integer> explicit = target.positionals(pids).stream().map(Pids::parse).toList();
        if (main && container == null) {
            throw SharepidException.usage("--main needs -c: the container whose main process to signal");
        }
        if (explicit.isEmpty() == (container == null && regex == null)) {
            throw SharepidException.usage(explicit.isEmpty() ? "name the PIDs to signal, or select with -c and/or --match"
                    : "give PIDs or a selection (-c/--match), not both");
        }
        ToolPod pod = target.toolPod();
        if (target.target == null) {
            explicit.forEach(pid -> SignalSender.refusePid1(pid, force));
        }
        SignalSender.Request request = new SignalSender.Request(pod, sig, explicit, container, regex, all, dryRun,
                force, main);
        PodSelection.Request selection = target.selection();
        if (selection != null) {
            return many(selection, request);
        }
        try (Opener.Opened<SignalSender> sender = signals.open()) {
            SignalSender.Report report = sender.use().send(request);
            SignalPrinter.print(io.out(), sig, report.results(), report.processes(), output.format, output.noHeaders);
            io.out().flush();
            report.errors().forEach(e -> io.err().println("error: " + e));
            io.err().flush();
            return report.failed() ? SharepidException.FAILURE : 0;
        }
    }

    /** TYPE/NAME or -l: the same selection in every pod, each with its own start-time guard; one row per process. */
    private int many(PodSelection.Request selection, SignalSender.Request request) {
        try (Opener.Opened<Replicas> fleet = replicas.open()) {
            PodSelection.Selected selected = fleet.use().select(selection);
            if (!request.pids().isEmpty() && selected.pods().size() > 1) {
                throw SharepidException.usage("PIDs differ from pod to pod: with " + selected.pods().size()
                        + " pods select the processes with -c and --match or --main instead");
            }
            List<FanOut.Outcome<SignalSender.Report>> outcomes = fleet.use().signal(selected, request, target.fanOut());
            PodSignalPrinter.print(io.out(), request.signal(), FleetReport.succeeded(outcomes).stream()
                    .map(o -> new PodSignalPrinter.PodResults(o.pod().namespace(), o.pod().name(),
                            o.result().results(), o.result().processes())).toList(),
                    output.format, output.noHeaders, selected.allNamespaces());
            return FleetReport.finish(io, outcomes, selected.allNamespaces(), SignalSender.Report::errors);
        }
    }

    private Pattern regex() {
        try {
            return match == null ? null : Pattern.compile(match);
        } catch (PatternSyntaxException e) {
            throw SharepidException.usage("--match: not a regular expression: " + e.getDescription());
        }
    }
}
