package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.EphemeralContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.github.sharepid.kube.EphemeralContainers;
import java.util.ArrayList;
import java.util.List;

/**
 * Ephemeral containers in memory: {@link #add} appends the container to the pod held by {@link FakePods}, with a
 * running status (so {@link FakeWaits} finds it started); every call is written to {@link #calls}
 * ({@code "dryRunAdd ns/pod/name"}). {@link #refusal} makes both calls throw it, as RBAC or admission would.
 * {@link #raceLostOn} makes that call lose a race: another call's container of the same name appears in the pod
 * first (with {@link #winnerStatus}, or no status yet) and the server's answer is {@link #raceAnswer}.
 */
final class FakeEphemeral implements EphemeralContainers {
    private final FakePods pods;
    final List<String> calls = new ArrayList<>();
    final List<EphemeralContainer> added = new ArrayList<>();
    RuntimeException refusal;
    /** Like a server before Kubernetes 1.23: a container is accepted only without a securityContext. */
    boolean noSecurityContext;
    /** "dryRunAdd" or "add": the call that loses a race, once; null for none. */
    String raceLostOn;
    ContainerStatus winnerStatus;
    String raceAnswer = "409 Conflict";

    FakeEphemeral(FakePods pods) {
        this.pods = pods;
    }

    @Override
    public EphemeralContainer dryRunAdd(String namespace, String pod, EphemeralContainer container) {
        record("dryRunAdd", namespace, pod, container);
        return noSecurityContext ? new EphemeralContainerBuilder(container).withSecurityContext(null).build()
                : container;
    }

    @Override
    public Pod add(String namespace, String pod, EphemeralContainer container) {
        record("add", namespace, pod, container);
        added.add(container);
        Pod now = new PodBuilder(pods.pods.get(namespace + "/" + pod))
                .editSpec().addToEphemeralContainers(container).endSpec()
                .editStatus().addToEphemeralContainerStatuses(SamplePods.running(container.getName(),
                        SamplePods.TOOLS_ID)).endStatus()
                .build();
        pods.with(now);
        return now;
    }

    private void record(String verb, String namespace, String pod, EphemeralContainer container) {
        calls.add(verb + " " + namespace + "/" + pod + "/" + container.getName());
        if (refusal != null) {
            throw refusal;
        }
        if (verb.equals(raceLostOn)) {
            raceLostOn = null;
            PodBuilder won = new PodBuilder(pods.pods.get(namespace + "/" + pod))
                    .editSpec().addToEphemeralContainers(container).endSpec();
            if (winnerStatus != null) {
                won.editStatus().addToEphemeralContainerStatuses(winnerStatus).endStatus();
            }
            pods.with(won.build());
            throw new EphemeralContainers.NameTaken(container.getName(), raceAnswer);
        }
    }
}
