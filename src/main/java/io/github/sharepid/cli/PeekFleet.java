package io.github.sharepid.cli;

import io.github.sharepid.app.FanOut;
import io.github.sharepid.app.PeekRoot;
import io.github.sharepid.app.PodSelection;
import io.github.sharepid.app.Replicas;
import io.github.sharepid.output.ChecksumPrinter;
import io.github.sharepid.output.ListingPrinter;
import io.github.sharepid.output.OutputFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code peek-root} over several pods: with {@code --checksum} one line per pod and, on stderr, which differ;
 * else each pod's bytes (or listing) under a {@code ==> POD <==} header as {@code tail} does for several files,
 * in pod order. Each pod's bytes are held in memory until all are read (that order needs it).
 */
final class PeekFleet {
    private final Io io;
    private final OutputFlags output;
    private final boolean checksum;

    PeekFleet(Io io, OutputFlags output, boolean checksum) {
        this.io = io;
        this.output = output;
        this.checksum = checksum;
    }

    int run(Opener<Replicas> replicas, PodSelection.Request selection, PeekRoot.Request request,
            FanOut.Options options) {
        try (Opener.Opened<Replicas> fleet = replicas.open()) {
            PodSelection.Selected selected = fleet.use().select(selection);
            List<FanOut.Outcome<Replicas.Peeked>> outcomes = fleet.use().peek(selected, request, checksum, options);
            List<FanOut.Outcome<Replicas.Peeked>> read = FleetReport.succeeded(outcomes);
            boolean all = selected.allNamespaces();
            List<ChecksumPrinter.Sum> sums = read.stream().filter(o -> o.result().checksum() != null)
                    .map(o -> new ChecksumPrinter.Sum(o.pod().namespace(), o.pod().name(),
                            o.result().checksum().sha256(), o.result().checksum().size())).toList();
            if (checksum) {
                ChecksumPrinter.print(io.out(), request.path(), sums, output.format, output.noHeaders, all);
            }
            List<FanOut.Outcome<Replicas.Peeked>> rest = read.stream().filter(o -> o.result().checksum() == null).toList();
            if (output.format.structured()) {
                List<ListingPrinter.PodListing> listings = rest.stream().filter(o -> o.result().result().listing() != null)
                        .map(o -> new ListingPrinter.PodListing(o.pod().namespace(), o.pod().name(),
                                o.result().result().resolvedPath(), o.result().result().listing())).toList();
                if (!listings.isEmpty()) {
                    ListingPrinter.printPods(io.out(), listings, output.format);
                }
                rest = rest.stream().filter(o -> o.result().result().listing() == null).toList();
            }
            for (int i = 0; i < rest.size(); i++) {
                printOne(rest.get(i), i == 0, all);
            }
            int code = FleetReport.finish(io, outcomes, all);
            String summary = ChecksumPrinter.summary(sums);
            if (!summary.isEmpty()) {
                io.err().println(summary);
                io.err().flush();
            }
            return code;
        }
    }

    /** {@code --follow}: every pod at once, each line after its {@code [pod/NAME/CONTAINER]} prefix. */
    int follow(Opener<Replicas> replicas, PodSelection.Request selection, PeekRoot.Request request,
               FanOut.Options options) {
        try (Opener.Opened<Replicas> fleet = replicas.open()) {
            PodSelection.Selected selected = fleet.use().select(selection);
            return FleetReport.finish(io, fleet.use().follow(selected, request, io.stdout(), options),
                    selected.allNamespaces());
        }
    }

    /** One pod's part: its header (a blank line before all but the first), then its bytes or listing. */
    private void printOne(FanOut.Outcome<Replicas.Peeked> o, boolean first, boolean allNamespaces) {
        io.out().print((first ? "" : "\n") + "==> " + PodSelection.label(o.pod(), allNamespaces) + " <==\n");
        io.out().flush();
        PeekRoot.Result result = o.result().result();
        if (result.listing() != null) {
            ListingPrinter.print(io.out(), result.resolvedPath(), result.listing(), OutputFormat.TABLE,
                    output.noHeaders);
            io.out().flush();
            return;
        }
        try {
            io.stdout().write(o.result().bytes());
            io.stdout().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
