package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.PodSelections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TYPE/NAME and -l: one selector read, one list, running pods in name order, the others said as skipped. */
class PodSelectionTest {
    @Test
    void workload_readsItsSelectorOnce_listsOnce_andKeepsRunningPodsInNameOrder() {
        FakeFleet fleet = new FakeFleet(copy("web-c"), copy("web-a"), copy("web-b"));

        PodSelection.Selected selected = selection(fleet).resolve(
                PodSelection.Request.workload(PodSelections.Kind.DEPLOYMENT, "web"));

        assertThat(selected.pods()).extracting(PodSelection.Member::name).containsExactly("web-a", "web-b", "web-c");
        assertThat(fleet.calls).containsExactly("selectorOf deployment/web", "select ns app=web");
    }

    @Test
    void selector_withAllNamespaces_listsWithoutANamespace_andNoWorkloadIsRead() {
        FakeFleet fleet = new FakeFleet(copy("web-a"));

        PodSelection.Selected selected = selection(fleet).resolve(PodSelection.Request.selector("tier in (a,b)", true));

        assertThat(selected.allNamespaces()).isTrue();
        assertThat(fleet.calls).containsExactly("select null tier in (a,b)");
    }

    @Test
    void podsNotRunning_areSaidAsSkipped_withTheirPhase() {
        Pod pending = new PodBuilder(copy("web-p")).editStatus().withPhase("Pending").endStatus().build();
        Pod leaving = new PodBuilder(copy("web-t")).editMetadata().withDeletionTimestamp("2026-12-07T04:00:00Z")
                .endMetadata().build();
        FakeFleet fleet = new FakeFleet(copy("web-a"), pending, leaving);

        PodSelection.Selected selected = selection(fleet).resolve(PodSelection.Request.selector("app=web", false));

        assertThat(selected.pods()).extracting(PodSelection.Member::name).containsExactly("web-a");
        assertThat(fleet.said).containsExactly("skipped pod web-p: Pending", "skipped pod web-t: Terminating");
    }

    @Test
    void nothingSelected_isOneFailureNamingTheSelector() {
        assertThatThrownBy(() -> selection(new FakeFleet()).resolve(
                PodSelection.Request.workload(PodSelections.Kind.STATEFULSET, "db")))
                .isInstanceOf(SharepidException.class)
                .hasMessage("no pod matches statefulset/db (selector app=db) in namespace ns")
                .extracting(e -> ((SharepidException) e).exitCode()).isEqualTo(1);
    }

    @Test
    void onlyPodsNotRunning_isAFailureToo_afterTheyAreListed() {
        Pod pending = new PodBuilder(copy("web-p")).editStatus().withPhase("Pending").endStatus().build();
        FakeFleet fleet = new FakeFleet(pending);

        assertThatThrownBy(() -> selection(fleet).resolve(PodSelection.Request.selector("app=web", false)))
                .hasMessage("none of the 1 pods selected by -l app=web in namespace ns is running");
        assertThat(fleet.said).containsExactly("skipped pod web-p: Pending");
    }

    static Pod copy(String name) {
        return SamplePods.copy(name, "2026-11-29T20:00:00Z");
    }

    private static PodSelection selection(FakeFleet fleet) {
        return new PodSelection(fleet, "ns", fleet.said::add);
    }
}
