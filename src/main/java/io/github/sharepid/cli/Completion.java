package io.github.sharepid.cli;

import io.github.sharepid.kube.ConnectionOptions;
import io.github.sharepid.kube.KubeConnector;
import io.github.sharepid.kube.KubeContext;
import io.github.sharepid.kube.PodSelections;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Entry points for completion: {@code __complete WORDS...} answers kubectl's plugin protocol (run by
 * {@code kubectl_complete-sharepid}); {@link #script} prints a bash or zsh script for the standalone
 * {@code kubectl-sharepid}. Completion never prints an error: a cluster that does not answer gives no names.
 */
public final class Completion {
    private Completion() {
    }

    /** Answers {@code __complete}; always returns 0. */
    public static int complete(Io io, KubeConnector connector, List<String> words) {
        CommandLine cl = Cli.commandLine(io, connector);
        Completer completer = new Completer(cl.getCommandSpec());
        for (String line : completer.complete(words, () -> new ClusterLookups(connector, words))) {
            io.out().println(line);
        }
        io.out().flush();
        return 0;
    }

    static String script(String shell, CommandLine cl) {
        String bash = AutoComplete.bash("kubectl-sharepid", cl);
        return switch (shell) {
            case "bash" -> bash;
            case "zsh" -> "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + bash;
            default -> throw new IllegalArgumentException(shell);
        };
    }

    /** Names from the cluster the typed flags point at; each lookup is one list call, failures are empty. */
    private static final class ClusterLookups implements Completer.Lookups {
        private final KubeConnector connector;
        private final List<String> words;

        ClusterLookups(KubeConnector connector, List<String> words) {
            this.connector = connector;
            this.words = words;
        }

        @Override
        public List<String> pods(String namespace) {
            return ask(k -> k.lookups().podNames(namespace == null ? k.namespace() : namespace));
        }

        @Override
        public List<String> copies(String namespace) {
            return ask(k -> k.pods().listManaged(namespace == null ? k.namespace() : namespace).stream()
                    .map(p -> p.getMetadata().getName()).toList());
        }

        @Override
        public List<String> namespaces() {
            return ask(k -> k.lookups().namespaceNames());
        }

        @Override
        public List<String> appContainers(String namespace, String pod) {
            return ask(k -> k.pods().get(namespace == null ? k.namespace() : namespace, pod).getSpec().getContainers()
                    .stream().map(c -> c.getName()).toList());
        }

        @Override
        public List<String> workloads(String namespace, PodSelections.Kind kind) {
            return ask(k -> k.podSelections().names(namespace == null ? k.namespace() : namespace, kind));
        }

        private List<String> ask(Function<KubeContext, List<String>> lookup) {
            try (KubeContext k = connector.connect(options())) {
                return lookup.apply(k);
            } catch (RuntimeException e) {
                return List.of();
            }
        }

        private ConnectionOptions options() {
            String kubeconfig = value("--kubeconfig");
            String context = value("--context");
            String namespace = value("-n") != null ? value("-n") : value("--namespace");
            return new ConnectionOptions(kubeconfig, context, null, null, namespace, null, null, null,
                    new ArrayList<>(), null, null, null, null, false, null, "5s");
        }

        private String value(String flag) {
            for (int i = 0; i < words.size() - 1; i++) {
                if (words.get(i).equals(flag) && i + 1 < words.size() - 1) {
                    return words.get(i + 1);
                }
                if (words.get(i).startsWith(flag + "=")) {
                    return words.get(i).substring(flag.length() + 1);
                }
            }
            return null;
        }
    }
}
