package io.github.sharepid;

import io.github.sharepid.cli.Cli;
import io.github.sharepid.cli.Completion;
import io.github.sharepid.cli.Io;
import io.github.sharepid.kube.Fabric8Connector;
import io.github.sharepid.kube.KubeConnector;

/** Entry point of {@code kubectl-sharepid}: the only place that calls {@link System#exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code;
        // Behind a lambda: fabric8 is loaded only when a command connects, not for --help or --version.
        KubeConnector connector = options -> new Fabric8Connector().connect(options);
        try (Io io = Io.system()) {
            if (args.length > 0 && args[0].equals("__complete")) {
                // kubectl's plugin completion protocol: the words as typed, never parsed as flags
                code = Completion.complete(io, connector, java.util.List.of(args).subList(1, args.length));
            } else {
                code = Cli.commandLine(io, connector).execute(args);
            }
        }
        System.exit(code);
    }
}
