package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.kube.Exec;
import io.github.sharepid.plan.EphemeralPlanner;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Function;

/**
 * ps, signal and peek-root over the pods a {@code TYPE/NAME} or {@code -l} selects: each pod gets the single-pod
 * use case, unchanged (its own tool target, its own PID-reuse guard), through {@link FanOut}; results come back
 * one per pod, in pod order.
 */
public final class Replicas {
    /** {@code tables}: the process table of a namespace (targets are resolved per namespace). */
    public record Ports(PodSelection selection, Function<String, ProcessTable> tables, Exec exec, FanOut fanOut,
                        Progress progress) {
    }

    /** A file's bytes from one pod (checksum null), or only its SHA-256 and size; or a listing ({@code result}). */
    public record Peeked(PeekRoot.Result result, byte[] bytes, Checksum checksum) {
    }

    /** A file's SHA-256 (hex) and size in bytes, hashed here as it streams from the pod. */
    public record Checksum(String sha256, long size) {
    }

    private final Ports ports;

    public Replicas(Ports ports) {
        this.ports = ports;
    }

    /** The running pods {@code request} selects ({@link PodSelection}). */
    public PodSelection.Selected select(PodSelection.Request request) {
        return ports.selection().resolve(request);
    }

    public List<FanOut.Outcome<ProcessTable.Listing>> ps(PodSelection.Selected selected, ToolPod template,
                                                         String container, FanOut.Options options) {
        warnEphemeral(selected, template);
        return ports.fanOut().run(selected.pods(), options,
                m -> ports.tables().apply(m.namespace()).list(podOf(m, template), container));
    }

    /** {@code template}'s pod is replaced by each selected pod's. */
    public List<FanOut.Outcome<SignalSender.Report>> signal(PodSelection.Selected selected,
                                                            SignalSender.Request template, FanOut.Options options) {
        warnEphemeral(selected, template.pod());
        return ports.fanOut().run(selected.pods(), options, m -> new SignalSender(ports.tables().apply(m.namespace()),
                ports.exec()).send(template.forPod(podOf(m, template.pod()))));
    }

    /** Each pod's file (or listing); with {@code checksum}, only its SHA-256 and size, hashed as it arrives. */
    public List<FanOut.Outcome<Peeked>> peek(PodSelection.Selected selected, PeekRoot.Request template,
                                             boolean checksum, FanOut.Options options) {
        warnEphemeral(selected, template.pod());
        return ports.fanOut().run(selected.pods(), options, m -> {
            PeekRoot peek = new PeekRoot(ports.tables().apply(m.namespace()), ports.exec(), ports.progress());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            HashingStream hash = new HashingStream();
            PeekRoot.Result result = peek.read(template.forPod(podOf(m, template.pod())), checksum ? hash : bytes);
            return new Peeked(result, checksum ? null : bytes.toByteArray(),
                    checksum && result.listing() == null ? hash.checksum() : null);
        });
    }

    private static ToolPod podOf(PodSelection.Member m, ToolPod template) {
        return new ToolPod(m.name(), template.execContainer(), template.ephemeral());
    }

    /**
     * With {@code --ephemeral}: how many of the selected pods will get a tools container for good, said even under
     * -q before any is added (a pod that has one of ours already reuses it).
     */
    private void warnEphemeral(PodSelection.Selected selected, ToolPod template) {
        if (template.ephemeral() == null) {
            return;
        }
        List<String> lacking = selected.pods().stream().filter(m -> !hasTools(m.pod()))
                .map(m -> PodSelection.label(m, selected.allNamespaces())).toList();
        if (!lacking.isEmpty()) {
            ports.progress().warn("--ephemeral will add a tools container to " + lacking.size() + " of "
                    + selected.pods().size() + " pods (" + String.join(", ", lacking) + "): this changes each of them"
                    + " for good, the API cannot remove an ephemeral container");
        }
    }

    private static boolean hasTools(Pod pod) {
        return pod.getSpec().getEphemeralContainers() != null && pod.getSpec().getEphemeralContainers().stream()
                .anyMatch(c -> EphemeralPlanner.isTools(c.getName()));
    }
}
