package io.github.sharepid.kube.fabric8;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.pod.Containers;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/**
 * The v4 fallback of a piped attach: once we closed the stream, the shell's last output exists only in
 * the container's log. Waits for the container to terminate, then copies the log past the bytes the
 * session already delivered.
 */
final class ContainerLogTail {
    private static final long WAIT_SECONDS = 30;

    private ContainerLogTail() {
    }

    static void copy(PodResource resource, String container, long skip, OutputStream stdout) {
        try {
            resource.waitUntilCondition(p -> p == null || Containers.status(p, container)
                    .map(c -> c.getState() != null && c.getState().getTerminated() != null).orElse(false),
                    WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (KubernetesClientException e) {
            throw unread("the container " + container + " did not end within " + WAIT_SECONDS + "s of its input"
                    + " closing (" + ExecErrors.why(e) + ")", e);
        }
        try (InputStream log = resource.inContainer(container).getLogInputStream()) {
            log.skipNBytes(skip);
            log.transferTo(stdout);
            stdout.flush();
        } catch (IOException e) {
            throw unread(e.getMessage(), e);
        } catch (KubernetesClientException e) {
            throw unread(ExecErrors.why(e), e);
        }
    }

    private static SharepidException unread(String why, Exception cause) {
        return new SharepidException(SharepidException.FAILURE,
                "could not read the rest of the session's output from the container log: " + why, cause);
    }
}
