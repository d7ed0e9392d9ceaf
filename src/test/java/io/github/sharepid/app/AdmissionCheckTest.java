package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Lookups;
import io.github.sharepid.kube.Pods;
import io.github.sharepid.plan.Profile;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The namespace is read while the caller does other work; the dry run waits for the Pod Security verdict. */
@Timeout(30)
class AdmissionCheckTest {
    private static final Pod COPY = new PodBuilder().withNewMetadata().withName("web-sharepid-x").withNamespace("ns")
            .endMetadata().build();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Test
    @DisplayName("begin() reads the namespace at once, without waiting for require()")
    void begin_readsTheNamespaceConcurrently() throws InterruptedException {
        CountDownLatch asked = new CountDownLatch(1);
        Ports pods = gateway(() -> {
            asked.countDown();
            return Optional.of(Map.of());
        });

        AdmissionCheck check = AdmissionCheck.begin(pods, pods, "ns");

        assertThat(asked.await(10, TimeUnit.SECONDS)).as("namespace read before require()").isTrue();
        check.require(Profile.GENERAL, COPY);
        assertThat(calls).containsExactly("namespaceLabels", "dryRunCreate");
    }

    @Test
    @DisplayName("a level that refuses the profile fails before any dry run")
    void require_refusedLevel_sendsNoDryRun() {
        Ports pods = gateway(() -> Optional.of(Map.of("pod-security.kubernetes.io/enforce", "restricted")));

        assertThatThrownBy(() -> AdmissionCheck.begin(pods, pods, "ns").require(Profile.GENERAL, COPY))
                .isInstanceOf(SharepidException.class)
                .hasMessageContaining("use --profile restricted");
        assertThat(calls).containsExactly("namespaceLabels");
    }

    @Test
    @DisplayName("a failed namespace read surfaces as the very exception, on the caller's thread")
    void require_namespaceReadFailed_rethrowsItsException() {
        SharepidException refused = SharepidException.failure("connection refused");
        Ports pods = gateway(() -> {
            throw refused;
        });

        assertThatThrownBy(() -> AdmissionCheck.begin(pods, pods, "ns").require(Profile.GENERAL, COPY)).isSameAs(refused);
        assertThat(calls).containsExactly("namespaceLabels");
    }

    /** Both ports in one, for the proxy below. */
    private interface Ports extends Lookups, Pods {
    }

    /** Ports that record calls; only namespaceLabels and dryRunCreate may be called. */
    private Ports gateway(Supplier<Optional<Map<String, String>>> labels) {
        return (Ports) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Ports.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    return switch (method.getName()) {
                        case "namespaceLabels" -> labels.get();
                        case "dryRunCreate" -> null;
                        default -> throw new AssertionError("unexpected call: " + method.getName());
                    };
                });
    }
}
