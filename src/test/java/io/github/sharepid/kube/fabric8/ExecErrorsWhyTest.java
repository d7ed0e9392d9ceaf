package io.github.sharepid.kube.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A failed read keeps what it knows: the HTTP status when there was an answer, else what broke. */
class ExecErrorsWhyTest {

    @Test
    void anAnswer_isItsStatus() {
        assertThat(ExecErrors.why(new KubernetesClientException("Forbidden", 403, null))).isEqualTo("403");
    }

    @Test
    void noAnswer_isTheRootCause_notCode0() {
        KubernetesClientException failure = new KubernetesClientException("An error has occurred.",
                new ConnectException("Connection refused"));

        assertThat(ExecErrors.why(failure)).isEqualTo("Connection refused");
    }

    @Test
    void fabric8sTimeout_isSaidInItsOwnWords() {
        KubernetesClientTimeoutException timeout = new KubernetesClientTimeoutException(
                new PodBuilder().withNewMetadata().withName("copy").withNamespace("ns").endMetadata().build(),
                Duration.ofSeconds(30).toSeconds(), java.util.concurrent.TimeUnit.SECONDS);

        assertThat(ExecErrors.why(timeout)).contains("Timed out waiting for").contains("copy");
    }
}
