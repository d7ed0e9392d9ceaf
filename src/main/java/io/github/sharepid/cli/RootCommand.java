package io.github.sharepid.cli;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.KubeConnector;
import io.github.sharepid.kube.KubeContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code kubectl sharepid}: the root command; holds what every subcommand shares. */
@Command(name = "kubectl sharepid",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        customSynopsis = "kubectl sharepid COMMAND [ARGS] [flags]",
        description = "Debug a pod through a shared process namespace: copy it with shareProcessNamespace: true and a debug shell, then see, signal and read across its containers. Run 'kubectl sharepid COMMAND --help' for a command's flags; the connection flags below work with every command.",
        commandListHeading = "%nCommands:%n",
        subcommands = {
            DebugCommand.class,
            PsCommand.class,
            TopCommand.class,
            PortsCommand.class,
            FilesCommand.class,
            SignalCommand.class,
            PeekRootCommand.class,
            ListCommand.class,
            CleanupCommand.class,
            CompletionCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:success",
            " 1:failure: the API, the cluster or the remote command failed",
            " 2:usage: a flag, an argument or a name is wrong",
            " 3:some of the pods a TYPE/NAME or -l selected failed, the others succeeded (all failed: 1)",
            "  :debug passes the debug shell's own exit code through",
            "130:interrupted (Ctrl-C); 143: terminated (SIGTERM); a copy being debugged is deleted first",
            "141:the reader of stdout went away (e.g. | head): stopped quietly, as shell tools do"
        })
public class RootCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    KubeFlags kubeFlags;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log API calls on stderr; show stack traces of errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "No progress or hints on stderr; errors are still printed.")
    boolean quiet;

    private final Io io;
    private final KubeConnector connector;
    /** The one connection of this invocation, set once by {@link #connect}; read by the error handler. */
    private volatile KubeContext context;

    public RootCommand(Io io, KubeConnector connector) {
        this.io = io;
        this.connector = connector;
    }

    /** No command given (flags alone included): the usage on stdout and exit 0, as {@code kubectl} does. */
    @Override
    public void run() {
        spec.commandLine().usage(io.out());
        io.out().flush();
    }

    public boolean verbose() {
        return verbose;
    }

    /**
     * Opens the one client of this invocation; the caller closes it. A second call is a bug (two clients
     * would race for the field the error handler reads): use cases share the first one, fan-outs included.
     */
    public synchronized KubeContext connect() {
        if (context != null) {
            throw new IllegalStateException("connect() called twice in one invocation");
        }
        context = connector.connect(kubeFlags.toOptions());
        return context;
    }

    /**
     * The user-facing form of a client failure, as the connection knows it (naming its API server); null
     * before {@link #connect}, or when it is a bug rather than a condition.
     */
    public SharepidException explain(Throwable failure) {
        return context == null ? null : context.explain(failure);
    }

    /** A change to a live pod that cannot be undone: stderr, even under {@code -q}. */
    public void warning(String message) {
        io.err().println(message);
        io.err().flush();
    }

    /** Progress and hints: stderr, silenced by {@code -q}. */
    public void progress(String message) {
        if (!quiet) {
            io.err().println(message);
            io.err().flush();
        }
    }
}
