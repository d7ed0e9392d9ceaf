package io.github.sharepid.pod;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.failure.SharepidException;

/**
 * Refuses, before anything is created, a source pod whose copy could not serve as a debug session: one
 * being deleted, one that has Succeeded (its work is done; a copy would only run it again), and one the
 * scheduler has found no node for (the copy keeps its node selection, so it would be unschedulable too).
 * A Failed pod is allowed: reproducing the failure under observation is what a copy is for.
 */
public final class SourcePodCheck {
    private SourcePodCheck() {
    }

    /** Throws a failure (exit 1) naming why {@code source} cannot be copied; returns when it can. */
    public static void requireCopyable(Pod source) {
        String name = source.getMetadata().getName();
        if (source.getMetadata().getDeletionTimestamp() != null) {
            throw SharepidException.failure("pod \"" + name + "\" is being deleted (since "
                    + source.getMetadata().getDeletionTimestamp() + "); nothing was created");
        }
        String phase = source.getStatus() == null ? null : source.getStatus().getPhase();
        if ("Succeeded".equals(phase)) {
            throw SharepidException.failure("pod \"" + name + "\" has finished (Succeeded): no process is left to"
                    + " share and a copy would run its work again; nothing was created");
        }
        PodStates.unschedulable(source).ifPresent(why -> {
            throw SharepidException.failure("pod \"" + name + "\" cannot be scheduled (" + why
                    + "); its copy keeps the same node selection and would not be either; nothing was created");
        });
    }
}
