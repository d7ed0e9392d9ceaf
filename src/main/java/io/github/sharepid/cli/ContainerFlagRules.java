package io.github.sharepid.cli;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.plan.SpecParsing;
import io.github.sharepid.plan.TargetUser;

/**
 * The checks and defaults that {@code debug} and the tool commands' {@code --ephemeral} flags share, written
 * once: {@code --target} names a container, {@code --image} is not empty, and {@code --as-target-user} /
 * {@code --run-as} become one {@link TargetUser.Request}; the default profile and wait.
 */
final class ContainerFlagRules {
    /** {@code --profile} when not given. */
    static final String DEFAULT_PROFILE = "general";
    /** {@code --timeout} when not given. */
    static final String DEFAULT_TIMEOUT = "2m";

    private ContainerFlagRules() {
    }

    /** {@code --target}, if given, must be a container name. */
    static void checkTarget(String target) {
        if (target != null) {
            SpecParsing.validateContainerName(target, "--target");
        }
    }

    /** {@code --image}, if given, must not be blank. */
    static void checkImage(String image) {
        if (image != null && image.isBlank()) {
            throw SharepidException.usage("--image must not be empty");
        }
    }

    /** {@code --as-target-user}, {@code --target}, {@code --run-as} as one request; null when neither user flag is given. */
    static TargetUser.Request targetUser(boolean asTargetUser, String target, String runAs) {
        if (!asTargetUser && runAs == null) {
            return null;
        }
        return new TargetUser.Request(asTargetUser, target, runAs == null ? null : TargetUser.parse(runAs, "--run-as"));
    }
}
