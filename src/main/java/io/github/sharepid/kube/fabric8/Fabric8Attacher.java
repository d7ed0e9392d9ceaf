package io.github.sharepid.kube.fabric8;

import io.github.sharepid.kube.Attach;
import io.github.sharepid.pod.Containers;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.ExecListener;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Attaches to the debug container over fabric8's websocket (v4) attach. With a TTY the local terminal
 * goes raw ({@link RawTerminal}); without one, piped stdin is sent and, since v4 cannot half-close
 * stdin, the stream is closed once the remote side has had its chance to finish, and whatever it
 * wrote afterwards is read back from the container's log so no output is lost. The pod is watched
 * meanwhile: once it is being deleted the session ends at once, not when the kubelet finally kills the
 * shell at the end of the grace period.
 */
public final class Fabric8Attacher implements Attach {
    /** How long a piped session may keep writing after local stdin ended before we close it. */
    private static final long LINGER_MILLIS = 1500;

    private final KubernetesClient client;

    public Fabric8Attacher(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Ending attach(String namespace, String pod, String container, boolean tty,
                         InputStream stdin, OutputStream stdout, OutputStream stderr) {
        PodResource resource = client.pods().inNamespace(namespace).withName(pod);
        CompletableFuture<Ending> ended = new CompletableFuture<>();
        Watch deletion = endOnDeletion(resource, ended);
        try {
            return tty ? attachTty(resource, container, stdout, ended)
                    : attachPiped(resource, container, stdin, stdout, stderr, ended);
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

    private Ending attachTty(PodResource resource, String container, OutputStream stdout,
                             CompletableFuture<Ending> ended) {
        try (RawTerminal terminal = RawTerminal.open()) {
            ExecWatch watch = resource.inContainer(container)
                    .redirectingInput()
                    .writingOutput(new FlushingStream(stdout, null))
                    .withTTY()
                    .usingListener(listener(ended))
                    .attach();
            try (watch) {
                terminal.onResize(watch::resize);
                terminal.nudgeSize(watch::resize);
                Thread pump = pump(terminal.input(), watch.getInput(), ended);
                Ending ending = ended.join();
                pump.interrupt();
                return ending;
            }
        }
    }

    private Ending attachPiped(PodResource resource, String container, InputStream stdin,
                               OutputStream stdout, OutputStream stderr, CompletableFuture<Ending> ended) {
        AtomicLong written = new AtomicLong();
        ExecWatch watch = resource.inContainer(container)
                .redirectingInput()
                .writingOutput(new FlushingStream(stdout, written))
                .writingError(new FlushingStream(stderr, written))
                .usingListener(listener(ended))
                .attach();
        try (watch) {
            pumpUntilEof(stdin, watch.getInput(), ended);
            Ending ending = awaitOrNull(ended, LINGER_MILLIS);
            if (ending != null) {
                return ending;
            }
        }
        // We closed the stream: the container's stdin is closed (stdinOnce), the shell sees EOF and
        // exits; what it wrote after the close is only in its log.
        copyLogTail(resource, container, written.get(), stdout);
        return Ending.REMOTE_CLOSED;
    }

    private static ExecListener listener(CompletableFuture<Ending> ended) {
        return new ExecListener() {
            @Override
            public void onFailure(Throwable t, Response failureResponse) {
                ended.complete(Ending.BROKEN);
            }

            @Override
            public void onClose(int code, String reason) {
                ended.complete(Ending.REMOTE_CLOSED);
            }
        };
    }

    /** Copies local input to the remote stdin on a daemon thread until either side ends. */
    private static Thread pump(InputStream in, OutputStream remote, CompletableFuture<Ending> ended) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                int n;
                while (!ended.isDone() && (n = in.read(buf)) >= 0) {
                    remote.write(buf, 0, n);
                    remote.flush();
                }
            } catch (IOException e) {
                // The session is over (remote closed or local input gone): nothing more to send.
            }
        }, "sharepid-stdin");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void pumpUntilEof(InputStream in, OutputStream remote, CompletableFuture<Ending> ended) {
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
        } catch (java.util.concurrent.ExecutionException e) {
            return Ending.BROKEN;
        }
    }

    private static void copyLogTail(PodResource resource, String container, long skip, OutputStream stdout) {
        resource.waitUntilCondition(p -> p == null || Containers.status(p, container)
                .map(c -> c.getState() != null && c.getState().getTerminated() != null).orElse(false),
                30, TimeUnit.SECONDS);
        try (InputStream log = resource.inContainer(container).getLogInputStream()) {
            log.skipNBytes(skip);
            log.transferTo(stdout);
            stdout.flush();
        } catch (IOException e) {
            throw new io.github.sharepid.failure.SharepidException(io.github.sharepid.failure.SharepidException.FAILURE,
                    "could not read the rest of the session's output from the container log: " + e.getMessage(), e);
        }
    }

    /** Writes each chunk through at once (a shell prompt must show before the user types) and counts bytes. */
    private static final class FlushingStream extends OutputStream {
        private final OutputStream out;
        private final AtomicLong counter;

        FlushingStream(OutputStream out, AtomicLong counter) {
            this.out = out;
            this.counter = counter;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            synchronized (out) {
                out.write(b, off, len);
                out.flush();
            }
            if (counter != null) {
                counter.addAndGet(len);
            }
        }
    }
}
