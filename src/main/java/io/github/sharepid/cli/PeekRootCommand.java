package io.github.sharepid.cli;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.KubeContext;
import io.github.sharepid.proc.DirListing;
import io.github.sharepid.proc.PeekScript;
import io.github.sharepid.proc.PeekStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kubectl sharepid peek-root POD (PID | -c CONTAINER) PATH}: reads another container's
 * filesystem through {@code /proc/PID/root}. Files stream byte for byte; directories are listed or,
 * with {@code --to}, copied home. One exec round trip (two with {@code -c}, to find the process).
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
        PeekTransfer transfer = new PeekTransfer(root.io(), dest, target.path, output);
        try (KubeContext kube = root.connect()) {
            SharedPod shared = SharedPod.resolve(kube, pod, execFlag.name);
            long pid = target.pid != null ? target.pid : Processes.mainPid(kube, shared, container);
            int code = kube.executor().exec(shared.namespace(), shared.name(), shared.execContainer(),
                    PeekScript.argv(pid, target.path, dest != null), null, transfer.stream(), transfer.stderr());
            if (code != 0) {
                transfer.abort();
                throw failure(code, transfer.stderrText(), shared, pid, target.path);
            }
            transfer.finish(msg -> root.progress(msg));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
