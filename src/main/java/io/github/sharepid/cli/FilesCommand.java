package io.github.sharepid.cli;

import io.github.sharepid.app.PodActivity;
import io.github.sharepid.app.Progress;
import io.github.sharepid.app.ToolPod;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.output.FilePrinter;
import io.github.sharepid.output.OutputFormat;
import io.github.sharepid.proc.FileRows;
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
            "  kubectl sharepid files web-1-sharepid-x7k2p --deleted -o json | jq '[.files[].size] | add'"})
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

    FilesCommand(Io io, Progress progress, Opener<PodActivity> activity) {
        this.io = io;
        this.progress = progress;
        this.activity = activity;
    }

    @Override
    public Integer call() {
        OutputFormat format = output.requireOneOf(OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML);
        FileRows.Selection selection = selection();
        ToolPod pod = target.onePod("files");
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
                long bytes = files.rows().stream().mapToLong(r -> Math.max(0, r.fd().size())).sum();
                progress.say(files.rows().size() + " deleted file" + (files.rows().size() == 1 ? "" : "s")
                        + " held open, keeping " + bytes + " bytes from the disk");
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
