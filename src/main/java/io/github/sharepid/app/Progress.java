package io.github.sharepid.app;

/**
 * Where a use case says what it is doing (stderr material, never data): the command line prints it
 * unless {@code -q}; tests collect it.
 */
@FunctionalInterface
public interface Progress {
    void say(String line);
}
