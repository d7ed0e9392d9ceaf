package io.github.sharepid.cli;

import io.github.sharepid.app.FanOut;
import io.github.sharepid.app.PodActivity;
import io.github.sharepid.app.PodSelection;
import io.github.sharepid.app.Progress;
import io.github.sharepid.app.Replicas;
import io.github.sharepid.app.ToolPod;
import io.github.sharepid.output.OutputFormat;
import io.github.sharepid.output.PodRows;
import io.github.sharepid.output.PortPrinter;
import io.github.sharepid.proc.PortRow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kubectl sharepid ports POD}: the sockets of the pod's network namespace and the process and container
 * holding each, read from /proc in one exec (no netstat or ss needed in the image).
 */
@Command(name = "ports", mixinStandardHelpOptions = true, abbreviateSynopsis = true, sortOptions = false,
        usageHelpAutoWidth = true,
        description = "List the listening TCP and UDP sockets (IPv4 and IPv6) of POD with the process and container"
                + " that hold each. Reads /proc/net and the processes' /proc/PID/fd in one exec. A socket whose"
                + " holder cannot be read shows ? as owner, with a note on stderr.",
        footer = {"%nExamples:",
            "  kubectl sharepid ports web-1-sharepid-x7k2p",
            "  kubectl sharepid ports web-1-sharepid-x7k2p -a          # every state, connections too",
            "  kubectl sharepid ports web-1 --ephemeral --target app   # a live pod that does not share",
            "  kubectl sharepid ports web-1-sharepid-x7k2p -o json | jq '.sockets[] | select(.localPort == 80)'",
            "  kubectl sharepid ports deploy/web                       # every running pod, POD column first",
            "%nSeveral pods (TYPE/NAME, -l): at most --max-concurrency at once (default 10), rows by pod;",
            "each failed pod is one stderr line. Exit 0 all succeeded, 3 some failed, 1 all failed."})
public class PortsCommand implements Callable<Integer> {
    @Mixin
    ToolPodFlags target;

    @Option(names = {"-a", "--all"}, description = "Every socket, in every state (default: listening TCP and"
            + " unconnected UDP only).")
    boolean all;

    @Mixin
    OutputFlags output;

    private final Io io;
    private final Progress progress;
    private final Opener<PodActivity> activity;
    private final Opener<Replicas> replicas;

    PortsCommand(Io io, Progress progress, Opener<PodActivity> activity, Opener<Replicas> replicas) {
        this.io = io;
        this.progress = progress;
        this.activity = activity;
        this.replicas = replicas;
    }

    @Override
    public Integer call() {
        OutputFormat format = output.requireOneOf(OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML);
        ToolPod pod = target.toolPod();
        PodSelection.Request selection = target.selection();
        if (selection != null) {
            return many(selection, pod, format);
        }
        try (Opener.Opened<PodActivity> opened = activity.open()) {
            PodActivity.Ports ports = opened.use().ports(pod, all);
            String note = Unreadable.note(ports.ports().unreadable(), ports.toolUid(),
                    ports.target().execContainer(), "a socket they may hold shows owner ?");
            if (note != null) {
                progress.say(note);
            }
            new PortPrinter(format, output.noHeaders).print(ports.target().name(), ports.target().namespace(),
                    ports.ports().rows(), io.out());
            return 0;
        }
    }

    /** TYPE/NAME or -l: one exec per pod, bounded; rows by pod, each pod's as one pod's; failed pods on stderr. */
    private int many(PodSelection.Request selection, ToolPod template, OutputFormat format) {
        try (Opener.Opened<Replicas> fleet = replicas.open()) {
            PodSelection.Selected selected = fleet.use().select(selection);
            boolean all = selected.allNamespaces();
            List<FanOut.Outcome<PodActivity.Ports>> outcomes = fleet.use().ports(selected, template, this.all,
                    target.fanOut());
            List<PodRows<PortRow>> rows = new ArrayList<>();
            for (FanOut.Outcome<PodActivity.Ports> o : FleetReport.succeeded(outcomes)) {
                PodActivity.Ports p = o.result();
                String note = Unreadable.note(PodSelection.label(o.pod(), all), p.ports().unreadable(), p.toolUid(),
                        p.target().execContainer(), "a socket they may hold shows owner ?");
                if (note != null) {
                    progress.say(note);
                }
                rows.add(new PodRows<>(o.pod().namespace(), o.pod().name(), p.ports().rows()));
            }
            new PortPrinter(format, output.noHeaders).printPods(rows, all, io.out());
            return FleetReport.finish(io, outcomes, all);
        }
    }
}
