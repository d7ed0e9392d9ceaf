package io.github.sharepid.cli;

import io.github.sharepid.app.HashingStream;
import io.github.sharepid.app.PeekRoot;
import io.github.sharepid.app.PodSelection;
import io.github.sharepid.app.Replicas;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.output.ChecksumPrinter;
import io.github.sharepid.output.ListingPrinter;
import io.github.sharepid.proc.FollowScript;
import io.github.sharepid.proc.Pids;
import io.github.sharepid.output.OutputFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
            "  kubectl sharepid peek-root web-1-sharepid-x7k2p -c nginx /etc/nginx --to ./backup",
            "  kubectl sharepid peek-root web-1-sharepid-x7k2p -c app --follow --tail 10 /var/log/app.log",
            "  kubectl sharepid peek-root deploy/web -c nginx /etc/nginx/nginx.conf --checksum",
            "%nSeveral pods (TYPE/NAME, -l): at most --max-concurrency at once (default 10), output by pod;",
            "each failed pod is one stderr line. Exit 0 all succeeded, 3 some failed, 1 all failed."})
public class PeekRootCommand implements Callable<Integer> {
    @Mixin
    ToolPodFlags target;

    @Parameters(index = "1..2", arity = "0..2", paramLabel = "PID|PATH",
            description = "The process whose root to read (omit with -c), then the absolute PATH.")
    List<String> rest;

    @Option(names = {"-c", "--container"}, paramLabel = "NAME",
            description = "Read the root of this container's main process instead of giving a PID.")
    String container;

    @Option(names = "--to", paramLabel = "LOCAL_DIR",
            description = "Copy the file or the whole directory tree into LOCAL_DIR instead of printing it.")
    String to;

    @Option(names = {"-f", "--follow"},
            description = "Keep printing what is appended to the file, as tail -F: re-opened when truncated or"
                    + " replaced (rotation); ends on Ctrl-C or when the process exits (exit 0, a note on stderr)."
                    + " With several pods: all at once, each line after [pod/NAME/CONTAINER], until every one ends.")
    boolean follow;

    @Option(names = "--tail", paramLabel = "N", defaultValue = "-1",
            description = "With --follow: first show only the file's last N lines (0: only what is appended;"
                    + " default -1: the whole file, as kubectl logs).")
    int tail;

    @Option(names = "--checksum", description = "Print the file's SHA-256 and size instead of its bytes (hashed"
            + " here as they arrive); with several pods, one line each, then on stderr which pods differ.")
    boolean checksum;

    @Mixin
    OutputFlags output;

    private final Io io;
    private final Opener<PeekRoot> peeks;
    private final Opener<Replicas> replicas;

    PeekRootCommand(Io io, Opener<PeekRoot> peeks, Opener<Replicas> replicas) {
        this.io = io;
        this.peeks = peeks;
        this.replicas = replicas;
    }

    @Override
    public Integer call() {
        rest = target.positionals(rest);
        PeekRoot.Request request = request();
        output.requireOneOf(OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML);
        if (follow && (to != null || output.format != OutputFormat.TABLE)) {
            throw SharepidException.usage("--follow prints the file to stdout: it takes neither --to nor -o");
        }
        if (checksum && (to != null || follow)) {
            throw SharepidException.usage("--checksum prints the file's SHA-256: it takes neither --to nor --follow");
        }
        PodSelection.Selected selected = null;
        PodSelection.Request selection = target.selection();
        if (selection != null) {
            if (to != null) {
                throw SharepidException.usage("--to copies from one POD, not from a TYPE/NAME or -l");
            }
            PeekFleet fleet = new PeekFleet(io, output, checksum);
            return follow ? fleet.follow(replicas, selection, request, target.fanOut())
                    : fleet.run(replicas, selection, request, target.fanOut());
        }
        try (Opener.Opened<PeekRoot> peek = peeks.open()) {
            HashingStream hash = checksum ? new HashingStream() : null;
            PeekRoot.Result result = peek.use().read(request, checksum ? hash : io.stdout());
            if (hash != null && result.listing() == null) {
                Replicas.Checksum sum = hash.checksum();
                ChecksumPrinter.print(io.out(), result.resolvedPath(), List.of(new ChecksumPrinter.Sum(
                        peek.kube().namespace(), request.pod().name(), sum.sha256(), sum.size())), output.format,
                        output.noHeaders, false);
                io.out().flush();
            }
            if (result.listing() != null) {
                ListingPrinter.print(io.out(), result.resolvedPath(), result.listing(), output.format, output.noHeaders);
                io.out().flush();
            }
            return 0;
        }
    }

    /** Validate: {@code PID PATH}, or {@code -c NAME PATH}; with {@code --to}, the local side too. */
    private PeekRoot.Request request() {
        if (!follow && tail != FollowScript.ALL) {
            throw SharepidException.usage("--tail needs --follow");
        }
        if (container != null && rest.size() != 1) {
            throw SharepidException.usage("with -c give only PATH, not a PID as well");
        }
        if (container == null && rest.size() != 2) {
            throw SharepidException.usage("give a PID and a PATH, or -c CONTAINER and a PATH");
        }
        Integer pid = container == null ? Pids.parse(rest.get(0)) : null;
        String path = rest.get(rest.size() - 1);
        return follow ? PeekRoot.Request.follow(target.toolPod(), pid, container, path, tail)
                : PeekRoot.Request.of(target.toolPod(), pid, container, path, to);
    }
}
