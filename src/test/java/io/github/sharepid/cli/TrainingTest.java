package io.github.sharepid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sharepid.Train;
import io.github.sharepid.training.TrainingCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's training run must keep working (else no archive is ever written), stay silent, reach no
 * cluster but its own loopback one, walk every cluster command, and leave no file and no thread behind.
 */
@Timeout(300)
class TrainingTest {
    private static final String NS = "/api/v1/namespaces/sharepid-training";

    @Test
    @DisplayName("the training entry point in a fresh JVM exits 0, prints nothing, reads no kubeconfig and writes no file")
    void train_isSilentAndLeavesNothingBehind(@TempDir Path tmp) throws IOException, InterruptedException {
        Path home = Files.createDirectory(tmp.resolve("home"));
        Path work = Files.createDirectory(tmp.resolve("work"));
        Path javaTmp = Files.createDirectory(tmp.resolve("tmp"));
        Path kubeconfig = Files.writeString(tmp.resolve("kubeconfig"), "not: [a kubeconfig"); // fails if read
        ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Djava.io.tmpdir=" + javaTmp, "-Duser.home=" + home, "-XX:-UsePerfData",
                "-cp", System.getProperty("java.class.path"), Train.class.getName())
                .directory(work.toFile()).redirectError(tmp.resolve("stderr").toFile());
        pb.environment().putAll(Map.of("HOME", home.toString(), "KUBECONFIG", kubeconfig.toString(),
                "HTTPS_PROXY", "http://127.0.0.1:9", "XDG_CACHE_HOME", home.resolve(".cache").toString()));
        Process p = pb.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("the JVM exits by itself: no thread keeps it").isTrue();
        String stderr = Files.readString(tmp.resolve("stderr"));
        assertThat(p.exitValue()).as(stderr).isZero();
        assertThat(stdout).isEmpty();
        assertThat(stderr).isEmpty();
        for (Path dir : List.of(home, work, javaTmp)) {
            assertThat(listing(dir)).as(dir.toString()).isEmpty();
        }
    }

    @Test
    @DisplayName("the training drives list, ps, signal, peek-root, debug and cleanup over TLS, HTTP and websocket")
    void train_coversEveryClusterCommand() {
        List<String> requests;
        String copy;
        try (TrainingCluster cluster = TrainingCluster.start()) {
            ClusterTraining.run(cluster, CliRun.WARM_UP);
            requests = cluster.requests();
            copy = NS + "/pods/" + cluster.copyPod();
            assertThat(cluster.connections()).isPositive();
        }
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(Thread::isAlive)
                .noneMatch(t -> t.getName().startsWith("sharepid-training"));

        assertThat(requests).contains(
                "GET " + copy,                                     // ps, signal, peek-root: the copy
                "GET " + copy + "/exec (websocket)",               // their exec channel
                "GET " + NS + "/pods",                             // list
                "GET /api/v1/pods",                                // list -A
                "GET " + NS,                                       // debug: the Pod Security label
                "POST " + NS + "/pods",                            // debug: dry run and create
                "GET " + NS + "/pods (watch)",                     // debug: until Running
                "GET " + NS + "/persistentvolumeclaims/www-data",  // debug: a claim of the source pod
                "GET " + NS + "/pods/no-such-pod")                 // an error message
                .anyMatch(r -> r.matches("GET " + NS + "/pods/nginx-sharepid-[a-z0-9]{5}/attach \\(websocket\\)"))
                .anyMatch(r -> r.matches("DELETE " + NS + "/pods/nginx-sharepid-[a-z0-9]{5}")); // cleanup, debug --rm
    }

    private static Set<Path> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(Collectors.toSet());
        }
    }
}
