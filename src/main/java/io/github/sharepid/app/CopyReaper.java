package io.github.sharepid.app;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Pods;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Deletes a debug copy exactly once: when the session ends with {@code --rm}, when the copy fails to
 * start, and — once armed — when the JVM is stopped by Ctrl-C or SIGTERM (a shutdown hook).
 */
final class CopyReaper {
    /** Seconds the copy's containers get to stop: the busybox shell ignores SIGTERM, so keep it short. */
    private static final long GRACE_SECONDS = 1;
    /** How long a signal's hook waits for a create request in flight before deleting what it made. */
    private static final long CREATE_WAIT_SECONDS = 10;

    private final Pods pods;
    private final String namespace;
    private final String name;
    private final Progress progress;
    private final Function<Throwable, SharepidException> explain;
    private final AtomicBoolean done = new AtomicBoolean();
    private final Thread hook;
    private final CountDownLatch createAnswered = new CountDownLatch(1);

    /** {@code explain}: the user-facing form of a client failure (null when it is a bug). */
    CopyReaper(Pods pods, String namespace, String name, Progress progress,
               Function<Throwable, SharepidException> explain) {
        this.pods = pods;
        this.explain = explain;
        this.namespace = namespace;
        this.name = name;
        this.progress = progress;
        this.hook = new Thread(this::onSignal, "sharepid-reaper");
    }

    /**
     * From now until {@link #reap} or {@link #disarm}, a signal that stops the JVM deletes the copy. Arm it
     * before the create request and call {@link #createAnswered} once that request has returned or failed:
     * a signal in between then waits for the answer instead of deleting before the pod exists.
     */
    void armOnSignal() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The create request has returned (or failed): the copy exists, or never will. */
    void createAnswered() {
        createAnswered.countDown();
    }

    /** The copy stays (the user keeps it, or it is gone already); no hook will delete it. False if done before. */
    boolean disarm() {
        boolean first = done.compareAndSet(false, true);
        removeHook();
        return first;
    }

    /** Deletes the copy if not done yet; {@code why} (may be null) is said on stderr. */
    void reap(String why) {
        reap(why, false);
    }

    /**
     * What the shutdown hook runs (Ctrl-C, SIGTERM): deletes the copy once its create has been answered. A
     * failed delete is said in one line with the cleanup command; a stack trace from a hook helps no one.
     */
    void onSignal() {
        try {
            reap("interrupted", true);
        } catch (RuntimeException e) {
            sayNotDeleted(e);
        }
    }

    private void reap(String why, boolean fromSignal) {
        if (fromSignal && !awaitCreate()) {
            progress.say("the copy " + name + " may have been created; check with: kubectl sharepid list -n " + namespace);
            return;
        }
        if (!done.compareAndSet(false, true)) {
            return;
        }
        if (!fromSignal) {
            removeHook();
        }
        if (pods.delete(namespace, name, GRACE_SECONDS)) {
            progress.say("deleted the copy " + name + (why == null ? "" : " (" + why + ")"));
        }
    }

    /**
     * After {@code failure} (the copy did not start): deletes the copy and returns the failure to throw.
     * If the delete fails as well (the API server is gone), the one error line says the copy is left and
     * how to delete it, instead of the delete's error hiding the first one.
     */
    RuntimeException reapAfter(RuntimeException failure, String why) {
        try {
            reap(why);
            return failure;
        } catch (RuntimeException deleteFailed) {
            SharepidException first = translate(failure);
            return new SharepidException(first == null ? SharepidException.FAILURE : first.exitCode(),
                    message(first, failure) + "; the copy " + name + " was not deleted (" + message(
                    translate(deleteFailed), deleteFailed) + "): " + cleanupHint(), failure);
        }
    }

    /** Deletes the copy at the end of a {@code --rm} session; a failure is said on stderr, not thrown over the session's result. */
    void reapQuietly() {
        try {
            reap(null);
        } catch (RuntimeException e) {
            sayNotDeleted(e);
        }
    }

    private void sayNotDeleted(RuntimeException e) {
        progress.say("could not delete the copy " + name + " (" + message(translate(e), e) + "): " + cleanupHint());
    }

    private String cleanupHint() {
        return "delete it with: kubectl sharepid cleanup " + name + " -n " + namespace;
    }

    private SharepidException translate(Throwable failure) {
        SharepidException known = SharepidException.within(failure);
        return known != null ? known : explain.apply(failure);
    }

    private static String message(SharepidException translated, RuntimeException raw) {
        return SharepidException.oneLine(translated == null ? raw.getMessage() : translated.getMessage());
    }

    /** True once the create request has been answered (a failed create has disarmed us by then). */
    private boolean awaitCreate() {
        try {
            return createAnswered.await(CREATE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // shutting down already, or never armed: nothing to remove
        }
    }
}
