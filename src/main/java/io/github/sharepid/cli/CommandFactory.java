package io.github.sharepid.cli;

import io.github.sharepid.app.CopiesCatalogue;
import io.github.sharepid.app.DebugSession;
import io.github.sharepid.app.FanOut;
import io.github.sharepid.app.PodSelection;
import io.github.sharepid.app.PeekRoot;
import io.github.sharepid.app.PodActivity;
import io.github.sharepid.app.ProcessTop;
import io.github.sharepid.app.ProcessTable;
import io.github.sharepid.app.Progress;
import io.github.sharepid.app.Replicas;
import io.github.sharepid.app.SignalSender;
import io.github.sharepid.app.ToolSites;
import io.github.sharepid.kube.KubeConnector;
import io.github.sharepid.kube.KubeContext;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * picocli's {@link CommandLine.IFactory}: builds each command with its use case through the constructor
 * (as an {@link Opener}, since the connection exists only once the flags are parsed). Everything else
 * (mixins, the version provider) comes from picocli's default factory.
 */
final class CommandFactory implements CommandLine.IFactory {
    private final RootCommand root;
    private final Io io;
    private final Progress progress;

    CommandFactory(Io io, KubeConnector connector) {
        this.root = new RootCommand(io, connector);
        this.io = io;
        this.progress = new Progress() {
            @Override
            public void say(String line) {
                root.progress(line);
            }

            @Override
            public void warn(String line) {
                root.warning(line);
            }
        };
    }

    RootCommand root() {
        return root;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        Object command = command(cls);
        return command != null ? cls.cast(command) : CommandLine.defaultFactory().create(cls);
    }

    private Object command(Class<?> cls) {
        if (cls == RootCommand.class) {
            return root;
        } else if (cls == DebugCommand.class) {
            return new DebugCommand(io, Opener.on(root, this::debugSession));
        } else if (cls == PsCommand.class) {
            return new PsCommand(io, progress, Opener.on(root, this::processTable), Opener.on(root, this::replicas));
        } else if (cls == TopCommand.class) {
            return new TopCommand(io, Opener.on(root, k -> new ProcessTop(processTable(k))),
                    Opener.on(root, this::replicas));
        } else if (cls == PortsCommand.class) {
            return new PortsCommand(io, progress, Opener.on(root, k -> new PodActivity(processTable(k))),
                    Opener.on(root, this::replicas));
        } else if (cls == FilesCommand.class) {
            return new FilesCommand(io, progress, Opener.on(root, k -> new PodActivity(processTable(k))),
                    Opener.on(root, this::replicas));
        } else if (cls == SignalCommand.class) {
            return new SignalCommand(io, Opener.on(root, k -> new SignalSender(processTable(k), k.exec())),
                    Opener.on(root, this::replicas));
        } else if (cls == PeekRootCommand.class) {
            return new PeekRootCommand(io, Opener.on(root, k -> new PeekRoot(processTable(k), k.exec(), progress)),
                    Opener.on(root, this::replicas));
        } else if (cls == ListCommand.class) {
            return new ListCommand(io, progress, Opener.on(root, CommandFactory::catalogue));
        } else if (cls == CleanupCommand.class) {
            return new CleanupCommand(io, progress, Opener.on(root, CommandFactory::catalogue));
        } else if (cls == CompletionCommand.class) {
            return new CompletionCommand(io);
        }
        return null;
    }

    private DebugSession debugSession(KubeContext k) {
        return new DebugSession(new DebugSession.Ports(k.pods(), k.waits(), k.lookups(), k.attach(),
                k.ephemeralContainers()), k.namespace(),
                progress, DebugSession::randomSuffix, k::explain);
    }

    private ProcessTable processTable(KubeContext k) {
        return new ProcessTable(new ToolSites(toolPorts(k), k.namespace(), progress), k.exec());
    }

    private static ToolSites.Ports toolPorts(KubeContext k) {
        return new ToolSites.Ports(k.pods(), k.exec(), k.lookups(), k.waits(), k.ephemeralContainers());
    }

    private Replicas replicas(KubeContext k) {
        return new Replicas(new Replicas.Ports(new PodSelection(k.podSelections(), k.namespace(), progress),
                toolPorts(k), new FanOut(k::explain), progress));
    }

    private static CopiesCatalogue catalogue(KubeContext k) {
        return new CopiesCatalogue(k.pods(), k.namespace(), k::explain);
    }
}
