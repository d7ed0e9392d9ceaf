package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sharepid.proc.FdScript;
import io.github.sharepid.proc.FileRows;
import io.github.sharepid.proc.PortRow;
import io.github.sharepid.proc.TopRow;
import io.github.sharepid.proc.TopSample;
import io.github.sharepid.proc.TopScript;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ports, files and top over several pods: each pod its own single-pod read, results in pod order, failures per pod. */
@Timeout(30)
class ReplicasActivityTest {
    private static final FanOut.Options TEN = new FanOut.Options(10, false);

    private final FakeFleet fleet = new FakeFleet(PodSelectionTest.copy("web-c"), PodSelectionTest.copy("web-a"),
            PodSelectionTest.copy("web-b"));

    @Test
    void ports_oneFdScriptExecPerPod_eachPodsOwners_inPodOrder() {
        List.of("web-a", "web-b", "web-c").forEach(p -> fleet.answer(p, argv -> {
            assertThat(argv).isEqualTo(FdScript.argv());
            return reply(PodActivityTest.reply(p.equals("web-b") ? "stat: can't stat '14/fd/1': Permission denied" : ""));
        }));

        List<FanOut.Outcome<PodActivity.Ports>> outcomes = replicas().ports(selected(), ToolPod.of(null, null), false, TEN);

        assertThat(outcomes).extracting(o -> o.pod().name()).containsExactly("web-a", "web-b", "web-c");
        assertThat(outcomes).allSatisfy(o -> assertThat(o.result().ports().rows()).extracting(PortRow::owner)
                .startsWith("8", "9"));
        assertThat(outcomes).extracting(o -> o.result().ports().unreadable().keySet())
                .containsExactly(java.util.Set.of(), java.util.Set.of(14), java.util.Set.of());
        assertThat(fleet.calls).filteredOn(c -> c.startsWith("exec ")).containsExactlyInAnyOrder(
                "exec ns/web-a/sharepid", "exec ns/web-b/sharepid", "exec ns/web-c/sharepid");
    }

    @Test
    void filesDeleted_aPodThatFails_isThatPodsError_theOthersKeepTheirOwnOrder() {
        fleet.answer("web-a", argv -> reply(PodActivityTest.reply(""))).answer("web-c", argv -> reply(PodActivityTest.reply("")))
                .answer("web-b", argv -> new FakeExec.Reply(new byte[0], "sh: can't fork", 1, null));

        List<FanOut.Outcome<PodActivity.Files>> outcomes = replicas().files(selected(), ToolPod.of(null, null),
                new FileRows.Selection(null, null, true), TEN);

        assertThat(outcomes).extracting(FanOut.Outcome::ok).containsExactly(true, false, true);
        assertThat(outcomes.get(1).error()).startsWith("reading /proc in container sharepid of pod web-b failed (exit 1)");
        assertThat(outcomes.get(2).result().rows()).extracting(r -> r.fd().size()).containsExactly(2147483648L, 10L);
        assertThat(FanOut.exitCode(outcomes)).isEqualTo(FanOut.SOME_FAILED);
    }

    @Test
    void topNext_asksAgainOnlyThePodsWhoseLastSampleWorked_onTheirTargets() {
        fleet.answer("web-a", argv -> top(argv)).answer("web-c", argv -> top(argv))
                .answer("web-b", argv -> new FakeExec.Reply(new byte[0], "sh: can't fork", 1, null));
        ProcessTop.Request request = new ProcessTop.Request(null, "0.5", TopSample.Sort.CPU);

        List<FanOut.Outcome<ProcessTop.Sample>> first = replicas().top(selected(), ToolPod.of(null, null), request, TEN);
        fleet.calls.clear();
        List<FanOut.Outcome<ProcessTop.Sample>> next = replicas().topNext(first, request, TEN);

        assertThat(next).extracting(o -> o.pod().name()).containsExactly("web-a", "web-b", "web-c");
        assertThat(next.get(1)).isSameAs(first.get(1));
        assertThat(next.get(0).result().sample().processes()).extracting(TopRow::pid).startsWith(9);
        assertThat(fleet.calls).containsExactlyInAnyOrder("exec ns/web-a/sharepid", "exec ns/web-c/sharepid");
    }

    private static FakeExec.Reply top(List<String> argv) {
        assertThat(argv).isEqualTo(TopScript.argv("0.5"));
        return reply(ProcessTopTest.reply());
    }

    private static FakeExec.Reply reply(byte[] stdout) {
        return new FakeExec.Reply(stdout, "", 0, null);
    }

    private Replicas replicas() {
        return fleet.replicas();
    }

    private PodSelection.Selected selected() {
        return fleet.replicas().select(PodSelection.Request.selector("app=web", false));
    }
}
