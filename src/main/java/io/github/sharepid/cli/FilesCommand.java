package io.github.sharepid.cli;

import io.github.sharepid.app.PodActivity;
import io.github.sharepid.app.PodSelection;
import io.github.sharepid.app.Progress;
import io.github.sharepid.app.Replicas;
import io.github.sharepid.app.ToolPod;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.output.FilePrinter;
import io.github.sharepid.output.OutputFormat;
import io.github.sharepid.proc.FileRows;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubectl sharepid files POD (PID | -c CONTAINER | --deleted)}: open file descriptors, what each leads to
 * and, for regular files, their size; {@code --deleted}: the files deleted but held open across the pod, the
 * "disk full but du says otherwise" case. Only metadata is read, never file contents.
 */
@Command(name = "files", mixinStandardHelpOptions = true, abbreviateSynopsis = true, sortOptions = false,
        usageHelpAutoWidth = true,
        description = "List the open file descriptors of a process (PID) or of a container's processes (-c): FD,"
                + " type (file, dir, socket, pipe, anon_inode, device), target and size of regular files."
                + " --deleted: across the whole pod, only files deleted but still held open, largest first."
                + " Reads /proc/PID/fd in one exec; never opens the files.",
        footer = {"%nExamples:",
            "  kubectl sharepid files web-1-sharepid-x7k2p 8",
            "  kubectl sharepid files web-1-sharepid-x7k2p -c nginx",
            "  kubectl sharepid files web-1-sharepid-x7k2p --deleted   # who keeps the disk full",
            "  kubectl sharepid files web-1-sharepid-x7k2p --deleted -o json | jq '[.files[].size] | add'",
            "  kubectl sharepid files deploy/web --deleted             # every running pod, POD column first",
            "%nSeveral pods (TYPE/NAME, -l; -c or --deleted, PIDs differ from pod to pod): at most --max-concurrency",
            "at once (default 10), rows by pod, each pod's as for one pod; each failed pod is one stderr line.",
            "Exit 0 all succeeded, 3 some failed, 1 all failed."})
public class FilesCommand implements Callable<Integer> {
    @Mixin
    ToolPodFlags target;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PID", description = "The process.")
    String pid;

    @Option(names = {"-c", "--container"}, paramLabel = "NAME", description = "The processes of this container.")
    String container;

    @Option(names = "--deleted", description = "Only files deleted but held open, across the pod (or -c), largest"
            + " first, with the bytes each keeps from the disk.")
    boolean deleted;

    @Mixin
    OutputFlags output;

    private final Io io;
    private final Progress progress;
    private final Opener<PodActivity> activity;
    private final Opener<Replicas> replicas;

    FilesCommand(Io io, Progress progress, Opener<PodActivity> activity, Opener<Replicas> replicas) {
        this.io = io;
        this.progress = progress;
        this.activity = activity;
        this.replicas = replicas;
    }

    @Override
    public Integer call() {
        OutputFormat format = output.requireOneOf(OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML);
        List<String> positionals = target.positionals(pid == null ? List.of() : List.of(pid));
        if (positionals.size() > 1) {
            throw SharepidException.usage("files takes one PID, not " + String.join(" ", positionals));
        }
        pid = positionals.isEmpty() ? null : positionals.get(0);
        FileRows.Selection selection = selection();
        ToolPod pod = target.toolPod();
        PodSelection.Request pods = target.selection();
        if (pods != null) {
            if (pid != null) {
                throw SharepidException.usage("PIDs differ from pod to pod: with TYPE/NAME or -l select the processes"
                        + " with -c CONTAINER or --deleted instead");
            }
            return new FilesFleet(io, progress, format, output.noHeaders, deleted).run(replicas, pods, pod, selection,
                    target.fanOut());
        }
        try (Opener.Opened<PodActivity> opened = activity.open()) {
            PodActivity.Files files = opened.use().files(pod, selection);
            String note = Unreadable.note(files.unreadable(), files.toolUid(), files.target().execContainer(),
                    "their files are not listed");
            if (note != null) {
                progress.say(note);
            }
            new FilePrinter(format, output.noHeaders).print(files.target().name(), files.target().namespace(),
                    files.rows(), io.out());
            if (deleted && !format.structured()) {
                progress.say(FilesFleet.held(files.rows(), ""));
            }
            return 0;
        }
    }

    private FileRows.Selection selection() {
        Integer process = null;
        if (pid != null) {
            if (!pid.matches("[1-9][0-9]{0,9}") || Long.parseLong(pid) > Integer.MAX_VALUE) {
                throw SharepidException.usage("PID must be a positive number, not \"" + pid + "\"");
            }
            process = Integer.valueOf(pid);
        }
        if (process == null && container == null && !deleted) {
            throw SharepidException.usage("files needs a PID, -c CONTAINER or --deleted");
        }
        return new FileRows.Selection(process, container, deleted);
    }
}
