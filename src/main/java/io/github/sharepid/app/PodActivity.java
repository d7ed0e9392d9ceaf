package io.github.sharepid.app;

import io.github.sharepid.proc.FdReading;
import io.github.sharepid.proc.FdScript;
import io.github.sharepid.proc.FileRow;
import io.github.sharepid.proc.FileRows;
import io.github.sharepid.proc.PortRows;
import io.github.sharepid.proc.ProcessInfo;
import java.util.List;
import java.util.Map;

/**
 * What the processes of a shared pod hold open: {@code ports} (the sockets of the pod's network namespace and
 * their owners) and {@code files} (descriptors). Each is one exec of {@link FdScript}, run where {@code ps} runs
 * ({@link ProcessTable}); only metadata is read.
 */
public final class PodActivity {
    private final ProcessTable table;

    public PodActivity(ProcessTable table) {
        this.table = table;
    }

    /**
     * @param unreadable processes whose descriptors could not be read, with why
     * @param toolUid    the UID the tools ran as, -1 when unknown
     */
    public record Ports(ToolSite target, PortRows.Ports ports, long toolUid) {
    }

    /** What {@code files} shows, and which processes' descriptors could not be read. */
    public record Files(ToolSite target, List<FileRow> rows, Map<Integer, String> unreadable, long toolUid) {
    }

    /** @param all every socket, else only the listening ones */
    public Ports ports(ToolPod pod, boolean all) {
        Read read = read(pod);
        return new Ports(read.target, PortRows.join(read.processes, read.reading, all),
                ProcessTable.toolUid(read.processes, read.target));
    }

    /** The descriptors of one process, of one container's processes, or (deleted) the deleted files of all. */
    public Files files(ToolPod pod, FileRows.Selection selection) {
        Read read = read(pod);
        FileRows.Result result = FileRows.select(read.processes, read.reading.fds(), read.target.pod(), selection);
        return new Files(read.target, result.rows(), result.unreadable(),
                ProcessTable.toolUid(read.processes, read.target));
    }

    private record Read(ToolSite target, List<ProcessInfo> processes, FdReading reading) {
    }

    private Read read(ToolPod pod) {
        SiteLookup.Judged<byte[]> raw = table.readRaw(pod, FdScript.argv());
        return new Read(raw.target(), ProcessTable.attribute(raw.result(), raw.target()),
                FdReading.parse(raw.result()));
    }
}
