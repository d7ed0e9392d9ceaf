package io.github.sharepid;

import io.github.sharepid.cli.Cli;
import io.github.sharepid.cli.Completion;
import io.github.sharepid.cli.Io;
import io.github.sharepid.kube.Fabric8Connector;

/** Entry point of {@code kubectl-sharepid}: the only place that calls {@link System#exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try (Io io = Io.system()) {
            if (args.length > 0 && args[0].equals("__complete")) {
                // kubectl's plugin completion protocol: the words as typed, never parsed as flags
                code = Completion.complete(io, new Fabric8Connector(), java.util.List.of(args).subList(1, args.length));
            } else {
                code = Cli.commandLine(io, new Fabric8Connector()).execute(args);
            }
        }
        System.exit(code);
    }
}
