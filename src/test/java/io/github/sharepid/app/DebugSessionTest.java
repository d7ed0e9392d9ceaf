package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Attach;
import io.github.sharepid.plan.AppContainers;
import io.github.sharepid.plan.DebugSpec;
import io.github.sharepid.plan.Profile;
import io.github.sharepid.plan.TargetUser;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * debug: every way a session ends, and whether the copy is deleted or kept, as the README documents:
 * kept unless --rm once attached; deleted when it does not start; never deleted when the create was refused
 * (the name may be another pod's) or someone else deleted it.
 */
class DebugSessionTest {
    private static final String COPY = "web-1-sharepid-abcde";
    private final FakePods pods = new FakePods().with(SamplePods.source());
    private final FakeWaits waits = new FakeWaits(pods);
    private final FakeLookups lookups = new FakeLookups();
    private final FakeEphemeral ephemeral = new FakeEphemeral(pods);
    private final List<String> said = new ArrayList<>();

    /** How the attach ends, what the cluster says afterwards, the flags; then the outcome and the copy's fate. */
    record Case(String name, Attach.Ending ending, boolean deletedMeanwhile, Integer exitCode, boolean attach,
                boolean rm, Object expected, boolean copyDeleted) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> sessions() {
        return Stream.of(
                new Case("--attach=false: the copy is created and kept", null, false, null, false, false, 0, false),
                new Case("the shell exits 3: its code passes through, copy kept", Attach.Ending.REMOTE_CLOSED, false,
                        3, true, false, 3, false),
                new Case("--rm: the copy is deleted after the session", Attach.Ending.REMOTE_CLOSED, false, 0, true,
                        true, 0, true),
                new Case("deleted by someone during the session: exit 1, nothing more to delete",
                        Attach.Ending.POD_DELETED, true, null, true, true,
                        "the copy " + COPY + " was deleted during the session", false),
                new Case("connection lost, no exit code: exit 1, --rm still deletes", Attach.Ending.BROKEN, false, null,
                        true, true, "the connection to " + COPY + " was lost before the debug shell exited", true),
                new Case("session ended but the shell runs on: exit 1, kept without --rm", Attach.Ending.REMOTE_CLOSED,
                        false, null, true, false, "the session ended but the debug container of " + COPY
                        + " is still running", false)).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void session(Case c) {
        pods.deletedDuringSession = c.deletedMeanwhile();
        waits.exitCode = c.exitCode();
        DebugSession session = session(new FakeAttach(c.ending() == null ? Attach.Ending.REMOTE_CLOSED : c.ending()));

        if (c.expected() instanceof Integer code) {
            DebugSession.Outcome outcome = session.run(request(c.attach(), c.rm()));
            assertThat(outcome).isEqualTo(new DebugSession.Outcome(COPY, code));
        } else {
            assertThatThrownBy(() -> session.run(request(c.attach(), c.rm())))
                    .isInstanceOf(SharepidException.class).hasMessageContaining((String) c.expected());
        }
        assertThat(pods.calls("create")).containsExactly("ns/" + COPY);
        assertThat(pods.calls("delete")).hasSize(c.copyDeleted() ? 1 : 0);
    }

    @Test
    void copyDoesNotStart_isDeletedAndTheReasonThrown() {
        waits.startFailure = SharepidException.failure("container sharepid in pod " + COPY + " cannot start: ErrImagePull");

        assertThatThrownBy(() -> session(new FakeAttach(Attach.Ending.REMOTE_CLOSED)).run(request(true, false)))
                .hasMessage("container sharepid in pod " + COPY + " cannot start: ErrImagePull");
        assertThat(pods.calls("delete")).containsExactly("ns/" + COPY);
        assertThat(said).contains("deleted the copy " + COPY + " (the copy did not start)");
    }

    /** The policy is the use case's: it judges what the server stored and deletes through its armed reaper. */
    @Test
    void serverDropsShareProcessNamespace_theCopyIsDeletedByTheReaper_andNothingWaitsOrAttaches() {
        pods.stored = pod -> new io.fabric8.kubernetes.api.model.PodBuilder(pod).editSpec()
                .withShareProcessNamespace(null).endSpec().build();
        FakeAttach attach = new FakeAttach(Attach.Ending.REMOTE_CLOSED);

        assertThatThrownBy(() -> session(attach).run(request(true, false)))
                .hasMessage("the API server dropped spec.shareProcessNamespace (feature gate PodShareProcessNamespace"
                        + " off, Kubernetes < 1.12?)");
        assertThat(pods.calls("delete")).containsExactly("ns/" + COPY);
        assertThat(pods.graces).containsExactly(1L);
        assertThat(said).contains("deleted the copy " + COPY + " (it shares no process namespace)");
        assertThat(attach.attached).isEmpty();
    }

    @Test
    void createRefused_deletesNothing_theNameMayBeAnotherPods() {
        pods.failOn("create", SharepidException.failure("pod \"" + COPY + "\" already exists"));

        assertThatThrownBy(() -> session(new FakeAttach(Attach.Ending.REMOTE_CLOSED)).run(request(true, true)))
                .hasMessageContaining("already exists");
        assertThat(pods.calls("delete")).isEmpty();
    }

    @Test
    void profileTheNamespaceForbids_isRefusedBeforeAnythingIsSent() {
        lookups.namespaceLabels = Map.of("pod-security.kubernetes.io/enforce", "restricted");

        assertThatThrownBy(() -> session(new FakeAttach(Attach.Ending.REMOTE_CLOSED)).run(request(true, false)))
                .hasMessageContaining("--profile");
        assertThat(pods.calls).containsExactly("get ns/web-1");
    }

    @Test
    void attached_dryRunsThenCreatesThenAttachesToTheDebugContainer() {
        FakeAttach attach = new FakeAttach(Attach.Ending.REMOTE_CLOSED);

        session(attach).run(request(true, false));

        assertThat(pods.calls).startsWith("get ns/web-1", "dryRunCreate ns/" + COPY, "create ns/" + COPY);
        assertThat(attach.attached).containsExactly("ns/" + COPY + "/sharepid");
        assertThat(said).contains("the copy " + COPY + " is kept; delete it with: kubectl sharepid cleanup " + COPY
                + " -n ns");
    }

    @Test
    void crashingSource_withoutHold_getsOneHintLineAboutHold() {
        pods.with(crashing());

        session(new FakeAttach(Attach.Ending.REMOTE_CLOSED)).run(request(false, false));

        assertThat(said).filteredOn(line -> line.startsWith("hint: ")).containsExactly("hint: container nginx"
                + " (CrashLoopBackOff, 4 restarts) of pod web-1 keeps crashing and would in the copy too; --hold nginx"
                + " keeps it waiting instead, for ps and peek-root");
    }

    @Test
    void crashingSource_withHold_getsNoHint_butTheHeldCommand() {
        pods.with(crashing());
        DebugSpec spec = new DebugSpec(null, "sharepid", "busybox:1.36", List.of(), Profile.GENERAL, true, false,
                false, false, Map.of(), Map.of(), new AppContainers(false, false, false, true, List.of("nginx")), null);

        session(new FakeAttach(Attach.Ending.REMOTE_CLOSED)).run(new DebugSession.Request("web-1", spec,
                Duration.ofSeconds(5), false, false, request(false, false).console()));

        assertThat(said).noneMatch(line -> line.startsWith("hint: "))
                .anyMatch(line -> line.startsWith("note: Container nginx is held: it runs /sharepid-hold/busybox"));
        assertThat(pods.get("ns", COPY).getMetadata().getAnnotations()).containsEntry("sharepid.io/held", "{\"nginx\":{}}");
    }

    private static io.fabric8.kubernetes.api.model.Pod crashing() {
        return new io.fabric8.kubernetes.api.model.PodBuilder(SamplePods.source()).editStatus().editFirstContainerStatus()
                .withRestartCount(4).withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting()
                .endState().endContainerStatus().endStatus().build();
    }

    @Test
    void ephemeral_addsTheShellToTheLivePod_attaches_andPassesTheExitCodeThrough() {
        FakeAttach attach = new FakeAttach(Attach.Ending.REMOTE_CLOSED);
        waits.exitCode = 7;

        DebugSession.Outcome outcome = session(attach).runEphemeral(request(true, false), "nginx");

        assertThat(outcome).isEqualTo(new DebugSession.Outcome("sharepid-debug-abcde", 7));
        assertThat(ephemeral.calls).containsExactly("dryRunAdd ns/web-1/sharepid-debug-abcde",
                "add ns/web-1/sharepid-debug-abcde");
        assertThat(ephemeral.added.get(0).getTargetContainerName()).isEqualTo("nginx");
        assertThat(ephemeral.added.get(0).getStdin()).isTrue();
        assertThat(attach.attached).containsExactly("ns/web-1/sharepid-debug-abcde");
        assertThat(pods.calls("create")).isEmpty();
        assertThat(pods.calls("delete")).isEmpty();
        assertThat(said).anyMatch(l -> l.contains("the API can never remove an ephemeral container"))
                .contains("note: pod web-1 does not share its process namespace: the shell sees only the processes"
                        + " of container nginx");
    }

    @Test
    void ephemeral_refusedByTheNamespacesLevel_addsNothing() {
        lookups.namespaceLabels = Map.of("pod-security.kubernetes.io/enforce", "restricted");

        assertThatThrownBy(() -> session(new FakeAttach(Attach.Ending.REMOTE_CLOSED))
                .runEphemeral(request(true, false), null)).hasMessageContaining("use --profile restricted");
        assertThat(ephemeral.calls).isEmpty();
    }

    /** --run-as 1000 on the live pod: the shell's own securityContext runs it as that user. */
    @Test
    void ephemeral_runAs_runsTheShellAsThatUser() {
        session(new FakeAttach(Attach.Ending.REMOTE_CLOSED)).runEphemeral(runningAs(Profile.RESTRICTED), null);

        assertThat(ephemeral.added).singleElement().satisfies(c -> {
            assertThat(c.getSecurityContext().getRunAsUser()).isEqualTo(1000L);
            assertThat(c.getSecurityContext().getRunAsGroup()).isEqualTo(3000L);
            assertThat(c.getSecurityContext().getRunAsNonRoot()).isTrue();
        });
    }

    /** Before 1.23 the server takes an ephemeral container only without a securityContext: not as root instead. */
    @Test
    void ephemeral_runAs_onAServerThatAllowsNoSecurityContext_addsNothing() {
        ephemeral.noSecurityContext = true;

        assertThatThrownBy(() -> session(new FakeAttach(Attach.Ending.REMOTE_CLOSED))
                .runEphemeral(runningAs(Profile.GENERAL), null))
                .hasMessage("this API server allows no securityContext in an ephemeral container (Kubernetes before"
                        + " 1.23), so it cannot run as UID 1000; nothing was added (debug a copy with --as-target-user"
                        + " instead)");
        assertThat(ephemeral.calls).containsExactly("dryRunAdd ns/web-1/sharepid-debug-abcde");
    }

    private static DebugSession.Request runningAs(Profile profile) {
        DebugSpec spec = new DebugSpec(null, "sharepid", "busybox:1.36", List.of(), profile, false, false, false,
                false, Map.of(), Map.of(), new TargetUser.Request(false, null, new TargetUser.RunAs(1000L, 3000L)));
        return new DebugSession.Request("web-1", spec, Duration.ofSeconds(5), false, false,
                request(false, false).console());
    }

    private DebugSession session(FakeAttach attach) {
        return new DebugSession(new DebugSession.Ports(pods, waits, lookups, attach, ephemeral), "ns", said::add,
                () -> "abcde", failure -> null);
    }

    private static DebugSession.Request request(boolean attach, boolean rm) {
        DebugSpec spec = new DebugSpec(null, "sharepid", "busybox:1.36", List.of(), Profile.GENERAL, false, false,
                false, false, Map.of(), Map.of());
        return new DebugSession.Request("web-1", spec, Duration.ofSeconds(5), attach, rm,
                new DebugSession.Console(InputStream.nullInputStream(), new ByteArrayOutputStream(),
                        new ByteArrayOutputStream()));
    }
}
