package io.github.sharepid.app;

import io.github.sharepid.proc.Attribution;
import io.github.sharepid.proc.ContainerFilter;
import io.github.sharepid.proc.FirstReading;
import io.github.sharepid.proc.ProcParser;
import io.github.sharepid.proc.ProcSnapshot;
import io.github.sharepid.proc.ProcessInfo;
import io.github.sharepid.proc.TopSample;
import io.github.sharepid.proc.TopScript;
import java.util.List;

/**
 * {@code top}: samples of a shared pod's processes, each one exec of {@link TopScript} (two readings of /proc
 * and the interval between them, all measured in the pod), run where {@code ps} runs. The first sample resolves
 * the pod like ps does; later ones reuse that target.
 */
public final class ProcessTop {
    private final ProcessTable table;

    public ProcessTop(ProcessTable table) {
        this.table = table;
    }

    /**
     * @param container only this container's processes (and its line), or null
     * @param interval  seconds between the two readings, as sent ({@code 1}, {@code 0.5})
     */
    public record Request(String container, String interval, TopSample.Sort sort) {
    }

    /** One sample and where it was read; pass the target to {@link #next}. */
    public record Sample(ToolSite target, TopSample sample) {
    }

    public Sample first(ToolPod pod, Request request) {
        SiteLookup.Judged<byte[]> raw = table.readRaw(pod, TopScript.argv(request.interval()));
        return new Sample(raw.target(), sample(raw.result(), raw.target(), request));
    }

    public Sample next(ToolSite target, Request request) {
        return new Sample(target, sample(table.readRaw(target, TopScript.argv(request.interval())), target, request));
    }

    private static TopSample sample(byte[] raw, ToolSite target, Request request) {
        ProcSnapshot second = ProcParser.parse(raw);
        List<ProcessInfo> rows = ContainerFilter.select(
                Attribution.attribute(second, target.pod(), target.execContainer()), target.pod(), request.container());
        return TopSample.of(FirstReading.parse(raw), second, rows, target.pod(), request.sort());
    }
}
