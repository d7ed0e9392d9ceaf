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
 * Calls that race to add the tools container of one pod: the API server lets one add it and the others use it,
 * so each fresh pod ends with exactly one ephemeral container and every call succeeds with the same output.
 */
@Tag("e2e")
class EphemeralRaceE2E {
    private static final int CALLS = 5;
    private static Cluster cluster;

    @RegisterExtension
    static final E2ENamespace NAMESPACE = E2ENamespace.named("race", c -> cluster = c)
            .withPod(alone("race-ps"), "race-ps").withPod(alone("race-peek"), "race-peek");

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
