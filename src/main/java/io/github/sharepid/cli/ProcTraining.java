package io.github.sharepid.cli;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.output.OutputFormat;
import io.github.sharepid.output.ProcessPrinter;
import io.github.sharepid.proc.Attribution;
import io.github.sharepid.proc.ProcParser;
import io.github.sharepid.proc.ProcessInfo;
import io.github.sharepid.proc.SignalResults;
import io.github.sharepid.proc.Signals;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The ps and signal half of the launcher's training run, kept out of {@link TrainCommand} so that
 * picocli's reflection over the command loads no fabric8 type.
 */
final class ProcTraining {
    private ProcTraining() {
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

    static void exercise(Pod pod) {
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
