package io.github.sharepid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tools container of {@code --ephemeral}: calls that race to add it to one pod (the API server lets one add it
 * and the others use it, so each fresh pod ends with exactly one ephemeral container and every call succeeds
 * with the same output), and one that can never start (left alone; a call of another image adds its own).
 */
@Tag("e2e")
class EphemeralToolsE2E {
    private static final int CALLS = 5;
    private static Cluster cluster;

    @RegisterExtension
    static final E2ENamespace NAMESPACE = E2ENamespace.named("race", c -> cluster = c)
            .withPod(alone("race-ps"), "race-ps").withPod(alone("race-peek"), "race-peek")
            .withPod(alone("stuck"), "stuck");

    /** nginx alone in a pod that does not share its process namespace. */
    private static String alone(String name) {
        return """
                apiVersion: v1
                kind: Pod
                metadata: {name: %s}
                spec:
                  terminationGracePeriodSeconds: 1
                  containers:
                  - name: nginx
                    image: nginx
                """.formatted(name);
    }

    @Test
    @DisplayName("five concurrent ps --ephemeral --target on a fresh pod: all five succeed, one ephemeral container")
    void fiveConcurrentPs_oneToolsContainer() {
        List<Shell.Result> results = together(() -> sharepid("ps", "race-ps", "--ephemeral", "--target", "nginx",
                "-o", "wide"));

        assertThat(results).allSatisfy(r -> assertThat(r.exitCode()).as(r.toString()).isZero())
                .allSatisfy(r -> assertThat(r.stdout()).contains("nginx: master process"));
        assertThat(ephemeralContainers("race-ps")).as(results.toString()).singleElement().asString()
                .matches("sharepid-tools-[0-9a-f]{10}");
    }

    @Test
    @DisplayName("five concurrent peek-root --ephemeral of one file: the same bytes five times, one ephemeral container")
    void fiveConcurrentPeekRoot_sameBytes_oneToolsContainer() {
        List<Shell.Result> results = together(() -> sharepid("peek-root", "race-peek", "--ephemeral", "--target",
                "nginx", "-c", "nginx", "/etc/nginx/nginx.conf"));

        assertThat(results).allSatisfy(r -> assertThat(r.exitCode()).as(r.toString()).isZero());
        assertThat(results.get(0).stdout()).contains("worker_processes");
        assertThat(results).extracting(Shell.Result::stdoutBytes)
                .allSatisfy(bytes -> assertThat(bytes).isEqualTo(results.get(0).stdoutBytes()));
        assertThat(ephemeralContainers("race-peek")).as(results.toString()).hasSize(1);
    }

    @Test
    @DisplayName("a tools container that cannot pull: one line with its own events; the next call leaves it alone")
    void toolsContainerThatCannotPull_isLeftAlone_andAnotherIsAdded() {
        Shell.Result stuck = sharepid("ps", "stuck", "--ephemeral", "--target", "nginx", "--image",
                "registry.invalid/tools:1", "--timeout", "90s");

        assertThat(stuck.exitCode()).as(stuck.toString()).isEqualTo(1);
        List<String> errors = stuck.stderr().lines().filter(l -> l.startsWith("error: ")).toList();
        assertThat(errors).as(stuck.toString()).singleElement().asString()
                .matches("error: container sharepid-tools-[0-9a-f]{10} in pod stuck cannot start: (ErrImagePull"
                        + "|ImagePullBackOff).*")
                .doesNotContain("MissingClusterDNS", "Started container", "Scheduled")
                .hasSizeLessThan(1500);
        String failed = ephemeralContainers("stuck").get(0);

        Shell.Result busybox = sharepid("ps", "stuck", "--ephemeral", "--target", "nginx");

        assertThat(busybox.exitCode()).as(busybox.toString()).isZero();
        assertThat(busybox.stderr()).doesNotContain("using the tools container " + failed);
        assertThat(ephemeralContainers("stuck")).hasSize(2).startsWith(failed);

        Shell.Result again = sharepid("ps", "stuck", "--ephemeral", "--target", "nginx", "--image",
                "registry.invalid/tools:1", "--timeout", "90s");

        assertThat(again.stderr()).containsPattern("leaving the tools container " + failed + " of pod stuck alone: it"
                + " cannot run \\((ErrImagePull|ImagePullBackOff)\\)");
        assertThat(ephemeralContainers("stuck")).hasSize(3).endsWith(failed + "-2");
    }

    /** {@link #CALLS} runs of {@code call}, started at the same moment; their results in start order. */
    private static List<Shell.Result> together(Supplier<Shell.Result> call) {
        ExecutorService pool = Executors.newFixedThreadPool(CALLS);
        try {
            List<CompletableFuture<Shell.Result>> running = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                running.add(CompletableFuture.supplyAsync(call, pool));
            }
            return running.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> ephemeralContainers(String pod) {
        List<String> names = new ArrayList<>();
        cluster.pod(pod).at("/spec/ephemeralContainers").forEach(c -> names.add(c.at("/name").asText()));
        return names;
    }

    private static Shell.Result sharepid(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-n");
        all.add(cluster.ns);
        return Shell.sharepid(all.toArray(String[]::new));
    }
}
