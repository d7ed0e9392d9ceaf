package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.github.sharepid.proc.FollowScript;
import io.github.sharepid.proc.ProcessInfo;
import io.github.sharepid.proc.SignalResult;
import io.github.sharepid.proc.Signals;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ps, signal and peek-root over several pods: each pod its own single-pod run, results in pod order. */
@Timeout(30)
class ReplicasTest {
    private static final FanOut.Options TEN = new FanOut.Options(10, false);

    private final FakeFleet fleet = new FakeFleet(PodSelectionTest.copy("web-c"), PodSelectionTest.copy("web-a"),
            PodSelectionTest.copy("web-b"));

    @Test
    void ps_listsEveryPod_inPodOrder_evenWhenTheFirstAnswersLast_oneExecEachAndNoSecondRead() throws InterruptedException {
        CountDownLatch slow = fleet.hold("web-a");
        List.of("web-a", "web-b", "web-c").forEach(p -> fleet.answer(p, argv -> ps()));
        Thread release = new Thread(() -> {
            while (fleet.execs.get() < 3 || fleet.running.get() > 1) {
                pause();
            }
            slow.countDown();
        });
        release.start();

        List<FanOut.Outcome<ProcessTable.Listing>> outcomes = replicas().ps(selected(), ToolPod.of(null, null), null, TEN);
        release.join();

        assertThat(outcomes).extracting(o -> o.pod().name()).containsExactly("web-a", "web-b", "web-c");
        assertThat(outcomes).allSatisfy(o -> assertThat(o.result().processes()).extracting(ProcessInfo::pid)
                .containsExactly(1, 8, 9, 14));
        assertThat(fleet.calls).filteredOn(c -> !c.startsWith("select ")).containsExactlyInAnyOrder(
                "exec ns/web-a/sharepid", "exec ns/web-b/sharepid", "exec ns/web-c/sharepid");
    }

    @Test
    void ps_oneExecPerPod_atMostTheBoundAtOnce() {
        List.of("web-a", "web-b", "web-c").forEach(p -> fleet.answer(p, argv -> {
            for (int i = 0; i < 5000 && fleet.execs.get() < 2; i++) {
                pause(); // the first pod's exec lasts until a second one has begun beside it
            }
            sleep(Duration.ofMillis(20));
            return ps();
        }));

        replicas().ps(selected(), ToolPod.of(null, null), null, new FanOut.Options(2, false));

        assertThat(fleet.mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void ps_aPodThatFails_isThatPodsError_theOthersComplete() {
        fleet.answer("web-a", argv -> ps()).answer("web-c", argv -> ps())
                .answer("web-b", argv -> new FakeExec.Reply(new byte[0], "sh: can't fork", 1, null));

        List<FanOut.Outcome<ProcessTable.Listing>> outcomes = replicas().ps(selected(), ToolPod.of(null, null), null, TEN);

        assertThat(outcomes).extracting(FanOut.Outcome::ok).containsExactly(true, false, true);
        assertThat(outcomes.get(1).error()).startsWith("reading /proc in container sharepid of pod web-b failed (exit 1)");
        assertThat(FanOut.exitCode(outcomes)).isEqualTo(FanOut.SOME_FAILED);
    }

    @Test
    void signal_main_signalsEachPodsMainProcessOfTheContainer_guardedByItsStartTime_oneExecEach() {
        List.of("web-a", "web-b", "web-c").forEach(p -> fleet.answer(p, argv -> choosing(argv)));

        List<FanOut.Outcome<SignalSender.Report>> outcomes = replicas().signal(selected(), request(true, false), TEN);

        assertThat(outcomes).allSatisfy(o -> assertThat(o.result().results()).extracting(SignalResult::pid)
                .containsExactly(8));
        assertThat(fleet.lines).containsExactly("8:96", "8:96", "8:96");
        assertThat(fleet.calls).filteredOn(c -> c.startsWith("exec ")).hasSize(3);
    }

    @Test
    void signal_dryRun_asksEveryPodsScriptForADryRun() {
        List<List<String>> signalled = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List.of("web-a", "web-b", "web-c").forEach(p -> fleet.answer(p, argv -> {
            signalled.add(argv);
            return choosing(argv);
        }));

        List<FanOut.Outcome<SignalSender.Report>> outcomes = replicas().signal(selected(), request(true, true), TEN);

        assertThat(signalled).hasSize(3).allSatisfy(argv -> assertThat(argv.get(5)).as("the dry-run flag").isEqualTo("1"));
        assertThat(outcomes).allSatisfy(o -> assertThat(o.result().results()).extracting(SignalResult::outcome)
                .containsExactly(SignalResult.Outcome.DRY));
    }

    @Test
    void peek_checksum_hashesEachPodsBytes_andKeepsNone() {
        fleet.answer("web-a", argv -> file("worker_processes 2;\n")).answer("web-b", argv -> file("changed\n"))
                .answer("web-c", argv -> file("worker_processes 2;\n"));

        List<FanOut.Outcome<Replicas.Peeked>> outcomes = replicas().peek(selected(),
                PeekRoot.Request.of(ToolPod.of(null, null), 8, null, "/etc/nginx/nginx.conf", null), true, TEN);

        assertThat(outcomes).extracting(o -> o.result().checksum().size()).containsExactly(20L, 8L, 20L);
        assertThat(outcomes.get(0).result().checksum().sha256()).isEqualTo(outcomes.get(2).result().checksum().sha256())
                .isNotEqualTo(outcomes.get(1).result().checksum().sha256()).hasSize(64);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.result().bytes()).isNull());
    }

