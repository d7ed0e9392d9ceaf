package io.github.sharepid;

import io.github.sharepid.cli.Cli;
import io.github.sharepid.cli.Io;
import io.github.sharepid.kube.Fabric8Connector;

/** Entry point of {@code kubectl-sharepid}: the only place that calls {@link System#exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try (Io io = Io.system()) {
            code = Cli.commandLine(io, new Fabric8Connector()).execute(args);
        }
        System.exit(code);
    }
}
