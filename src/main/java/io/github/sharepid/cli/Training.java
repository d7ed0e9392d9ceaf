package io.github.sharepid.cli;

import io.github.sharepid.kube.KubeConnector;
import io.github.sharepid.training.TrainingCluster;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * What the launcher runs once, in the background, to record the class-data archive (AOT cache or AppCDS),
 * through its own entry point ({@code io.github.sharepid.Train}), not as a command: so nothing the command line
 * reaches holds any of it, and the native image, built from {@code Main}, has neither it nor its stand-in
 * server. It renders every help page, then runs the cluster commands against a stand-in API server on
 * 127.0.0.1 ({@link ClusterTraining}): no real cluster is contacted, no kubeconfig or credential of the user's
 * is read, and nothing is printed.
 */
public final class Training {
    private Training() {
    }

    /** {@code connectors}: a connector for the stand-in cluster, given its kubeconfig (the composition root's). */
    public static void run(Function<String, KubeConnector> connectors) {
        Io silent = new Io(InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream(), () -> false);
        CommandLine root = Cli.commandLine(silent, options -> {
            throw new IllegalStateException("help pages never connect");
        });
        root.getUsageMessage();
        root.getSubcommands().values().forEach(CommandLine::getUsageMessage);
        try (TrainingCluster cluster = TrainingCluster.start()) {
            ClusterTraining.run(cluster, connectors);
        }
    }
}