    @Test
    void follow_runsEveryPodAtOnce_eachLineWholeAfterItsPodsPrefix() throws InterruptedException {
        CountDownLatch first = fleet.hold("web-a");
        Thread release = new Thread(() -> {
            while (fleet.execs.get() < 3) {
                pause(); // with one pod at a time web-b and web-c would never start: a timeout
            }
            first.countDown();
        });
        release.start();
        List.of("web-a", "web-b", "web-c").forEach(p -> fleet.answer(p, argv -> new FakeExec.Reply(
                ("F/var/log/app.log\0" + p + " one\n" + p + " two").getBytes(StandardCharsets.UTF_8), "",
                FollowScript.TARGET_EXITED, null)));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        List<FanOut.Outcome<PeekRoot.Result>> outcomes = replicas().follow(selected(),
                PeekRoot.Request.follow(ToolPod.of(null, null), 8, null, "/var/log/app.log", FollowScript.ALL), out,
                new FanOut.Options(1, false));
        release.join();

        assertThat(outcomes).allMatch(FanOut.Outcome::ok);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactlyInAnyOrder(
                "[pod/web-a] web-a one", "[pod/web-a] web-a two", "[pod/web-b] web-b one", "[pod/web-b] web-b two",
                "[pod/web-c] web-c one", "[pod/web-c] web-c two");
    }

    @Test
    void ephemeral_saysHowManyPodsItWillChangeForGood_beforeAnyIsChanged() {
        ToolPod.Ephemeral tools = new ToolPod.Ephemeral("busybox", io.github.sharepid.plan.Profile.parse("general"),
                null, Duration.ofSeconds(1));
        FakeFleet unshared = new FakeFleet(new PodBuilder(PodSelectionTest.copy("web-a")).build(),
                new PodBuilder(PodSelectionTest.copy("web-b")).editSpec().addNewEphemeralContainer()
                        .withName("sharepid-tools-x1y2z").endEphemeralContainer().endSpec().build());

        unshared.replicas().ps(unshared.replicas().select(PodSelection.Request.selector("app=web", false)),
                new ToolPod(null, null, tools), null, TEN);

        assertThat(unshared.said).first().asString().startsWith("--ephemeral will add a tools container to 1 of 2"
                + " pods (web-a): this changes each of them for good");
    }

    private Replicas replicas() {
        return fleet.replicas();
    }

    private PodSelection.Selected selected() {
        return fleet.replicas().select(PodSelection.Request.selector("app=web", false));
    }

    private static SignalSender.Request request(boolean main, boolean dryRun) {
        return new SignalSender.Request(ToolPod.of(null, null), Signals.parse("HUP"), List.of(), "nginx",
                (Pattern) null, false, dryRun, false, main);
    }

    private static FakeExec.Reply ps() {
        return new FakeExec.Reply(PsReply.nginxCopy().bytes(), "", 0, null);
    }

    /** Signal's conversation: the listing, then the result for each PID of the line (dry or ok, as argv asks). */
    private static FakeExec.Reply choosing(List<String> argv) {
        return FakeExec.choosing(PsReply.nginxCopy().bytes(), line -> {
            StringBuilder out = new StringBuilder(new String(PsReply.nginxCopy().bytes(), StandardCharsets.UTF_8));
            for (String target : line.split(" ")) {
                out.append("result:").append(target, 0, target.indexOf(':')).append(':')
                        .append("1".equals(argv.get(5)) ? "dry" : "ok").append('\0');
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        });
    }

    private static FakeExec.Reply file(String content) {
        return new FakeExec.Reply(("F/etc/nginx/nginx.conf\0" + content).getBytes(StandardCharsets.UTF_8), "", 0, null);
    }

    private static void pause() {
        sleep(Duration.ofMillis(2));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
