package io.github.sharepid.cli;

import io.github.sharepid.kube.KubeConnector;
import io.github.sharepid.training.TrainingCluster;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Hidden {@code __train}: what the launcher runs once, in the background, to record the class-data
 * archive (AOT cache or AppCDS). It renders every help page, then runs the cluster commands against a
 * stand-in API server on 127.0.0.1 ({@link ClusterTraining}): no real cluster is contacted, no kubeconfig or
 * credential of the user's is read, and nothing is printed.
 */
@Command(name = "__train", hidden = true)
public class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final Function<String, KubeConnector> trainingConnector;

    /** {@code trainingConnector}: a connector for the stand-in cluster, given its kubeconfig (the composition root's). */
    TrainCommand(Function<String, KubeConnector> trainingConnector) {
        this.trainingConnector = trainingConnector;
    }

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        root.getUsageMessage();
        root.getSubcommands().values().forEach(CommandLine::getUsageMessage);
        try (TrainingCluster cluster = TrainingCluster.start()) {
            ClusterTraining.run(cluster, trainingConnector);
        }
        return 0;
    }
}
