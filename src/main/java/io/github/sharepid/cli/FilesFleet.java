package io.github.sharepid.cli;

import io.github.sharepid.app.FanOut;
import io.github.sharepid.app.PodActivity;
import io.github.sharepid.app.PodSelection;
import io.github.sharepid.app.Progress;
import io.github.sharepid.app.Replicas;
import io.github.sharepid.app.ToolPod;
import io.github.sharepid.output.FilePrinter;
import io.github.sharepid.output.OutputFormat;
import io.github.sharepid.output.PodRows;
import io.github.sharepid.proc.FileRow;
import io.github.sharepid.proc.FileRows;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code files} over several pods: each pod's rows in the order one pod gives them (with {@code --deleted},
 * largest first within the pod), pods by name; a pod's unreadable processes in a note naming the pod.
 */
final class FilesFleet {
    private final Io io;
    private final Progress progress;
    private final OutputFormat format;
    private final boolean noHeaders;
    private final boolean deleted;

    FilesFleet(Io io, Progress progress, OutputFormat format, boolean noHeaders, boolean deleted) {
        this.io = io;
        this.progress = progress;
        this.format = format;
        this.noHeaders = noHeaders;
        this.deleted = deleted;
    }

    int run(Opener<Replicas> replicas, PodSelection.Request request, ToolPod template, FileRows.Selection selection,
            FanOut.Options options) {
        try (Opener.Opened<Replicas> fleet = replicas.open()) {
            PodSelection.Selected selected = fleet.use().select(request);
            boolean all = selected.allNamespaces();
            List<FanOut.Outcome<PodActivity.Files>> outcomes = fleet.use().files(selected, template, selection, options);
            List<PodRows<FileRow>> rows = new ArrayList<>();
            for (FanOut.Outcome<PodActivity.Files> o : FleetReport.succeeded(outcomes)) {
                PodActivity.Files f = o.result();
                String note = Unreadable.note(PodSelection.label(o.pod(), all), f.unreadable(), f.toolUid(),
                        f.target().execContainer(), "their files are not listed");
                if (note != null) {
                    progress.say(note);
                }
                rows.add(new PodRows<>(o.pod().namespace(), o.pod().name(), f.rows()));
            }
            new FilePrinter(format, noHeaders).printPods(rows, all, io.out());
            if (deleted && !format.structured()) {
                progress.say(held(rows.stream().flatMap(p -> p.rows().stream()).toList(),
                        " across " + rows.size() + " pod" + (rows.size() == 1 ? "" : "s")));
            }
            return FleetReport.finish(io, outcomes, all);
        }
    }

    /** The {@code --deleted} summary line: how many files and bytes {@code rows} keep from the disk, then {@code where}. */
    static String held(List<FileRow> rows, String where) {
        long bytes = rows.stream().mapToLong(r -> Math.max(0, r.fd().size())).sum();
        return rows.size() + " deleted file" + (rows.size() == 1 ? "" : "s") + " held open" + where + ", keeping "
                + bytes + " bytes from the disk";
    }
}
