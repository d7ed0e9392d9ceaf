package io.github.sharepid.cli;

import io.github.sharepid.kube.KubeConnector;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Wires the command tree to its streams, its cluster connector and its use cases; tests call it with fakes. */
public final class Cli {
    private Cli() {
    }

    public static CommandLine commandLine(Io io, KubeConnector connector) {
        CommandFactory factory = new CommandFactory(io, connector);
        RootCommand root = factory.root();
        CommandLine cl = new CommandLine(RootCommand.class, factory);
        cl.setOut(io.out());
        cl.setErr(io.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        giveSignalItsShortFlag(cl);
        ErrorHandler handler = new ErrorHandler(io.err(), root::verbose, root::explain);
        cl.setExecutionExceptionHandler(handler);
        cl.setParameterExceptionHandler(handler);
        cl.setExecutionStrategy(parseResult -> {
            Logging.configure(root.verbose());
            return new CommandLine.RunLast().execute(parseResult);
        });
        return cl;
    }

    /**
     * {@code signal -s HUP} follows kill(1); everywhere else {@code -s} is kubectl's {@code --server}.
     * The inherited server option is swapped for a long-only copy (same binding), and {@code -s} added
     * to {@code --signal}.
     */
    private static void giveSignalItsShortFlag(CommandLine cl) {
        CommandLine signal = cl.getSubcommands().get("signal");
        if (signal == null) {
            return;
        }
        CommandSpec spec = signal.getCommandSpec();
        OptionSpec server = spec.findOption("--server");
        OptionSpec sig = spec.findOption("--signal");
        spec.remove(server);
        spec.remove(sig);
        spec.addOption(OptionSpec.builder(server).names("--server").build());
        spec.addOption(OptionSpec.builder(sig).names("-s", "--signal").build());
    }
}
