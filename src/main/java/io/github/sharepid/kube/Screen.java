package io.github.sharepid.kube;

import java.util.List;
import java.util.Optional;

/**
 * The local terminal as a full screen that an interactive command ({@code top}) redraws in place: lines are cut to
 * its width and height, redrawn when it is resized, and the terminal is restored on close (also when the JVM is
 * stopped by a signal). Keys: {@code q} or Ctrl-C ask to quit.
 */
public interface Screen extends AutoCloseable {
    /** Opens screens; {@link #open} is empty when stdin or stdout is not a terminal. */
    @FunctionalInterface
    interface Opener {
        Optional<Screen> open();
    }

    /** Replaces what the screen shows; kept to redraw after a resize. */
    void show(List<String> lines);

    /** True once the user pressed {@code q} or Ctrl-C. */
    boolean quitRequested();

    /** Waits up to {@code millis} for a quit key; true when one was pressed. */
    boolean awaitQuit(long millis) throws InterruptedException;

    @Override
    void close();
}
