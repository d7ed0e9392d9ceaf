package io.github.sharepid.kube.fabric8;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.pod.PodJudge;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Follows one pod with a watch (no polling), starting at the resourceVersion of a get (or of a state the caller
 * already has, such as the create's answer), and hands every
 * state to a {@link PodJudge} until it decides, the pod goes away or the time is up. The watch is closed on
 * every path. fabric8 reconnects dropped watches itself; when it gives up (a {@link WatcherException})
 * the wait ends with an error, except for 410 Gone, after which it starts over from a fresh get.
 */
final class PodWatch {
    /** Opens the watch; tests wrap it to see that every watch gets closed. */
    @FunctionalInterface
    interface Opener {
        Watch open(String namespace, String name, String resourceVersion, Watcher<Pod> watcher);
    }

    private final KubernetesClient client;
    private final Opener opener;

    PodWatch(KubernetesClient client, Opener opener) {
        this.client = client;
        this.opener = opener;
    }

    static Opener fabric8(KubernetesClient client) {
        return (ns, name, rv, watcher) -> client.pods().inNamespace(ns).withName(name)
                .watch(new ListOptionsBuilder().withResourceVersion(rv).build(), watcher);
    }

    <T> T await(String namespace, String name, Duration timeout, PodJudge<T> judge) {
        return await(namespace, name, timeout, judge, null);
    }

    /**
     * As {@link #await(String, String, Duration, PodJudge)}, but the first round starts from {@code known} (a state
     * just returned by the server, e.g. by the create) instead of a GET; later rounds (after 410 Gone) start
     * from a fresh GET.
     */
    <T> T await(String namespace, String name, Duration timeout, PodJudge<T> judge, Pod known) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Pod pod = known;
        while (true) {
            if (pod == null) {
                pod = get(namespace, name);
            }
            if (pod == null) {
                return judge.gone();
            }
            Optional<T> verdict = judge.judge(pod);
            if (verdict.isPresent()) {
                return verdict.get();
            }
            Optional<Round<T>> round = follow(namespace, name, pod, deadline, judge);
            if (round.isPresent()) {
                return round.get().value();
            }
            if (System.nanoTime() - deadline >= 0) {
                return judge.timedOut(pod);
            }
            pod = null;
        }
    }

    private Pod get(String namespace, String name) {
        try {
            return client.pods().inNamespace(namespace).withName(name).get();
        } catch (KubernetesClientException e) {
            throw KubeErrors.refused(e, "get", "pods", namespace, client.getConfiguration());
        }
    }

    private Watch open(String namespace, String name, String resourceVersion, Watcher<Pod> watcher) {
        try {
            return opener.open(namespace, name, resourceVersion, watcher);
        } catch (KubernetesClientException e) {
            throw KubeErrors.refused(e, "watch", "pods", namespace, client.getConfiguration());
        }
    }

    /** The round's outcome, or empty when the server expired our resourceVersion and we must start over. */
    @SuppressWarnings("try") // the watch is only held to be closed
    private <T> Optional<Round<T>> follow(String namespace, String name, Pod start, long deadline, PodJudge<T> judge) {
        BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
        Pod last = start;
        try (Watch ignored = open(namespace, name, start.getMetadata().getResourceVersion(), new Relay(signals))) {
            while (true) {
                Object signal = signals.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (signal == null) {
                    return Optional.of(new Round<>(judge.timedOut(last)));
                }
                if (signal instanceof Deleted) {
                    return Optional.of(new Round<>(judge.gone()));
                }
                if (signal instanceof WatcherException e) {
                    if (e.isHttpGone()) {
                        return Optional.empty();
                    }
                    throw new SharepidException(SharepidException.FAILURE, "watching pod \"" + name
                            + "\" failed: " + e.getMessage(), e);
                }
                last = (Pod) signal;
                Optional<T> verdict = judge.judge(last);
                if (verdict.isPresent()) {
                    return Optional.of(new Round<>(verdict.get()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SharepidException(SharepidException.FAILURE, "interrupted while watching pod \"" + name + "\"", e);
        }
    }

    private record Round<T>(T value) {
    }

    private record Deleted() {
    }

    /** Moves watch callbacks (on fabric8's threads) into the queue the waiting thread reads. */
    private record Relay(BlockingQueue<Object> signals) implements Watcher<Pod> {
        @Override
        public void eventReceived(Action action, Pod pod) {
            if (action == Action.DELETED) {
                signals.add(new Deleted());
            } else if (action == Action.ADDED || action == Action.MODIFIED) {
                signals.add(pod);
            }
        }

        @Override
        public void onClose(WatcherException cause) {
            signals.add(cause);
        }

        @Override
        public void onClose() {
            // after our own close() nobody reads the queue any more; any other close must not leave us waiting
            signals.add(new WatcherException("the watch was closed"));
        }
    }
}
