package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sharepid.failure.SharepidException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fan-out: results in the pods' order, at most N at once, failures kept per pod, exit codes 0 / 3 / 1. */
@Timeout(20)
class FanOutTest {
    private final FanOut fanOut = new FanOut(null);

    @Test
    void outcomes_comeInThePodsOrder_notInTheOrderTheyFinished() throws InterruptedException {
        CountDownLatch othersDone = new CountDownLatch(2);
        List<FanOut.Outcome<String>> outcomes = fanOut.run(pods(3), new FanOut.Options(3, false), m -> {
            if (m.name().equals("web-0")) {
                await(othersDone);
                return "slow";
            }
            othersDone.countDown();
            return "fast";
        });

        assertThat(outcomes).extracting(o -> o.pod().name() + "=" + o.result())
                .containsExactly("web-0=slow", "web-1=fast", "web-2=fast");
    }

    @Test
    void atMostMaxConcurrency_runAtOnce_andASlowPodDoesNotHoldBackTheOthers() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch slowMayEnd = new CountDownLatch(4);
        List<FanOut.Outcome<Integer>> outcomes = fanOut.run(pods(6), new FanOut.Options(2, false), m -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                if (m.name().equals("web-0")) {
                    await(slowMayEnd); // ends only once four others have finished beside it
                } else {
                    sleep(20);
                    slowMayEnd.countDown();
                }
                return 1;
            } finally {
                running.decrementAndGet();
            }
        });

        assertThat(most.get()).isEqualTo(2);
        assertThat(outcomes).allMatch(FanOut.Outcome::ok).hasSize(6);
    }

    @Test
    void aFailure_isKeptAsThatPodsReason_andTheOthersComplete() {
        List<FanOut.Outcome<String>> outcomes = fanOut.run(pods(3), new FanOut.Options(10, false), m -> {
            if (m.name().equals("web-1")) {
                throw SharepidException.failure("reading /proc in container shell of pod web-1 failed (exit 1)");
            }
            return "ok";
        });

        assertThat(outcomes).extracting(o -> o.pod().name() + ":" + (o.ok() ? o.result() : o.error())).containsExactly(
                "web-0:ok", "web-1:reading /proc in container shell of pod web-1 failed (exit 1)", "web-2:ok");
        assertThat(FanOut.exitCode(outcomes)).isEqualTo(FanOut.SOME_FAILED);
    }

    @Test
    void exitCode_tellsAllSucceeded_someFailed_allFailed_apart() {
        PodSelection.Member a = pods(1).get(0);
        FanOut.Outcome<String> ok = new FanOut.Outcome<>(a, "x", null);
        FanOut.Outcome<String> bad = new FanOut.Outcome<>(a, null, "gone");

        assertThat(FanOut.exitCode(List.of(ok, ok))).isZero();
        assertThat(FanOut.exitCode(List.of(ok, bad))).isEqualTo(3);
        assertThat(FanOut.exitCode(List.of(bad, bad))).isEqualTo(1);
    }

    @Test
    void failFast_startsNoPodAfterTheFirstFailure() {
        AtomicInteger started = new AtomicInteger();
        List<FanOut.Outcome<String>> outcomes = fanOut.run(pods(4), new FanOut.Options(1, true), m -> {
            started.incrementAndGet();
            if (m.name().equals("web-1")) {
                throw SharepidException.failure("pod \"web-1\" not found in namespace \"ns\"");
            }
            return "ok";
        });

        assertThat(started.get()).isEqualTo(2);
        assertThat(outcomes).extracting(o -> o.ok() ? "ok" : o.error()).containsExactly("ok",
                "pod \"web-1\" not found in namespace \"ns\"", FanOut.NOT_RUN, FanOut.NOT_RUN);
    }

    @Test
    void anUnexpectedFailure_isExplainedByThePortOrNamedByItsClass() {
        FanOut explained = new FanOut(e -> SharepidException.failure("the API server refused: " + e.getMessage()));
        List<FanOut.Outcome<String>> outcomes = explained.run(pods(1), new FanOut.Options(1, false), m -> {
            throw new IllegalStateException("boom");
        });
        List<FanOut.Outcome<String>> raw = fanOut.run(pods(1), new FanOut.Options(1, false), m -> {
            throw new IllegalStateException("boom");
        });

        assertThat(outcomes.get(0).error()).isEqualTo("the API server refused: boom");
        assertThat(raw.get(0).error()).isEqualTo("unexpected IllegalStateException: boom");
    }

    private static List<PodSelection.Member> pods(int n) {
        return IntStream.range(0, n).mapToObj(i -> new PodSelection.Member("ns", "web-" + i, null)).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("the other pods finished meanwhile").isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
