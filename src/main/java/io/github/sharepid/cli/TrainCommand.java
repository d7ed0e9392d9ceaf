package io.github.sharepid.cli;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.kube.Training;
import io.github.sharepid.plan.DebugSpec;
import io.github.sharepid.plan.PlanContext;
import io.github.sharepid.plan.PodCopyPlanner;
import io.github.sharepid.plan.Profile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Hidden {@code __train}: what the launcher runs once, in the background, to record the class-data
 * archive (AOT cache or AppCDS). It renders every help page and walks the client and core paths
 * against nothing: no cluster is contacted and nothing is printed.
 */
@Command(name = "__train", hidden = true)
public class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        root.getUsageMessage();
        root.getSubcommands().values().forEach(CommandLine::getUsageMessage);
        Pod pod = Training.exercise();
        ProcTraining.exercise(pod);
        for (Profile p : Profile.values()) {
            PodCopyPlanner.plan(pod, new DebugSpec(null, "sharepid", "busybox", List.of(), p, true, p == Profile.GENERAL,
                    false, false, Map.of("*", "nginx:1.25"), Map.of("A", "b")),
                    new PlanContext(Instant.now(), "abcde", Set.of("data")));
        }
        return 0;
    }
}
