package io.github.sharepid.kube;

import io.github.sharepid.failure.SharepidException;

/**
 * An exec whose command could not even start: the container has no such executable (no {@code sh} in a
 * distroless image, or none on its {@code PATH}). Nothing ran, so the caller may try another container.
 */
public final class CommandNotFound extends SharepidException {
    public CommandNotFound(String message) {
        super(FAILURE, message);
    }
}
