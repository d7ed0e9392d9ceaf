package io.github.sharepid.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.failure.SharepidException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerFilterTest {
    private final Pod pod = Fixtures.pod("docs-pod.json");
    private final List<ProcessInfo> all =
            Attribution.attribute(ProcParser.parse(Fixtures.bytes("docs-pod.bin")), pod, "shell");

    @Test
    void select_containerName_keepsOnlyItsProcesses() {
        assertThat(ContainerFilter.select(all, pod, "nginx")).extracting(ProcessInfo::pid).containsExactly(8, 14, 15);
    }

    @Test
    void select_sandbox_keepsThePauseProcess() {
        assertThat(ContainerFilter.select(all, pod, "(sandbox)")).extracting(ProcessInfo::pid).containsExactly(1);
    }

    @Test
    void select_withoutName_keepsEverything() {
        assertThat(ContainerFilter.select(all, pod, null)).isEqualTo(all);
    }

    @Test
    void select_nameNotInThePod_isAUsageErrorListingTheValidNames() {
        assertThatThrownBy(() -> ContainerFilter.select(all, pod, "db"))
                .isInstanceOf(SharepidException.class)
                .hasMessage("container \"db\" not found in pod \"nginx\"; valid: nginx, shell, (sandbox)")
                .extracting(e -> ((SharepidException) e).exitCode()).isEqualTo(SharepidException.USAGE);
    }
}
