package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.plan.EphemeralPlanner;
import io.github.sharepid.proc.FileRows;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * ps, signal, peek-root, ports, files and top over the pods a {@code TYPE/NAME} or {@code -l} selects: each pod gets the single-pod
 * use case, unchanged (its own tool target, its own PID-reuse guard), through {@link FanOut}; results come back
 * one per pod, in pod order.
 */
public final class Replicas {
    /**
     * {@code targets}: what each pod's {@link ToolSites} needs (its pod read answered from the LIST, see
     * {@link ListedPod}).
     */
    public record Ports(PodSelection selection, ToolSites.Ports targets, FanOut fanOut, Progress progress) {
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
                m -> table(m).list(podOf(m, template), container));
    }

    /** Each pod's sockets and their owners ({@link PodActivity#ports}). */
    public List<FanOut.Outcome<PodActivity.Ports>> ports(PodSelection.Selected selected, ToolPod template,
                                                         boolean all, FanOut.Options options) {
        warnEphemeral(selected, template);
        return ports.fanOut().run(selected.pods(), options, m -> new PodActivity(table(m)).ports(podOf(m, template), all));
    }

    /** Each pod's descriptors as {@code selection} picks them ({@link PodActivity#files}). */
    public List<FanOut.Outcome<PodActivity.Files>> files(PodSelection.Selected selected, ToolPod template,
                                                         FileRows.Selection selection, FanOut.Options options) {
        warnEphemeral(selected, template);
        return ports.fanOut().run(selected.pods(), options,
                m -> new PodActivity(table(m)).files(podOf(m, template), selection));
    }

    /** Each pod's first {@code top} sample, its target resolved as ps resolves it. */
    public List<FanOut.Outcome<ProcessTop.Sample>> top(PodSelection.Selected selected, ToolPod template,
                                                       ProcessTop.Request request, FanOut.Options options) {
        warnEphemeral(selected, template);
        return ports.fanOut().run(selected.pods(), options, m -> new ProcessTop(table(m)).first(podOf(m, template), request));
    }

    /**
     * The next sample of each pod whose last one succeeded, on the same target; a pod that failed keeps its
     * failure and is not asked again. Same order as {@code last}.
     */
    public List<FanOut.Outcome<ProcessTop.Sample>> topNext(List<FanOut.Outcome<ProcessTop.Sample>> last,
                                                           ProcessTop.Request request, FanOut.Options options) {
        Map<PodSelection.Member, ToolSite> targets = new HashMap<>();
        last.stream().filter(FanOut.Outcome::ok).forEach(o -> targets.put(o.pod(), o.result().target()));
        if (targets.isEmpty()) {
            return last;
        }
        List<PodSelection.Member> again = last.stream().filter(FanOut.Outcome::ok).map(FanOut.Outcome::pod).toList();
        Iterator<FanOut.Outcome<ProcessTop.Sample>> next = ports.fanOut().run(again, options,
                m -> new ProcessTop(table(m)).next(targets.get(m), request)).iterator();
        return last.stream().map(o -> o.ok() ? next.next() : o).toList();
    }

    /** {@code template}'s pod is replaced by each selected pod's. */
    public List<FanOut.Outcome<SignalSender.Report>> signal(PodSelection.Selected selected,
                                                            SignalSender.Request template, FanOut.Options options) {
        warnEphemeral(selected, template.pod());
        return ports.fanOut().run(selected.pods(), options, m -> new SignalSender(table(m),
                ports.targets().exec()).send(template.forPod(podOf(m, template.pod()))));
    }

    /** Each pod's file (or listing); with {@code checksum}, only its SHA-256 and size, hashed as it arrives. */
    public List<FanOut.Outcome<Peeked>> peek(PodSelection.Selected selected, PeekRoot.Request template,
                                             boolean checksum, FanOut.Options options) {
        warnEphemeral(selected, template.pod());
        return ports.fanOut().run(selected.pods(), options, m -> {
            PeekRoot peek = new PeekRoot(table(m), ports.targets().exec(), ports.progress());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            HashingStream hash = new HashingStream();
            PeekRoot.Result result = peek.read(template.forPod(podOf(m, template.pod())), checksum ? hash : bytes);
            return new Peeked(result, checksum ? null : bytes.toByteArray(),
                    checksum && result.listing() == null ? hash.checksum() : null);
        });
    }

    /**
     * {@code peek-root --follow} in every pod at once: each pod's lines go to {@code stdout} whole, after its prefix
     * ({@code [pod/NAME/CONTAINER] }, the container as given with -c; {@code [pod/NAME] } with a PID); ends when every
     * pod's has ended. Every pod runs at once, whatever the bound: a follow holds its exec until it ends.
     */
    public List<FanOut.Outcome<PeekRoot.Result>> follow(PodSelection.Selected selected, PeekRoot.Request template,
                                                        OutputStream stdout, FanOut.Options options) {
        warnEphemeral(selected, template.pod());
        FanOut.Options all = new FanOut.Options(Math.max(options.maxConcurrency(), selected.pods().size()),
                options.failFast());
        return ports.fanOut().run(selected.pods(), all, m -> {
            String prefix = "[pod/" + PodSelection.label(m, selected.allNamespaces())
                    + (template.container() != null ? "/" + template.container() : "") + "] ";
            try (PrefixedLines lines = new PrefixedLines(stdout, prefix)) {
                return new PeekRoot(table(m), ports.targets().exec(), ports.progress())
                        .read(template.forPod(podOf(m, template.pod())), lines);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The single-pod use cases' process table for {@code m}, in its namespace, its GET answered by the LIST. */
    private ProcessTable table(PodSelection.Member m) {
        ToolSites.Ports p = ports.targets();
        ToolSites.Ports listed = new ToolSites.Ports(new ListedPod(p.pods(), m), p.exec(), p.lookups(), p.waits(),
                p.ephemeral());
        return new ProcessTable(new ToolSites(listed, m.namespace(), ports.progress()), p.exec());
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
