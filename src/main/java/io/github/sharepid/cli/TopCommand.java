package io.github.sharepid.cli;

import io.github.sharepid.app.PodSelection;
import io.github.sharepid.app.ProcessTop;
import io.github.sharepid.app.Replicas;
import io.github.sharepid.app.ToolPod;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Screen;
import io.github.sharepid.output.OutputFormat;
import io.github.sharepid.output.TopPrinter;
import io.github.sharepid.proc.TopSample;
import io.github.sharepid.text.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kubectl sharepid top POD}: per process %CPU over an interval, RSS and %MEM, with the container owning each
 * and one line per container against its limits. Each sample is one exec that reads /proc twice, {@code --interval}
 * apart, and measures that interval in the pod.
 */
@Command(name = "top", mixinStandardHelpOptions = true, abbreviateSynopsis = true, sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Show what the processes of POD use: %%CPU over --interval (of one core), RSS, %%MEM (of the"
                + " container's memory limit, else of the node's memory: the header says which), threads, state,"
                + " user, container and command, with one line per container against its CPU and memory limits."
                + " In a terminal it redraws in place until q or Ctrl-C; otherwise, or with --once, it prints one"
                + " sample (--count for more).",
        footer = {"%nExamples:",
            "  kubectl sharepid top web-1-sharepid-x7k2p --once",
            "  kubectl sharepid top web-1-sharepid-x7k2p -c app --sort mem --count 3 --interval 2s",
            "  kubectl sharepid top web-1-sharepid-x7k2p --once -o json | jq '.processes[0]'",
            "  kubectl sharepid top deploy/web --once                  # every running pod, POD column first",
            "%nSeveral pods (TYPE/NAME, -l; with --once or --count, never redrawn): at most --max-concurrency at once",
            "(default 10), rows by pod; each failed pod is one stderr line. Exit 0 all succeeded, 3 some failed,",
            "1 all failed."})
public class TopCommand implements Callable<Integer> {
    private static final Duration LONGEST = Duration.ofMinutes(10);

    @Mixin
    ToolPodFlags target;

    @Option(names = {"-c", "--container"}, paramLabel = "NAME", description = "Only this container's processes.")
    String container;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s",
            description = "Time between the two readings of each sample (default: 1s; 100ms to 10m).")
    String interval;

    @Option(names = "--sort", paramLabel = "KEY", defaultValue = "cpu",
            description = "Order of the rows: cpu (default), mem, pid or time.")
    String sort;

    @Option(names = "--once", description = "One sample, then exit (the default when not in a terminal).")
    boolean once;

    @Option(names = "--count", paramLabel = "N", description = "Print N samples, one after the other.")
    Integer count;

    @Mixin
    OutputFlags output;

    private final Io io;
    private final Opener<ProcessTop> top;
    private final Opener<Replicas> replicas;

    TopCommand(Io io, Opener<ProcessTop> top, Opener<Replicas> replicas) {
        this.io = io;
        this.top = top;
        this.replicas = replicas;
    }

    @Override
    public Integer call() {
        OutputFormat format = output.requireOneOf(OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML);
        ProcessTop.Request request = new ProcessTop.Request(container, seconds(), sortKey());
        int samples = samples();
        ToolPod pod = target.toolPod();
        TopPrinter printer = new TopPrinter(format, output.noHeaders);
        boolean mayRedraw = format == OutputFormat.TABLE && !once && count == null;
        PodSelection.Request selection = target.selection();
        if (selection != null) {
            if (mayRedraw) {
                throw SharepidException.usage("top redraws one POD only: with TYPE/NAME or -l add --once or --count N");
            }
            return new TopFleet(io, printer, format).run(replicas, selection, pod, request, samples, target.fanOut());
        }
        try (Opener.Opened<ProcessTop> opened = top.open()) {
            Optional<Screen> screen = mayRedraw ? opened.kube().screens().open() : Optional.empty();
            if (screen.isPresent()) {
                return new LiveTop(opened.use(), printer, screen.get()).run(pod, request);
            }
            ProcessTop.Sample sample = opened.use().first(pod, request);
            for (int i = 1; ; i++) {
                printer.print(sample.target().name(), sample.target().namespace(), sample.sample(), io.out());
                if (i >= samples) {
                    return 0;
                }
                if (!format.structured()) {
                    io.out().println();
                }
                sample = opened.use().next(sample.target(), request);
            }
        }
    }

    private int samples() {
        if (once && count != null && count != 1) {
            throw SharepidException.usage("--once and --count " + count + " exclude each other");
        }
        if (count != null && count < 1) {
            throw SharepidException.usage("--count must be at least 1");
        }
        return count == null ? 1 : count;
    }

    private String seconds() {
        Duration d = Durations.parse(interval, "--interval");
        if (d.compareTo(Duration.ofMillis(100)) < 0 || d.compareTo(LONGEST) > 0) {
            throw SharepidException.usage("--interval must be between 100ms and 10m");
        }
        long millis = d.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000)
                : String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }

    private TopSample.Sort sortKey() {
        try {
            return TopSample.Sort.valueOf(sort.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SharepidException.usage("--sort " + sort + ": valid: cpu, mem, pid, time");
        }
    }
}
