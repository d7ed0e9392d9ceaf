package io.github.sharepid.cli;

import io.github.sharepid.SharepidException;
import io.github.sharepid.kube.KubeContext;
import io.github.sharepid.proc.PeekScript;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kubectl sharepid peek-root POD (PID | -c CONTAINER) PATH}: reads another container's
 * filesystem through {@code /proc/PID/root}. Files stream byte for byte; directories are listed or,
 * with {@code --to}, copied home. One exec, sent together with the GET of the pod (two with {@code -c}: the
 * process table names the container's main process).
 */
@Command(name = "peek-root", mixinStandardHelpOptions = true, abbreviateSynopsis = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Read another container's files through /proc/PID/root: a file's exact bytes go to stdout, a directory is listed. PATH is absolute inside that container; its symlinks are followed there. Needs the target's UID or CAP_SYS_PTRACE in the container the tools run in (profile general).",
        footer = {"%nExamples:",
            "  kubectl sharepid peek-root web-1-sharepid-x7k2p -c nginx /etc/nginx/nginx.conf",
            "  kubectl sharepid peek-root web-1-sharepid-x7k2p 8 /etc/nginx",
            "  kubectl sharepid peek-root web-1-sharepid-x7k2p -c nginx /etc/nginx --to ./backup"})
public class PeekRootCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Mixin
    ExecContainerFlag execFlag;

    @Parameters(index = "0", paramLabel = "POD", description = "A pod that shares its process namespace.")
    String pod;

    @Parameters(index = "1..2", arity = "1..2", paramLabel = "PID|PATH",
            description = "The process whose root to read (omit with -c), then the absolute PATH.")
    List<String> rest;

    @Option(names = {"-c", "--container"}, paramLabel = "NAME",
            description = "Read the root of this container's main process instead of giving a PID.")
    String container;

    @Option(names = "--to", paramLabel = "LOCAL_DIR",
            description = "Copy the file or the whole directory tree into LOCAL_DIR instead of printing it.")
    String to;

    @Mixin
    OutputFlags output;

    @Override
    public Integer call() {
        Target target = target();
        Path dest = to == null ? null : LocalTree.requireDirectory(to);
        output.requireOneOf("table", "json", "yaml");
        try (KubeContext kube = root.connect()) {
            SharedPodLookup lookup = SharedPodLookup.start(kube, pod, execFlag.name);
            Peek peek = target.pid != null ? peekPid(kube, lookup, target, dest) : peekMainProcess(kube, lookup, target, dest);
            if (peek.code() != 0) {
                peek.transfer().abort();
                throw failure(peek.code(), peek.transfer().stderrText(), peek.shared(), peek.pid(), target.path);
            }
            peek.transfer().finish(msg -> root.progress(msg));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One read of a root: the pod it was judged against, the process, where the bytes went, the exit code. */
    private record Peek(SharedPod shared, long pid, PeekTransfer transfer, int code) {
    }

    /** With a PID the exec goes out together with the GET; its output is held back until the pod is judged. */
    private Peek peekPid(KubeContext kube, SharedPodLookup lookup, Target target, Path dest) {
        var run = lookup.withFirstExec(container -> peek(kube, lookup.namespace(), lookup.name(), container,
                target.pid, target.path, dest, lookup.approves(container)));
        return new Peek(run.shared(), target.pid, run.result().transfer(), run.result().code());
    }

    /** With -c the process table (read while the pod is) names the main process; then its root is read. */
    private Peek peekMainProcess(KubeContext kube, SharedPodLookup lookup, Target target, Path dest) {
        var read = Processes.tableWhileLooking(kube, lookup);
        SharedPod shared = read.shared();
        int pid = Processes.mainPid(read.result(), shared, container);
        Peek peek = peek(kube, shared.namespace(), shared.name(), shared.execContainer(), pid, target.path, dest, null);
        return new Peek(shared, pid, peek.transfer(), peek.code());
    }

    /** {@code verdict}: null when the pod is judged already, else what holds the output back until it is. */
    private Peek peek(KubeContext kube, String ns, String name, String execContainer, long pid, String path, Path dest,
                      CompletableFuture<Boolean> verdict) {
        PeekTransfer transfer = new PeekTransfer(root.io(), dest, path, output);
        OutputStream stdout = verdict == null ? transfer.stream() : new HeldOutput(transfer.stream(), verdict);
        try {
            int code = kube.executor().exec(ns, name, execContainer, PeekScript.argv(pid, path, dest != null), null,
                    stdout, transfer.stderr());
            return new Peek(null, pid, transfer, code);
        } catch (RuntimeException e) {
            transfer.abort();
            throw e;
        }
    }

    private record Target(Integer pid, String path) {
    }

    /** Validate: {@code PID PATH}, or {@code -c NAME PATH}. */
    private Target target() {
        if (container != null) {
            if (rest.size() != 1) {
                throw SharepidException.usage("with -c give only PATH, not a PID as well");
            }
            return new Target(null, PeekScript.validatePath(rest.get(0)));
        }
        if (rest.size() != 2) {
            throw SharepidException.usage("give a PID and a PATH, or -c CONTAINER and a PATH");
        }
        return new Target(Processes.parsePid(rest.get(0)), PeekScript.validatePath(rest.get(1)));
    }

    private static SharepidException failure(int code, String stderr, SharedPod shared, long pid, String path) {
        String where = " (PID " + pid + " in pod " + shared.name() + ")";
        if (code == PeekScript.NO_SUCH_PROCESS) {
            return SharepidException.failure("no process with PID " + pid + " in pod " + shared.name());
        }
        if (stderr.contains("Permission denied")) {
            return SharepidException.failure("permission denied reading " + path + where + ": reading another"
                    + " container's files through /proc/PID/root needs that process's UID or CAP_SYS_PTRACE, and"
                    + " container " + shared.execContainer() + " has neither; make a copy with --profile general"
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
