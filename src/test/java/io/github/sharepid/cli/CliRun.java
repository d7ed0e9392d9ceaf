package io.github.sharepid.cli;

import io.github.sharepid.kube.KubeConnector;
import io.github.sharepid.kube.fabric8.Fabric8Connector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Runs the whole command line in-process with captured streams, as a user would type it. */
record CliRun(int exitCode, String stdout, String stderr) {
    /** The real training connector: the launcher's training run must keep working against its stand-in cluster. */
    static final Function<String, KubeConnector> WARM_UP = Fabric8Connector::ofKubeconfig;

    static CliRun of(KubeConnector connector, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(new byte[0]), out, err, () -> false);
        int code = Cli.commandLine(io, connector).execute(args);
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
