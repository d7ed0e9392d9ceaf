package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.output.OutputFormat;
import io.github.sharepid.plan.DebugSpec;
import io.github.sharepid.plan.PlanContext;
import io.github.sharepid.plan.PodCopyPlanner;
import io.github.sharepid.plan.Profile;
import io.github.sharepid.output.ProcessPrinter;
import io.github.sharepid.proc.Attribution;
import io.github.sharepid.proc.ProcParser;
import io.github.sharepid.proc.ProcessInfo;
import io.github.sharepid.proc.SignalResults;
import io.github.sharepid.proc.Signals;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The class-data archive's warm-up (the hidden {@code __train}, run once by the launcher in the background):
 * walks the client paths (given by the composition root, against a closed port), then parses, attributes and
 * prints a /proc sample and plans a copy with every profile. No cluster is contacted and nothing is printed.
 */
public final class ArchiveWarmUp {
    private final Supplier<Pod> clientPaths;

    /** {@code clientPaths}: walks the client's calls against nothing and returns a sample pod. */
    public ArchiveWarmUp(Supplier<Pod> clientPaths) {
        this.clientPaths = clientPaths;
    }

    public void run() {
        Pod pod = clientPaths.get();
        exerciseProc(pod);
        for (Profile p : Profile.values()) {
            PodCopyPlanner.plan(pod, new DebugSpec(null, "sharepid", "busybox", List.of(), p, true, p == Profile.GENERAL,
                    false, false, Map.of("*", "nginx:1.25"), Map.of("A", "b")),
                    new PlanContext(Instant.now(), "abcde", Set.of("data")));
        }
    }

    /** A /proc listing in the ps script's format (NUL-separated records): parse, attribute, print. */
    private static final String PROC_SAMPLE = String.join("\0",
            "self:9", "1/status:Uid:\t65535\t65535\t65535\t65535", "8/status:Uid:\t101\t101\t101\t101",
            "8/status:VmRSS:\t    2812 kB", "uptime:1757.17 1430.71\n", "stat:cpu  1 2 3 4\nbtime 1795353000\n",
            "1/cgroup:8:pids:/kubepods/besteffort/podx/" + "a".repeat(64) + "\n",
            "8/cgroup:8:pids:/kubepods/besteffort/podx/" + "0123456789abcdef".repeat(4) + "\n",
            "1/cmdline:/pause", "8/cmdline:nginx: worker process",
            "1/stat:1 (pause) S 0 1 1 0 -1 4194560 98 0 0 0 0 2 0 0 20 0 1 0 86 1040384 1 18446744073709551615\n",
            "8/stat:8 (nginx) S 1 8 8 0 -1 4194560 98 0 0 0 0 2 0 0 20 0 1 0 96 1040384 1 18446744073709551615\n",
            "8/root/etc/passwd:root:x:0:0:root:/root:/bin/sh\nnginx:x:101:101:nginx:/nonexistent:/bin/false\n", "");

    private static void exerciseProc(Pod pod) {
        List<ProcessInfo> rows = Attribution.attribute(ProcParser.parse(PROC_SAMPLE.getBytes(StandardCharsets.UTF_8)),
                pod, "sharepid");
        if (rows.size() != 2) {
            throw new IllegalStateException("the training sample no longer parses: " + rows);
        }
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        for (OutputFormat f : OutputFormat.values()) {
            new ProcessPrinter(new ProcessPrinter.Options(f, f == OutputFormat.TABLE, false, ZonedDateTime.now(), "p", "n"))
                    .print(rows, sink);
        }
        Signals.parse("HUP");
        SignalResults.parse("result:8:ok\0".getBytes(StandardCharsets.UTF_8));
    }
}
