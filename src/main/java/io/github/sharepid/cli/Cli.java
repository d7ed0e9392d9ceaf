package io.github.sharepid.cli;

import io.github.sharepid.kube.KubeConnector;
import picocli.CommandLine;

/** Wires the command tree to its streams and its cluster connector; tests call it with fakes. */
public final class Cli {
    private Cli() {
    }

    public static CommandLine commandLine(Io io, KubeConnector connector) {
        RootCommand root = new RootCommand(io, connector);
        CommandLine cl = new CommandLine(root);
        cl.setOut(io.out());
        cl.setErr(io.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        ErrorHandler handler = new ErrorHandler(io.err(), root::verbose);
        cl.setExecutionExceptionHandler(handler);
        cl.setParameterExceptionHandler(handler);
        cl.setExecutionStrategy(parseResult -> {
            Logging.configure(root.verbose());
            return new CommandLine.RunLast().execute(parseResult);
        });
        return cl;
    }
}
