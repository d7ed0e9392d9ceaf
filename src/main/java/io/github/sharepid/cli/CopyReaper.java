package io.github.sharepid.cli;

import io.github.sharepid.kube.PodGateway;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Deletes a debug copy exactly once: when the session ends with {@code --rm}, when the copy fails to
 * start, and — once armed — when the JVM is stopped by Ctrl-C or SIGTERM (a shutdown hook).
 */
final class CopyReaper {
    /** Seconds the copy's containers get to stop: the busybox shell ignores SIGTERM, so keep it short. */
    private static final long GRACE_SECONDS = 1;

    private final PodGateway pods;
    private final String namespace;
    private final String name;
    private final Consumer<String> progress;
    private final AtomicBoolean done = new AtomicBoolean();
    private final Thread hook;

    CopyReaper(PodGateway pods, String namespace, String name, Consumer<String> progress) {
        this.pods = pods;
        this.namespace = namespace;
        this.name = name;
        this.progress = progress;
        this.hook = new Thread(() -> reap("interrupted"), "sharepid-reaper");
    }

    /** From now until {@link #reap} or {@link #disarm}, a signal that stops the JVM deletes the copy. */
    void armOnSignal() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The copy stays (the user keeps it, or it is gone already); no hook will delete it. False if done before. */
    boolean disarm() {
        boolean first = done.compareAndSet(false, true);
        removeHook();
        return first;
    }

    /** Deletes the copy if not done yet; {@code why} (may be null) is said on stderr. */
    void reap(String why) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() != hook) {
            removeHook();
        }
        pods.delete(namespace, name, GRACE_SECONDS);
        progress.accept("deleted the copy " + name + (why == null ? "" : " (" + why + ")"));
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // shutting down already, or never armed: nothing to remove
        }
    }
}
