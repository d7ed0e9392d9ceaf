package io.github.sharepid.app;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Exec;
import io.github.sharepid.local.LocalTree;
import io.github.sharepid.proc.DirListing;
import io.github.sharepid.proc.FollowScript;
import io.github.sharepid.proc.PeekScript;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code peek-root}: reads another container's filesystem through {@code /proc/PID/root}. A file streams
 * byte for byte to stdout, a directory comes back as a listing, and with {@code --to} either is copied home;
 * with {@code --follow} a file's new bytes keep streaming until the process exits or we are stopped.
 * One exec, sent together with the GET of the pod; with a container instead of a PID, the same exec first
 * lists the processes, whose table names the container's main process ({@link ListingConversation}).
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

    /**
     * A PID or a container (the other null), the remote path, where {@code --to} copies it (else null), and
     * when following, how many of the last lines to show first ({@link FollowScript#ALL}: all; else null).
     */
    public record Request(ToolPod pod, Integer pid, String container, String path, Path localTarget,
                          Integer followLines) {
        /**
         * Checks the path and, with {@code toDir}, that the local directory exists and the copy's name in it
         * is free, before anything runs.
         */
        public static Request of(ToolPod pod, Integer pid, String container, String path, String toDir) {
            String checked = PeekScript.validatePath(path);
            Path local = toDir == null ? null
                    : LocalTree.freshTarget(LocalTree.requireDirectory(toDir), LocalTree.baseName(checked));
            return new Request(pod, pid, container, checked, local, null);
        }

        /** {@code peek-root --follow}: the file's last {@code lines} lines, then what is appended. */
        public static Request follow(ToolPod pod, Integer pid, String container, String path, int lines) {
            return new Request(pod, pid, container, PeekScript.validatePath(path), null,
                    FollowScript.validateLines(lines));
        }

        /** The same request for another pod (one of several a selector chose). */
        public Request forPod(ToolPod other) {
            return new Request(other, pid, container, path, localTarget, followLines);
        }

        boolean following() {
            return followLines != null;
        }
    }

    /** The path as resolved in the container; the directory's entries when it was listed, else null. */
    public record Result(String resolvedPath, List<DirListing.Entry> listing) {
    }

    /**
     * Reads {@code request.path()}; a file's bytes go to {@code stdout} unless copied. With a PID the exec goes
     * out together with the GET of the pod, its output held back until the pod is judged; with a container the
     * exec lists the processes (while the pod is read), is sent the main process's PID once the pod is judged,
     * and then reads its root.
     */
    public Result read(Request request, OutputStream stdout) {
        SiteLookup lookup = table.start(request.pod());
        Peek peek = request.pid() != null ? peekPid(lookup, request, stdout) : peekMainProcess(lookup, request, stdout);
        if (request.following() && peek.code() == FollowScript.TARGET_EXITED) {
            progress.say("process " + peek.pid() + " exited; stopped following " + request.path());
        } else if (peek.code() != 0) {
            peek.transfer().abort();
            throw failure(peek.code(), peek.transfer().stderrText(), peek.target(), peek.pid(), request.path());
        }
        try {
            return peek.transfer().finish(progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One read of a root: the pod it was judged against, the process, where the bytes went, the exit code. */
    private record Peek(ToolSite target, long pid, PeekTransfer transfer, int code) {
    }

    private Peek peekPid(SiteLookup lookup, Request request, OutputStream stdout) {
        SiteLookup.Judged<Peek> run = lookup.withFirstExec((guard, container, verdict) -> peek(guard.apply(exec),
                lookup.namespace(), lookup.name(), container, request.pid(), request, stdout, verdict));
        return new Peek(run.target(), request.pid(), run.result().transfer(), run.result().code());
    }

    /**
     * One exec ({@link ListingConversation}): its listing names the container's main process once the pod is
     * judged, and the same exec is sent that PID and reads its root; nothing is read until then.
     */
    private Peek peekMainProcess(SiteLookup lookup, Request request, OutputStream stdout) {
        PeekTransfer transfer = new PeekTransfer(stdout, request.localTarget(), request.following() ? progress : null);
        ListingConversation.Script script = new ListingConversation.Script(request.following()
                ? FollowScript.chooseArgv(request.path(), request.followLines())
                : PeekScript.chooseArgv(request.path(), request.localTarget() != null),
                "the PID of container " + request.container() + "'s main process", transfer.stream(),
                transfer.stderr(), request.following());
        SiteLookup.Judged<ListingConversation> opened;
        try {
            opened = lookup.withFirstExec((guard, container, verdict) -> ListingConversation.open(guard.apply(exec),
                    lookup.namespace(), lookup.name(), container, script));
        } catch (RuntimeException e) {
            transfer.abort();
            throw e;
        }
        ToolSite target = opened.target();
        try (ListingConversation conversation = opened.result()) {
            int pid = ProcessTable.mainPid(ProcessTable.attribute(conversation.listing(), target), target,
                    request.container());
            return new Peek(target, pid, transfer, conversation.finish(PeekScript.pidLine(pid)));
        } catch (RuntimeException e) {
            transfer.abort();
            throw e;
        }
    }

    /** {@code verdict}: null when the pod is judged already, else what holds the output back until it is. */
    private Peek peek(Exec port, String namespace, String pod, String execContainer, long pid, Request request,
                      OutputStream stdout, CompletableFuture<Boolean> verdict) {
        PeekTransfer transfer = new PeekTransfer(stdout, request.localTarget(), request.following() ? progress : null);
        OutputStream out = verdict == null ? transfer.stream() : new HeldOutput(transfer.stream(), verdict);
        // following: stdin stays open, sending nothing, until the exec is over; the script stops when it closes
        try (HeldStdin stdin = request.following() ? new HeldStdin() : null) {
            int code = port.exec(namespace, pod, execContainer, argv(pid, request), stdin, out, transfer.stderr());
            return new Peek(null, pid, transfer, code);
        } catch (RuntimeException e) {
            transfer.abort();
            throw e;
        }
    }

    private static List<String> argv(long pid, Request request) {
        return request.following() ? FollowScript.argv(pid, request.path(), request.followLines())
                : PeekScript.argv(pid, request.path(), request.localTarget() != null);
    }

    /** {@code hostUsers: false}: the pod's containers run in a user namespace (GA in Kubernetes 1.36). */
    private static boolean inUserNamespace(ToolSite target) {
        return target.pod() != null && target.pod().getSpec() != null
                && Boolean.FALSE.equals(target.pod().getSpec().getHostUsers());
    }

    private static SharepidException failure(int code, String stderr, ToolSite target, long pid, String path) {
        String where = " (PID " + pid + " in pod " + target.name() + ")";
        if (code == PeekScript.NO_SUCH_PROCESS) {
            return SharepidException.failure("no process with PID " + pid + " in pod " + target.name());
        }
        if (stderr.contains("Permission denied") && inUserNamespace(target)) {
            return SharepidException.failure("permission denied reading " + path + where + ": pod " + target.name()
                    + " runs in a user namespace of its own (hostUsers: false), where the kernel may refuse"
                    + " /proc/PID/root of another container's process even to root; what still works: ps, signal,"
                    + " and peek-root as the target's user (--ephemeral --as-target-user or --run-as, Kubernetes"
                    + " 1.23+; on a copy: debug --as-target-user)");
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
