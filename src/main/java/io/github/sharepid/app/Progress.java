package io.github.sharepid.app;

/**
 * Where a use case says what it is doing (stderr material, never data): the command line prints it
 * unless {@code -q}; tests collect it.
 */
@FunctionalInterface
public interface Progress {
    void say(String line);

    /**
     * What must be said even under {@code -q}: a change to a live pod that cannot be undone (an ephemeral
     * container). Tests that collect lines get it like any other.
     */
    default void warn(String line) {
        say(line);
    }
}
