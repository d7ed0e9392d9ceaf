package io.github.sharepid.plan;

import static io.github.sharepid.plan.Fixtures.assertSamePod;
import static io.github.sharepid.plan.Fixtures.ctx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.github.sharepid.failure.SharepidException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --hold}: the held container waits on a busybox the copy brings, and says what it would have run. */
class PodCopyPlannerHoldTest {
    private static final String NOTE = "Container nginx is held: it runs /sharepid-hold/busybox sleep 2147483647"
            + " instead of its command: nginx -g 'daemon off;' (annotation sharepid.io/held); to run that by hand:"
            + " kubectl exec -it nginx-sharepid-x7k2q -n default -c nginx -- /sharepid-hold/busybox sh";

    /** The docs pod, its nginx given a command and args as a Deployment would, and a liveness probe. */
    private static Pod source() {
        return new PodBuilder(Fixtures.docsSeedPod()).editSpec().editFirstContainer().withCommand("nginx")
                .withArgs("-g", "daemon off;").withLivenessProbe(Fixtures.httpProbe(80)).withNewLifecycle()
                .withNewPostStart().withNewExec().withCommand("/bin/warm-up").endExec().endPostStart().endLifecycle()
                .addNewVolumeMount().withName("conf").withMountPath("/etc/nginx").endVolumeMount()
                .withNewSecurityContext().withRunAsUser(101L).endSecurityContext().endContainer().endSpec().build();
    }

    @Test
    void held_waitsOnTheCopiedBusybox_keepsItsMountsAndUser_andTheOriginalIsAnnotated() {
        Fixtures.SpecBuilder spec = new Fixtures.SpecBuilder();
        spec.apps = new AppContainers(true, false, false, true, List.of("nginx"));

        Plan plan = PodCopyPlanner.plan(source(), spec.build(), ctx());

        Container held = new ContainerBuilder().withName("nginx").withImage("nginx")
                .withCommand("/sharepid-hold/busybox", "sleep", "2147483647")
                .addNewVolumeMount().withName("conf").withMountPath("/etc/nginx").endVolumeMount()
                .addNewVolumeMount().withName("sharepid-hold").withMountPath("/sharepid-hold").withReadOnly(true)
                .endVolumeMount()
                .withNewSecurityContext().withRunAsUser(101L).endSecurityContext().build();
        Container copier = new ContainerBuilder().withName("sharepid-hold").withImage("busybox")
                .withCommand("/bin/busybox", "cp", "/bin/busybox", "/sharepid-hold/busybox")
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .withNewSecurityContext().withNewCapabilities().addToAdd("SYS_PTRACE").endCapabilities()
                .endSecurityContext()
                .addNewVolumeMount().withName("sharepid-hold").withMountPath("/sharepid-hold").endVolumeMount().build();
        Pod docsCopy = PodCopyPlannerTest.docsSeedCopy().build();
        List<Container> containers = new java.util.ArrayList<>(docsCopy.getSpec().getContainers());
        containers.set(0, held);
        Pod want = new PodBuilder(docsCopy)
                .editMetadata().addToAnnotations("sharepid.io/held",
                        "{\"nginx\":{\"command\":[\"nginx\"],\"args\":[\"-g\",\"daemon off;\"]}}").endMetadata()
                .editSpec().withInitContainers(copier).withContainers(containers)
                .addNewVolume().withName("sharepid-hold").withNewEmptyDir().endEmptyDir().endVolume().endSpec().build();
        assertSamePod(plan.copy(), want);
        assertThat(plan.notes()).containsExactly(NOTE);
    }

    @Test
    void held_withoutACommandInTheSpec_saysItWasTheImagesEntrypoint() {
        Fixtures.SpecBuilder spec = new Fixtures.SpecBuilder();
        spec.apps = new AppContainers(false, false, false, false, List.of("shell"));

        Plan plan = PodCopyPlanner.plan(Fixtures.docsSeedPod(), spec.build(), ctx());

        assertThat(plan.copy().getMetadata().getAnnotations()).containsEntry("sharepid.io/held", "{\"shell\":{}}");
        assertThat(plan.copy().getSpec().getInitContainers()).extracting(Container::getName)
                .containsExactly("sharepid-hold");
        assertThat(plan.notes()).singleElement().asString().contains("instead of its image's entrypoint (annotation");
    }

    @Test
    void holdingAContainerThePodDoesNotHave_isAUsageErrorNamingItsContainers() {
        Fixtures.SpecBuilder spec = new Fixtures.SpecBuilder();
        spec.apps = new AppContainers(false, false, false, true, List.of("migrate"));

        assertThatThrownBy(() -> PodCopyPlanner.plan(Fixtures.podWithInitContainer(), spec.build(), ctx()))
                .isInstanceOfSatisfying(SharepidException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(SharepidException.USAGE))
                .hasMessage("--hold: pod api has no container \"migrate\"; its containers are api (init containers"
                        + " cannot be held)");
    }

    @Test
    void quoted_givesArgvBackAsAShellWouldReadIt() {
        assertThat(HeldContainers.quoted(List.of("sh", "-c", "exit 3", "it's", "a=b/c:d")))
                .isEqualTo("sh -c 'exit 3' 'it'\\''s' a=b/c:d");
    }
}
