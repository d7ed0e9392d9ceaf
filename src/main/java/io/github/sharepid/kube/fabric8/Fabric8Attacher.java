package io.github.sharepid.kube.fabric8;

import io.github.sharepid.kube.fabric8.connect.ChannelHttpClientFactory;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Attach;
import io.github.sharepid.pod.Containers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Attaches to the debug container over our own attach websocket ({@link ChannelDialer}). With a TTY
 * the local terminal goes raw ({@link RawTerminal}). Without one, piped stdin is sent and then closed:
 * on a v5 server with the close frame, after which the session ends when the shell does; a v4 server
 * cannot half-close stdin, so there the stream is closed once the remote side has had 1.5 s to finish,
 * and whatever it wrote afterwards is read back from the container's log. The pod is watched
 * meanwhile: once it is being deleted the session ends at once, not when the kubelet finally kills the
 * shell at the end of the grace period.
 */
public final class Fabric8Attacher implements Attach {
    /** How long a piped v4 session may keep writing after local stdin ended before we close it. */
    private static final long LINGER_MILLIS = 1500;

    private final KubernetesClient client;
    private final ChannelDialer dialer;

    public Fabric8Attacher(KubernetesClient client, ChannelHttpClientFactory negotiation) {
        this.client = client;
        this.dialer = new ChannelDialer(client, negotiation);
    }

    @Override
    public Ending attach(String namespace, String pod, String container, boolean tty,
                         InputStream stdin, OutputStream stdout, OutputStream stderr) {
        PodResource resource = client.pods().inNamespace(namespace).withName(pod);
        CompletableFuture<Ending> ended = new CompletableFuture<>();
        Watch deletion = endOnDeletion(resource, ended);
        try {
            return tty ? attachTty(namespace, pod, container, stdout, ended)
                    : attachPiped(namespace, pod, container, stdin, stdout, stderr, ended);
        } finally {
            if (deletion != null) {
                deletion.close();
            }
        }
    }

    /** Completes {@code ended} with POD_DELETED once the pod has a deletionTimestamp; null if it cannot be watched. */
    private static Watch endOnDeletion(PodResource resource, CompletableFuture<Ending> ended) {
        try {
            return resource.watch(new Watcher<>() {
                @Override
                public void eventReceived(Action action, Pod pod) {
                    if (action == Action.DELETED || pod.getMetadata().getDeletionTimestamp() != null) {
                        ended.complete(Ending.POD_DELETED);
                    }
                }

                @Override
                public void onClose(WatcherException cause) {
                    // the session goes on; its own stream tells when it ends
                }
            });
        } catch (KubernetesClientException e) {
            return null; // no watch permission: the session then ends when the kubelet kills the shell
        }
    }

    private Ending attachTty(String namespace, String pod, String container, OutputStream stdout,
                             CompletableFuture<Ending> ended) {
        try (RawTerminal terminal = RawTerminal.open()) {
            ChannelSocket socket = open(namespace, pod, container, true, new CountingStream(stdout, null), null, ended);
            try {
                ChannelInput input = socket.input();
                terminal.onResize(input::resize);
                terminal.nudgeSize(input::resize);
                Thread pump = pump(terminal.input(), input, ended);
                Ending ending = ended.join();
                pump.interrupt();
                return ending;
            } finally {
                socket.close();
            }
        }
    }

    private Ending attachPiped(String namespace, String pod, String container, InputStream stdin,
                               OutputStream stdout, OutputStream stderr, CompletableFuture<Ending> ended) {
        AtomicLong written = new AtomicLong();
        ChannelSocket socket = open(namespace, pod, container, false, new CountingStream(stdout, written),
                new CountingStream(stderr, written), ended);
        try {
            pumpUntilEof(stdin, socket.input(), ended);
            if (!ended.isDone() && closeStdin(socket.input())) {
                return ended.join(); // v5: the shell has seen end-of-file; the session ends when it does
            }
            Ending ending = awaitOrNull(ended, LINGER_MILLIS);
            if (ending != null) {
                return ending;
            }
        } finally {
            socket.close();
        }
        // v4: we closed the stream, so the container's stdin is closed (stdinOnce), the shell sees EOF and
        // exits; what it wrote after the close is only in its log.
        ContainerLogTail.copy(client.pods().inNamespace(namespace).withName(pod), container, written.get(), stdout);
        return Ending.REMOTE_CLOSED;
    }

    private static boolean closeStdin(ChannelInput input) {
        try {
            return input.closeStdin();
        } catch (IOException e) {
            return false; // the connection is going: the wait below sees how it ended
        }
    }

    private ChannelSocket open(String namespace, String pod, String container, boolean tty, OutputStream stdout,
                               OutputStream stderr, CompletableFuture<Ending> ended) {
        ChannelSocket socket = new ChannelSocket(stdout, stderr, true);
        ExecErrors failures = ExecErrors.attach(client, namespace, pod, container);
        try {
            dialer.open(dialer.attachUri(namespace, pod, container, tty), socket);
        } catch (ExecutionException e) {
            throw failures.translate(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SharepidException(SharepidException.FAILURE, "interrupted during " + failures.where(), e);
        }
        socket.ended().thenAccept(e -> ended.complete(e.error() == null ? Ending.REMOTE_CLOSED : Ending.BROKEN));
        return socket;
    }

    /** Copies local input to the remote stdin on a daemon thread until either side ends. */
    private static Thread pump(InputStream in, ChannelInput remote, CompletableFuture<Ending> ended) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                int n;
                while (!ended.isDone() && (n = in.read(buf)) >= 0) {
                    remote.sendStdin(buf, 0, n);
                }
            } catch (IOException e) {
                // The session is over (remote closed or local input gone): nothing more to send.
            }
        }, "sharepid-stdin");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void pumpUntilEof(InputStream in, ChannelInput remote, CompletableFuture<Ending> ended) {
        Thread t = pump(in, remote, ended);
        while (t.isAlive() && !ended.isDone()) {
            try {
                t.join(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Ending awaitOrNull(CompletableFuture<Ending> ended, long millis) {
        try {
            return ended.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Ending.BROKEN;
        } catch (ExecutionException e) {
            return Ending.BROKEN;
        }
    }
}
