package io.github.sharepid.cli;

import io.github.sharepid.app.FanOut;
import io.github.sharepid.app.PodSelection;
import io.github.sharepid.app.ProcessTop;
import io.github.sharepid.app.Replicas;
import io.github.sharepid.app.ToolPod;
import io.github.sharepid.output.OutputFormat;
import io.github.sharepid.output.TopPrinter;
import java.util.List;

/**
 * {@code top --once} / {@code --count N} over several pods: each sample reads every pod at once (bounded), and is
 * printed as one block, pods by name; a pod that fails is not asked again and is reported once, at the end.
 */
final class TopFleet {
    private final Io io;
    private final TopPrinter printer;
    private final OutputFormat format;

    TopFleet(Io io, TopPrinter printer, OutputFormat format) {
        this.io = io;
        this.printer = printer;
        this.format = format;
    }

    int run(Opener<Replicas> replicas, PodSelection.Request request, ToolPod template, ProcessTop.Request top,
            int samples, FanOut.Options options) {
        try (Opener.Opened<Replicas> fleet = replicas.open()) {
            PodSelection.Selected selected = fleet.use().select(request);
            boolean all = selected.allNamespaces();
            List<FanOut.Outcome<ProcessTop.Sample>> outcomes = fleet.use().top(selected, template, top, options);
            for (int i = 1; ; i++) {
                printer.printPods(FleetReport.succeeded(outcomes).stream().map(o -> new TopPrinter.PodSample(
                        o.pod().namespace(), o.pod().name(), PodSelection.label(o.pod(), all), o.result().sample()))
                        .toList(), all, io.out());
                if (i >= samples || outcomes.stream().noneMatch(FanOut.Outcome::ok)) {
                    return FleetReport.finish(io, outcomes, all);
                }
                if (!format.structured()) {
                    io.out().println();
                }
                outcomes = fleet.use().topNext(outcomes, top, options);
            }
        }
    }
}
