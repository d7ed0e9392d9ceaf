package io.github.sharepid.plan;

import java.util.List;

/**
 * What happens to the source pod's own containers in the copy, after kubectl debug's {@code --keep-*} flags:
 * which probes they keep (none by default, so a paused or broken app is not killed or hidden by them), whether
 * the init containers stay, and which containers are held (run a command that only waits instead of theirs).
 *
 * @param keepLiveness       keep the liveness probes ({@code --keep-liveness})
 * @param keepReadiness      keep the readiness probes ({@code --keep-readiness})
 * @param keepStartup        keep the startup probes ({@code --keep-startup})
 * @param keepInitContainers keep the init containers, native sidecars included ({@code --keep-init-containers})
 * @param hold               app containers that wait instead of running their command ({@code --hold})
 */
public record AppContainers(boolean keepLiveness, boolean keepReadiness, boolean keepStartup,
        boolean keepInitContainers, List<String> hold) {
    /** kubectl's defaults: no probes, init containers kept, nothing held. */
    public static final AppContainers DEFAULT = new AppContainers(false, false, false, true, List.of());

    public AppContainers {
        hold = List.copyOf(hold);
    }
}
