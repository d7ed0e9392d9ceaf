package io.github.sharepid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sharepid.kube.PodSelections;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Completion of the POD of ps, signal, peek-root, top, ports and files: pods and TYPE/ prefixes, then the names of that kind. */
class CompleterTargetsTest {
    private final List<String> asked = new ArrayList<>();
    private final Completer completer = new Completer(Cli.commandLine(
            new Io(java.io.InputStream.nullInputStream(), java.io.OutputStream.nullOutputStream(),
                    java.io.OutputStream.nullOutputStream(), () -> false), CliRun.noCluster()).getCommandSpec());

    private final Completer.Lookups cluster = new Completer.Lookups() {
        @Override
        public List<String> pods(String namespace) {
            return List.of("web-1", "db-0");
        }

        @Override
        public List<String> copies(String namespace) {
            return List.of();
        }

        @Override
        public List<String> namespaces() {
            return List.of();
        }

        @Override
        public List<String> appContainers(String namespace, String pod) {
            return List.of();
        }

        @Override
        public List<String> workloads(String namespace, PodSelections.Kind kind) {
            asked.add(kind + " " + namespace);
            return kind == PodSelections.Kind.DEPLOYMENT ? List.of("web", "api") : List.of("db");
        }
    };

    @Test
    void pod_offersPodsAndTheTypePrefixes() {
        assertThat(complete("ps", "d")).containsExactly("db-0", "deployment/", "deploy/", "daemonset/", "ds/", ":4");
        assertThat(asked).isEmpty();
    }

    @Test
    void afterATypePrefix_theNamesOfThatKind_asTyped() {
        assertThat(complete("signal", "-n", "team", "deploy/w")).containsExactly("deploy/web", ":4");
        assertThat(complete("peek-root", "sts/")).containsExactly("sts/db", ":4");
        assertThat(asked).containsExactly("DEPLOYMENT team", "STATEFULSET null");
    }

    @Test
    void topPortsFiles_takeSeveralPodsToo() {
        assertThat(complete("top", "d")).containsExactly("db-0", "deployment/", "deploy/", "daemonset/", "ds/", ":4");
        assertThat(complete("ports", "deploy/")).containsExactly("deploy/web", "deploy/api", ":4");
        assertThat(complete("files", "sts/")).containsExactly("sts/db", ":4");
    }

    @Test
    void anUnknownType_offersNothing() {
        assertThat(complete("ps", "svc/")).containsExactly(":4");
    }

    private List<String> complete(String... words) {
        return completer.complete(List.of(words), () -> cluster);
    }
}
