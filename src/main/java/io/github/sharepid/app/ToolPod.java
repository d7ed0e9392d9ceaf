package io.github.sharepid.app;

import io.github.sharepid.plan.Profile;
import io.github.sharepid.plan.TargetUser;
import java.time.Duration;

/**
 * The {@code POD} of ps, signal and peek-root and how the tools reach its processes: in {@code --exec-container},
 * in an ephemeral tools container ({@code --ephemeral}), or, with neither, in a copy's debug container or the
 * first of a live pod's containers that can run them ({@link ToolSites}).
 *
 * @param execContainer the container named with --exec-container, or null
 * @param ephemeral     what --ephemeral asks for, or null
 */
public record ToolPod(String name, String execContainer, Ephemeral ephemeral) {
    /** A pod reached without --ephemeral. */
    public static ToolPod of(String name, String execContainer) {
        return new ToolPod(name, execContainer, null);
    }

    /**
     * An ephemeral tools container: its image and profile, the container whose process namespace it joins
     * ({@code --target}, null for none), how long to wait for it to run, and the user it runs as
     * ({@code --as-target-user}, {@code --run-as}; null for the profile's).
     */
    public record Ephemeral(String image, Profile profile, String target, Duration timeout, TargetUser.Request runAs) {
        /** Without --as-target-user or --run-as: the profile decides the user. */
        public Ephemeral(String image, Profile profile, String target, Duration timeout) {
            this(image, profile, target, timeout, null);
        }
    }
}
