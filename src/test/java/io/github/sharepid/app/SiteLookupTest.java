package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Exec;
import io.github.sharepid.plan.DebugSpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The GET of the pod and the first exec in flight together ({@link SiteLookup}), and what the verdict on the pod
 * does to an exec that already ran: a GET that fails or a pod that is refused wins over the exec's result, and an
 * exec in the wrong container is run again in the right one.
 */
@Timeout(20)
class SiteLookupTest {
    private static final String COPY = "web-1-sharepid-abcde";
    private static final List<String> ARGV = List.of("cat", "/proc/1/stat");

    private final FakeExec exec = new FakeExec();

    @Test
    void withFirstExec_runsTheExecWhileTheGetIsUnderWay() throws InterruptedException {
        CountDownLatch getInFlight = new CountDownLatch(1);
        CountDownLatch execInFlight = new CountDownLatch(1);
        FakePods pods = new FakePods() {
            @Override
            public Pod get(String namespace, String name) {
                getInFlight.countDown();
                await(execInFlight);
                return super.get(namespace, name);
            }
        }.with(SamplePods.copy());
        exec.answer("42 (nginx) S".getBytes(StandardCharsets.UTF_8));

        SiteLookup.Judged<String> run = lookup(pods, null).withFirstExec((guard, container, verdict) -> {
            execInFlight.countDown();
            await(getInFlight);
            return stdout(guard, container, verdict);
        });

        assertThat(run.result()).isEqualTo("42 (nginx) S");
        assertThat(run.target().execContainer()).isEqualTo(DebugSpec.DEFAULT_CONTAINER);
        assertThat(pods.calls).containsExactly("get ns/" + COPY);
        assertThat(exec.calls).containsExactly(new FakeExec.Call("ns/" + COPY + "/sharepid", ARGV));
    }

    @Test
    void withFirstExec_getFails_throwsTheGetsErrorNotTheExecsResult() {
        SharepidException notFound = SharepidException.failure("pod \"" + COPY + "\" not found in namespace \"ns\"");
        FakePods pods = new FakePods().failOn("get", notFound);
        exec.answer("42 (nginx) S".getBytes(StandardCharsets.UTF_8));
        SiteLookup lookup = lookup(pods, null);

        assertThatThrownBy(() -> lookup.withFirstExec(this::stdout)).isSameAs(notFound);
        assertThat(exec.calls).as("the exec ran once, in the guessed container, and not again").hasSize(1);
        assertThat(lookup.approves("sharepid").join()).isFalse();
    }

    @Test
    void withFirstExec_getAndExecFail_throwsTheGetsErrorWithTheExecsAttached() {
        SharepidException forbidden = SharepidException.failure("forbidden: cannot get pods in namespace \"ns\"");
        SharepidException execFailed = SharepidException.failure("cannot exec in " + COPY + "/sharepid");
        SiteLookup lookup = lookup(new FakePods().failOn("get", forbidden), null);

        assertThatThrownBy(() -> lookup.withFirstExec((guard, container, verdict) -> {
            throw execFailed;
        })).isSameAs(forbidden).satisfies(e -> assertThat(e.getSuppressed()).containsExactly(execFailed));
    }

    @Test
    void withFirstExec_podRefusedAfterTheExecRan_failsWithTheVerdict() {
        Pod notShared = new PodBuilder(SamplePods.copy()).editSpec().withShareProcessNamespace(false).endSpec().build();
        exec.answer("42 (nginx) S".getBytes(StandardCharsets.UTF_8));
        SiteLookup lookup = lookup(new FakePods().with(notShared), null);

        assertThatThrownBy(() -> lookup.withFirstExec(this::stdout))
                .isInstanceOf(SharepidException.class)
                .hasMessageContaining("does not share its process namespace")
                .extracting(e -> ((SharepidException) e).exitCode()).isEqualTo(SharepidException.FAILURE);
        assertThat(exec.calls).hasSize(1);
        assertThat(lookup.approves("sharepid").join()).as("the held output must not be released").isFalse();
    }

