package io.github.sharepid.cli;

import io.github.sharepid.kube.KubeConnector;
import io.github.sharepid.training.TrainingCluster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The cluster half of the launcher's training run: the commands a user runs, parsed and executed by the same
 * picocli tree, use cases and client code, against a {@link TrainingCluster} on 127.0.0.1. Whatever those
 * commands load (TLS, HTTP, websocket, JSON of real pods, printers) is what the archive then holds, including
 * any future change to how they talk to a cluster.
 */
final class ClusterTraining {
    private ClusterTraining() {
    }

    /** One command line and the exit code it must end with; a different one fails the training run. */
    private record Step(int exitCode, List<String> args) {
        static Step ok(String... args) {
            return new Step(0, List.of(args));
        }

        static Step fails(String... args) {
            return new Step(1, List.of(args));
        }
    }

    /**
     * Runs every step against {@code cluster}; the caller starts and closes it. {@code connectors} makes the
     * connector from the cluster's kubeconfig (the composition root passes the fabric8 one).
     */
    static void run(TrainingCluster cluster, Function<String, KubeConnector> connectors) {
        KubeConnector connector = connectors.apply(cluster.kubeconfig());
        String copy = cluster.copyPod();
        String source = cluster.sourcePod();
        for (Step step : List.of(
                Step.ok("ps", copy),
                Step.ok("ps", copy, "-o", "json"),
                Step.ok("ps", copy, "--tree", "-o", "wide"),
                Step.ok("ps", copy, "-c", "nginx", "-o", "yaml", "--no-headers"),
                Step.ok("signal", copy, "-c", "nginx", "--match", "master process", "-s", "HUP", "--dry-run"),
                Step.ok("peek-root", copy, "-c", "nginx", cluster.peekFile()),
                Step.fails("peek-root", copy, "1", "/no/such/file"),
                Step.fails("ps", "no-such-pod"),
                Step.ok("list"),
                Step.ok("list", "-A", "-o", "json"),
                Step.ok("debug", source, "--attach=false", "--profile", "restricted"),
                Step.ok("debug", source, "--attach=false", "--profile", "baseline", "--keep-labels",
                        "--set-image", "*=nginx:1.25", "--env", "A=b"),
                Step.ok("debug", source, "--attach=false", "--profile", "sysadmin", "--same-node"),
                Step.ok("debug", source, "--rm", "--", "sh", "-l"))) {
            execute(connector, step);
        }
        String made = execute(connector, Step.ok("debug", source, "--attach=false")).strip();
        execute(connector, Step.ok("cleanup", made));
        execute(connector, Step.ok("cleanup", "--all", "--dry-run"));
        Completion.complete(silent(new ByteArrayOutputStream()), connector, List.of("ps", ""));
    }

    /** Runs one step as {@code Main} would, with empty stdin; returns its stdout. */
    private static String execute(KubeConnector connector, Step step) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(new byte[0]), out, err, () -> false);
        List<String> args = new ArrayList<>(step.args());
        args.add("-q");
        int code = Cli.commandLine(io, connector).execute(args.toArray(String[]::new));
        io.flush();
        if (code != step.exitCode()) {
            throw new IllegalStateException("training step " + step.args() + " exited " + code + ", not "
                    + step.exitCode() + ": " + err.toString(StandardCharsets.UTF_8).strip());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Io silent(ByteArrayOutputStream sink) {
        return new Io(new ByteArrayInputStream(new byte[0]), sink, sink, () -> false);
    }
}
