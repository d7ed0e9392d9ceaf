package io.github.sharepid.cli;

import io.github.sharepid.app.ArchiveWarmUp;
import io.github.sharepid.kube.KubeConnector;
import io.github.sharepid.kube.fabric8.Training;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Runs the whole command line in-process with captured streams, as a user would type it. */
record CliRun(int exitCode, String stdout, String stderr) {
    /** The real warm-up: __train must keep working against nothing. */
    static final Supplier<ArchiveWarmUp> WARM_UP = () -> new ArchiveWarmUp(Training::exercise);

    static CliRun of(KubeConnector connector, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(new byte[0]), out, err, () -> false);
        int code = Cli.commandLine(io, connector, WARM_UP).execute(args);
        io.flush();
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A connector that fails the test if anything tries to reach a cluster. */
    static KubeConnector noCluster() {
        return options -> {
            throw new AssertionError("a usage error must be reported before connecting to a cluster");
        };
    }
}
