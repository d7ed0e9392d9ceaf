package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PodBuilder;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * peek-root refused /proc/PID/root in a pod with {@code hostUsers: false}: the kernel may refuse it even to
 * root there, so the line says so and names what still works, instead of suggesting SYS_PTRACE.
 */
class PeekRootUserNamespaceTest {
    private static final String COPY = "web-1-sharepid-abcde";

    @Test
    void permissionDenied_inAUserNamespace_saysSoAndNamesWhatStillWorks() {
        FakeToolPorts ports = new FakeToolPorts(new PodBuilder(SamplePods.copy()).editSpec().withHostUsers(false)
                .endSpec().build());
        ports.exec.answer(new byte[0], "sh: can't open '/proc/8/root/x': Permission denied", 1);

        assertThatThrownBy(() -> new PeekRoot(ports.table(), ports.exec, line -> { })
                .read(PeekRoot.Request.of(ToolPod.of(COPY, null), 8, null, "/x", null), new ByteArrayOutputStream()))
                .hasMessage("permission denied reading /x (PID 8 in pod " + COPY + "): pod " + COPY + " runs in a"
                        + " user namespace of its own (hostUsers: false), where the kernel may refuse /proc/PID/root"
                        + " of another container's process even to root; what still works: ps, signal, and peek-root"
                        + " as the target's user (--ephemeral --as-target-user or --run-as, Kubernetes 1.23+; on a"
                        + " copy: debug --as-target-user)");
    }

    @Test
    void permissionDenied_withoutAUserNamespace_keepsTheCapabilityAdvice() {
        FakeToolPorts ports = new FakeToolPorts(SamplePods.copy());
        ports.exec.answer(new byte[0], "sh: can't open '/proc/8/root/x': Permission denied", 1);

        assertThatThrownBy(() -> new PeekRoot(ports.table(), ports.exec, line -> { })
                .read(PeekRoot.Request.of(ToolPod.of(COPY, null), 8, null, "/x", null), new ByteArrayOutputStream()))
                .hasMessageContaining("needs that process's UID or CAP_SYS_PTRACE")
                .hasMessageNotContaining("user namespace");
    }
}
