package io.github.sharepid.kube.fabric8;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.fabric8.connect.FlagOverrides;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One request to an API path the typed DSL does not serve as we need it (a subresource whose kind fabric8
 * has no class for, a patch with a content type of our choosing), through the client's own HTTP client, so
 * credentials, impersonation, {@code -v} and {@code --request-timeout} apply as on every other call. An
 * answer of 400 or more becomes a {@link KubernetesClientException} carrying the server's Status.
 */
final class RawApi {
    static final String JSON = "application/json";
    static final String STRATEGIC_MERGE = "application/strategic-merge-patch+json";

    private final KubernetesClient client;

    RawApi(KubernetesClient client) {
        this.client = client;
    }

    /** The body of the answer to {@code method} on {@code path} (relative to the server, no leading slash). */
    String send(String method, String path, String contentType, String body) {
        HttpRequest.Builder builder = client.getHttpClient().newHttpRequestBuilder()
                .uri(client.getMasterUrl().toString().replaceFirst("/?$", "/") + path);
        if (body != null) {
            builder.method(method, contentType, body);
        }
        Duration timeout = FlagOverrides.requestTimeout(client.getConfiguration());
        if (timeout != null) {
            builder.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        HttpResponse<String> response;
        try {
            response = client.getHttpClient().sendAsync(builder.build(), String.class).get();
        } catch (ExecutionException e) {
            throw new KubernetesClientException(method + " " + path + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SharepidException(SharepidException.FAILURE, "interrupted during " + method + " " + path, e);
        }
        if (response.code() >= 400) {
            throw new KubernetesClientException(method + " " + path + ": HTTP " + response.code(), response.code(),
                    status(response.body()));
        }
        return response.body();
    }

    /** The Status the server sent with a refusal, or null when the body is not one. */
    private Status status(String body) {
        try {
            Status status = body == null || body.isBlank() ? null
                    : client.getKubernetesSerialization().unmarshal(body, Status.class);
            return status != null && "Status".equals(status.getKind()) ? status : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
