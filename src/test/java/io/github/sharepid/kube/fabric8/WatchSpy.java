package io.github.sharepid.kube.fabric8;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import java.util.concurrent.atomic.AtomicInteger;

/** Opens real fabric8 watches and counts how many were opened and closed. */
final class WatchSpy implements PodWatch.Opener {
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    private final PodWatch.Opener real;

    WatchSpy(KubernetesClient client) {
        this.real = PodWatch.fabric8(client);
    }

    @Override
    public Watch open(String namespace, String name, String resourceVersion, Watcher<Pod> watcher) {
        Watch watch = real.open(namespace, name, resourceVersion, watcher);
        opened.incrementAndGet();
        return () -> {
            closed.incrementAndGet();
            watch.close();
        };
    }
}
