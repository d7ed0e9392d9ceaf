package io.github.sharepid.app;

import io.github.sharepid.failure.SharepidException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs one single-pod use case on each selected pod, at most {@code maxConcurrency} at a time, and gives back one
 * {@link Outcome} per pod in the order the pods were given (by namespace and name), never in the order they
 * finished. A pod's failure is kept as its outcome's one-line reason; the others complete, unless
 * {@code failFast}: then pods not yet started are not started, and say so.
 */
public final class FanOut {
    /** The default bound: ten execs at once, as the {@code xargs -P 10} loop a user would write. */
    public static final int DEFAULT_MAX_CONCURRENCY = 10;
    /** Exit code when some pods succeeded and others failed (all failed: {@link SharepidException#FAILURE}). */
    public static final int SOME_FAILED = 3;
    static final String NOT_RUN = "not run: --fail-fast stopped after the first failure";

    /** {@code maxConcurrency} ≥ 1. */
    public record Options(int maxConcurrency, boolean failFast) {
        public Options {
            if (maxConcurrency < 1) {
                throw SharepidException.usage("--max-concurrency must be at least 1, not " + maxConcurrency);
            }
        }
    }

    /** A pod and what its run gave: a result, or (result null) the one-line reason it failed. */
    public record Outcome<T>(PodSelection.Member pod, T result, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private final Function<Throwable, SharepidException> explain;

    /** {@code explain}: the user-facing form of a client failure, or null when it is a bug (as the error handler's). */
    public FanOut(Function<Throwable, SharepidException> explain) {
        this.explain = explain;
    }

    public <T> List<Outcome<T>> run(List<PodSelection.Member> pods, Options options,
                                    Function<PodSelection.Member, T> work) {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.maxConcurrency(), pods.size()), r -> {
            Thread t = new Thread(r, "sharepid-fan-out");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome<T>>> runs = new ArrayList<>();
            for (PodSelection.Member pod : pods) {
                runs.add(pool.submit(() -> runOne(pod, work, options.failFast() ? stop : null)));
            }
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> run : runs) {
                outcomes.add(run.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SharepidException.failure("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private <T> Outcome<T> runOne(PodSelection.Member pod, Function<PodSelection.Member, T> work, AtomicBoolean stop) {
        if (stop != null && stop.get()) {
            return new Outcome<>(pod, null, NOT_RUN);
        }
        try {
            return new Outcome<>(pod, work.apply(pod), null);
        } catch (RuntimeException e) {
            if (stop != null) {
                stop.set(true);
            }
            return new Outcome<>(pod, null, reason(e));
        }
    }

    /** The failure's one line, as the error handler would print it (without {@code error: }). */
    private String reason(RuntimeException e) {
        SharepidException known = SharepidException.within(e);
        if (known == null && explain != null) {
            known = explain.apply(e);
        }
        return known != null ? SharepidException.oneLine(known.getMessage())
                : "unexpected " + e.getClass().getSimpleName() + ": " + SharepidException.oneLine(e.getMessage());
    }

    /** 0 when every pod succeeded, {@link #SOME_FAILED} when some did, 1 when none did. */
    public static int exitCode(List<? extends Outcome<?>> outcomes) {
        long failed = outcomes.stream().filter(o -> !o.ok()).count();
        return failed == 0 ? 0 : failed == outcomes.size() ? SharepidException.FAILURE : SOME_FAILED;
    }
}
