package io.github.sharepid.app;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Exec;
import io.github.sharepid.local.LocalTree;
import io.github.sharepid.proc.DirListing;
import io.github.sharepid.proc.PeekScript;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code peek-root}: reads another container's filesystem through {@code /proc/PID/root}. A file streams
 * byte for byte to stdout, a directory comes back as a listing, and with {@code --to} either is copied home.
 * One exec round trip (two with a container instead of a PID, to find its main process).
 */
public final class PeekRoot {
    private final ProcessTable table;
    private final Exec exec;
    private final Progress progress;

    public PeekRoot(ProcessTable table, Exec exec, Progress progress) {
        this.table = table;
        this.exec = exec;
        this.progress = progress;
    }

    /** A PID or a container (the other null), the remote path, and where {@code --to} copies it (else null). */
    public record Request(String pod, String execContainer, Integer pid, String container, String path,
                          Path localTarget) {
        /**
         * Checks the path and, with {@code toDir}, that the local directory exists and the copy's name in it
         * is free, before anything runs.
         */
        public static Request of(String pod, String execContainer, Integer pid, String container, String path,
                                 String toDir) {
            String checked = PeekScript.validatePath(path);
            Path local = toDir == null ? null
                    : LocalTree.freshTarget(LocalTree.requireDirectory(toDir), LocalTree.baseName(checked));
            return new Request(pod, execContainer, pid, container, checked, local);
        }
    }

    /** The path as resolved in the container; the directory's entries when it was listed, else null. */
    public record Result(String resolvedPath, List<DirListing.Entry> listing) {
    }

    /** Reads {@code request.path()}; a file's bytes go to {@code stdout} unless copied. */
    public Result read(Request request, OutputStream stdout) {
        ToolTarget target = table.target(request.pod(), request.execContainer());
        long pid = request.pid() != null ? request.pid() : table.mainPid(target, request.container());
        PeekTransfer transfer = new PeekTransfer(stdout, request.localTarget());
        int code = exec.exec(target.namespace(), target.name(), target.execContainer(),
                PeekScript.argv(pid, request.path(), request.localTarget() != null), null, transfer.stream(),
                transfer.stderr());
        if (code != 0) {
            transfer.abort();
            throw failure(code, transfer.stderrText(), target, pid, request.path());
        }
        try {
            return transfer.finish(progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SharepidException failure(int code, String stderr, ToolTarget target, long pid, String path) {
        String where = " (PID " + pid + " in pod " + target.name() + ")";
        if (code == PeekScript.NO_SUCH_PROCESS) {
            return SharepidException.failure("no process with PID " + pid + " in pod " + target.name());
        }
        if (stderr.contains("Permission denied")) {
            return SharepidException.failure("permission denied reading " + path + where + ": reading another"
                    + " container's files through /proc/PID/root needs that process's UID or CAP_SYS_PTRACE, and"
                    + " container " + target.execContainer() + " has neither; make a copy with --profile general"
                    + " (adds SYS_PTRACE) or --profile sysadmin");
        }
        if (stderr.contains("No such file")) {
            return SharepidException.failure("no such file or directory: " + path + where);
        }
        if (stderr.contains("Not a directory")) {
            return SharepidException.failure("not a directory: a parent of " + path + where);
        }
        String first = stderr.lines().findFirst().orElse("exit code " + code).replaceFirst("^sharepid: ", "");
        return SharepidException.failure("reading " + path + where + " failed: " + first);
    }
}