    @Test
    void withFirstExec_guessedTheWrongContainer_runsAgainInThePodsExecContainer() {
        Pod otherDebug = new PodBuilder(SamplePods.copy()).editMetadata()
                .addToAnnotations(io.github.sharepid.pod.CopyMarks.DEBUG_CONTAINER_ANNOTATION, "nginx").endMetadata()
                .build();
        exec.answer("wrong".getBytes(StandardCharsets.UTF_8)).answer("right".getBytes(StandardCharsets.UTF_8));
        SiteLookup lookup = lookup(new FakePods().with(otherDebug), null);

        SiteLookup.Judged<String> run = lookup.withFirstExec(this::stdout);

        assertThat(run.result()).isEqualTo("right");
        assertThat(exec.calls).extracting(FakeExec.Call::where)
                .containsExactly("ns/" + COPY + "/sharepid", "ns/" + COPY + "/nginx");
        assertThat(lookup.approves("sharepid").join()).isFalse();
        assertThat(lookup.approves("nginx").join()).isTrue();
    }

    @Test
    void withFirstExec_aRunningResultThatWillNotBeUsed_isClosed_wrongGuessOrRefusedPod() {
        Pod otherDebug = new PodBuilder(SamplePods.copy()).editMetadata()
                .addToAnnotations(io.github.sharepid.pod.CopyMarks.DEBUG_CONTAINER_ANNOTATION, "nginx").endMetadata()
                .build();
        Pod notShared = new PodBuilder(SamplePods.copy()).editSpec().withShareProcessNamespace(false).endSpec().build();
        List<String> closed = new java.util.concurrent.CopyOnWriteArrayList<>();
        SiteLookup.FirstExec<AutoCloseable> running = (guard, container, verdict) -> () -> closed.add(container);

        SiteLookup.Judged<AutoCloseable> rerun = lookup(new FakePods().with(otherDebug), null).withFirstExec(running);
        assertThat(closed).as("the guess's result, not the one returned").containsExactly("sharepid");
        assertThat(rerun.target().execContainer()).isEqualTo("nginx");

        closed.clear();
        assertThatThrownBy(() -> lookup(new FakePods().with(notShared), null).withFirstExec(running))
                .hasMessageContaining("does not share its process namespace");
        assertThat(closed).containsExactly("sharepid");
    }

    @Test
    void withFirstExec_execContainerFlag_isTheFirstGuess() {
        exec.answer("ok".getBytes(StandardCharsets.UTF_8));

        SiteLookup.Judged<String> run = lookup(new FakePods().with(SamplePods.copy()), "nginx")
                .withFirstExec(this::stdout);

        assertThat(run.target().execContainer()).isEqualTo("nginx");
        assertThat(exec.calls).extracting(FakeExec.Call::where).containsExactly("ns/" + COPY + "/nginx");
    }

    @Test
    void withFirstExec_execFailsInTheRightContainer_throwsTheExecsError() {
        SharepidException execFailed = SharepidException.failure("cannot exec in " + COPY + "/sharepid");
        SiteLookup.FirstExec<String> failing = (guard, container, verdict) -> {
            throw execFailed;
        };

        assertThatThrownBy(() -> lookup(new FakePods().with(SamplePods.copy()), null).withFirstExec(failing))
                .isSameAs(execFailed);
    }

    private SiteLookup lookup(FakePods pods, String execContainerFlag) {
        ToolSites.Ports ports = new ToolSites.Ports(pods, exec, new FakeLookups(), new FakeWaits(pods),
                new FakeEphemeral(pods));
        return new ToolSites(ports, "ns", line -> { }).start(ToolPod.of(COPY, execContainerFlag));
    }

    private String stdout(UnaryOperator<Exec> guard, String container, CompletableFuture<Boolean> verdict) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        guard.apply(exec).exec("ns", COPY, container, ARGV, null, out, new ByteArrayOutputStream());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).as("the GET and the exec were in flight together").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
