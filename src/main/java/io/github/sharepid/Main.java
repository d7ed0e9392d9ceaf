package io.github.sharepid;

import io.github.sharepid.cli.Cli;
import io.github.sharepid.cli.Completion;
import io.github.sharepid.cli.Io;
import io.github.sharepid.kube.KubeConnector;
import io.github.sharepid.kube.fabric8.Fabric8Connector;
import io.github.sharepid.kube.fabric8.Terminals;

/**
 * Entry point of {@code kubectl-sharepid} and the composition root: the one place that names the fabric8
 * adapters and the only place that calls {@link System#exit}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code;
        // Behind lambdas: fabric8 (and the terminal library) load only when a command needs them, not for
        // --help or --version.
        KubeConnector connector = options -> new Fabric8Connector().connect(options);
        try (Io io = Io.system(() -> Terminals.stdinIsTerminal())) {
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
