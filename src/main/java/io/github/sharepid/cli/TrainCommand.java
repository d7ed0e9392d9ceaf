package io.github.sharepid.cli;

import io.github.sharepid.app.ArchiveWarmUp;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Hidden {@code __train}: what the launcher runs once, in the background, to record the class-data
 * archive (AOT cache or AppCDS). It renders every help page and runs the {@link ArchiveWarmUp}: no
 * cluster is contacted and nothing is printed.
 */
@Command(name = "__train", hidden = true)
public class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final Supplier<ArchiveWarmUp> warmUp;

    TrainCommand(Supplier<ArchiveWarmUp> warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        root.getUsageMessage();
        root.getSubcommands().values().forEach(CommandLine::getUsageMessage);
        warmUp.get().run();
        return 0;
    }
}
