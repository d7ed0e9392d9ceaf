package io.github.sharepid.kube.fabric8;

import static io.github.sharepid.kube.fabric8.PodFixtures.NAME;
import static io.github.sharepid.kube.fabric8.PodFixtures.NS;
import static io.github.sharepid.kube.fabric8.PodFixtures.podPath;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.EphemeralContainerBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.github.sharepid.kube.EphemeralContainers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One connection builds its adapters once, so what they learn of the server is learnt once: the API shape
 * of ephemeral containers is asked once however many commands or threads add a container at the same time.
 */
@EnableKubernetesMockClient
@Timeout(30)
class Fabric8ContextTest {
    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void everyAccessorAnswersTheSameAdapter() {
        Fabric8Context context = new Fabric8Context(client);

        assertThat(context.exec()).isSameAs(context.exec());
        assertThat(context.attach()).isSameAs(context.attach());
        assertThat(context.lookups()).isSameAs(context.lookups());
        assertThat(context.ephemeralContainers()).isSameAs(context.ephemeralContainers());
        assertThat(context.pods()).isSameAs(context.waits());
    }

    @Test
    void eightThreadsAddingAtOnce_askTheServersShapeOnce() throws Exception {
        server.expect().get().withPath("/api/v1").andReturn(200, new APIResourceListBuilder().withGroupVersion("v1")
                .addToResources(new APIResourceBuilder().withName("pods/ephemeralcontainers").withKind("Pod")
                        .withVerbs("get", "patch").build()).build()).once();
        EphemeralContainer tools = new EphemeralContainerBuilder().withName("sharepid-tools-abcde").withImage("busybox")
                .build();
        server.expect().patch().withPath(podPath() + "/ephemeralcontainers?dryRun=All").andReturn(200, new PodBuilder()
                .withNewMetadata().withName(NAME).withNamespace(NS).endMetadata()
                .withNewSpec().withEphemeralContainers(tools).endSpec().build()).always();
        Fabric8Context context = new Fabric8Context(client);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<CompletableFuture<EphemeralContainer>> adds = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                EphemeralContainers ports = context.ephemeralContainers();
                adds.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return ports.dryRunAdd(NS, NAME, tools);
                }, threads));
            }
            start.countDown();
            for (CompletableFuture<EphemeralContainer> add : adds) {
                assertThat(add.join().getName()).isEqualTo(tools.getName());
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(server.getRequestCount()).isEqualTo(9);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
