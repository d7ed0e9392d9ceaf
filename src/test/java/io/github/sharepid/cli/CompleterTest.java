package io.github.sharepid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** kubectl's plugin completion protocol, answered from the picocli model and fake cluster lookups. */
class CompleterTest {
    private final List<String> asked = new ArrayList<>();
    private final Completer completer = new Completer(Cli.commandLine(
            new Io(java.io.InputStream.nullInputStream(), java.io.OutputStream.nullOutputStream(),
                    java.io.OutputStream.nullOutputStream(), () -> false), CliRun.noCluster()).getCommandSpec());

    private final Completer.Lookups cluster = new Completer.Lookups() {
        @Override
        public List<String> pods(String namespace) {
            asked.add("pods " + namespace);
            return List.of("web-1", "web-1-sharepid-x7k2p", "db-0");
        }

        @Override
        public List<String> copies(String namespace) {
            asked.add("copies " + namespace);
            return List.of("web-1-sharepid-x7k2p");
        }

        @Override
        public List<String> namespaces() {
            asked.add("namespaces");
            return List.of("default", "web");
        }

        @Override
        public List<String> appContainers(String namespace, String pod) {
            asked.add("containers " + namespace + " " + pod);
            return List.of("nginx", "app");
        }
    };

    private List<String> complete(String... words) {
        return completer.complete(List.of(words), () -> cluster);
    }

    @Test
    void emptyLine_offersTheVisibleCommandsWithoutAskingTheCluster() {
        List<String> out = complete("");

        assertThat(out).contains("debug\tCopy POD with shareProcessNamespace: true plus a debug container, wait until it runs, and attach")
                .anyMatch(c -> c.startsWith("ps\t")).anyMatch(c -> c.startsWith("peek-root\t"))
                .noneMatch(c -> c.startsWith("__train")).noneMatch(c -> c.startsWith("ls\t"))
                .endsWith(Completer.NO_FILES);
        assertThat(asked).isEmpty();
    }

    @Test
    void podArgument_isCompletedFromTheTypedNamespace() {
        assertThat(complete("ps", "-n", "web", "web")).containsExactly("web-1", "web-1-sharepid-x7k2p", ":4");
        assertThat(asked).containsExactly("pods web");
    }

    @Test
    void cleanup_offersOnlyDebugCopies() {
        assertThat(complete("cleanup", "")).containsExactly("web-1-sharepid-x7k2p", ":4");
    }

    @Test
    void namespaceFlag_completesNamespaces() {
        assertThat(complete("debug", "--namespace", "")).containsExactly("default", "web", ":4");
    }

    @Test
    void flagValues_forProfileAndOutput() {
        assertThat(complete("debug", "web-1", "--profile", "re")).containsExactly("restricted", ":4");
        assertThat(complete("ps", "web-1", "-o", "")).containsExactly("table", "wide", "json", "yaml", ":4");
    }

    @Test
    void topPortsFiles_theirPodsFlagsAndSortKeys() {
        assertThat(complete("top", "w")).containsExactly("web-1", "web-1-sharepid-x7k2p", ":4");
        assertThat(complete("top", "web-1", "--sort", "")).containsExactly("cpu", "mem", "pid", "time", ":4");
        assertThat(complete("top", "web-1", "--cou")).containsExactly("--count\tPrint N samples, one after the other", ":4");
        assertThat(complete("ports", "web-1", "-a")).first().asString().startsWith("-a\t");
        assertThat(complete("files", "web-1", "--del")).first().asString().startsWith("--deleted\t");
    }

    @Test
    void profile_offersEveryProfileIncludingNetadmin() {
        assertThat(complete("debug", "web-1", "--profile", "")).containsExactly("general", "baseline", "restricted",
                "sysadmin", "netadmin", ":4");
    }

    @Test
    void debug_offersTheFlagsOfKubectl131() {
        assertThat(complete("debug", "web-1", "--keep-")).containsExactly(
                "--keep-labels\tKeep the pod's labels on the copy (a controller may adopt it)",
                "--keep-annotations\tKeep the pod's annotations on the copy",
                "--keep-liveness\tKeep the liveness probes of the copied containers (removed by default; the debug container never has one)",
                "--keep-readiness\tKeep the readiness probes of the copied containers",
                "--keep-startup\tKeep the startup probes of the copied containers",
                "--keep-init-containers\tKeep the pod's init containers, sidecars included (default: true); =false drops them",
                ":4");
        assertThat(complete("debug", "web-1", "--keep-init-containers=")).containsExactly(
                "--keep-init-containers=true", "--keep-init-containers=false", ":4");
        assertThat(complete("debug", "web-1", "--profile=net")).containsExactly("--profile=netadmin", ":4");
        assertThat(complete("debug", "web-1", "--cu")).hasSize(2).first().asString().startsWith("--custom\t");
    }

    @Test
    void custom_letsTheShellCompleteFileNames() {
        assertThat(complete("debug", "web-1", "--custom", "")).containsExactly(":0");
        assertThat(asked).isEmpty();
    }

    @Test
    void hold_offersTheAppContainersOfThePodBeingCopied() {
        assertThat(complete("debug", "-n", "web", "web-1", "--hold", "ng")).containsExactly("nginx", ":4");
        assertThat(asked).containsExactly("containers web web-1");
    }

    @Test
    void partialFlag_completesTheCommandsFlagsWithAShortDescription() {
        assertThat(complete("signal", "web-1", "--dr")).containsExactly("--dry-run\tShow what would be signalled; send nothing", ":4");
    }

    @Test
    void secondPositional_ofDebugIsTheCommand_notAPod() {
        assertThat(complete("debug", "web-1", "")).containsExactly(":4");
        assertThat(asked).isEmpty();
    }
}
