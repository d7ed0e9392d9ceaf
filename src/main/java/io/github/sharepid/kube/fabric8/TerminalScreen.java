package io.github.sharepid.kube.fabric8;

import io.github.sharepid.kube.Screen;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;

/**
 * {@link Screen} on the local terminal: {@link RawTerminal} (no echo, keys one by one, Ctrl-C a key), the
 * alternate screen with the cursor hidden while open (as {@code top} does), and everything put back on close or,
 * should the JVM be stopped by a signal, by a shutdown hook. A daemon thread reads the keys.
 */
final class TerminalScreen implements Screen {
    private static final String ENTER = "\033[?1049h\033[?25l";
    private static final String LEAVE = "\033[?25h\033[?1049l";
    private static final int CTRL_C = 3;
    private static final int CTRL_D = 4;

    private final RawTerminal terminal;
    private final PrintWriter out;
    private final CountDownLatch quit = new CountDownLatch(1);
    private final Thread leaveHook = new Thread(this::leave, "sharepid-screen-restore");
    private List<String> shown = List.of();
    private boolean left;

    private TerminalScreen(RawTerminal terminal) {
        this.terminal = terminal;
        this.out = terminal.writer();
        Runtime.getRuntime().addShutdownHook(leaveHook);
        out.print(ENTER);
        out.flush();
        terminal.onResize(this::redraw);
        Thread keys = new Thread(this::readKeys, "sharepid-screen-keys");
        keys.setDaemon(true);
        keys.start();
    }

    /** A screen when both stdin and stdout are terminals. */
    static Optional<Screen> open() {
        if (!Terminals.stdinIsTerminal() || !Terminals.stdoutIsTerminal()) {
            return Optional.empty();
        }
        return Optional.of(new TerminalScreen(RawTerminal.open()));
    }

    private void readKeys() {
        InputStream in = terminal.input();
        try {
            for (int key = in.read(); key >= 0; key = in.read()) {
                if (key == 'q' || key == 'Q' || key == CTRL_C || key == CTRL_D) {
                    break;
                }
            }
        } catch (IOException e) {
            // the terminal went away: nothing more to read, so quit as for q
        }
        quit.countDown();
    }

    @Override
    public synchronized void show(List<String> lines) {
        shown = List.copyOf(lines);
        redraw();
    }

    private synchronized void redraw() {
        if (left) {
            return;
        }
        Size size = terminal.size();
        StringBuilder frame = new StringBuilder("\033[H");
        int rows = Math.min(shown.size(), size.getRows());
        for (int i = 0; i < rows; i++) {
            String line = shown.get(i);
            int cut = line.offsetByCodePoints(0, Math.min(line.codePointCount(0, line.length()), size.getColumns()));
            frame.append(line, 0, cut).append("\033[K");
            if (i < rows - 1) {
                frame.append("\r\n");
            }
        }
        out.print(frame.append("\033[J"));
        out.flush();
    }

    @Override
    public boolean quitRequested() {
        return quit.getCount() == 0;
    }

    @Override
    public boolean awaitQuit(long millis) throws InterruptedException {
        return quit.await(millis, TimeUnit.MILLISECONDS);
    }

    private synchronized void leave() {
        if (!left) {
            left = true;
            out.print(LEAVE);
            out.flush();
        }
    }

    @Override
    public void close() {
        leave();
        try {
            Runtime.getRuntime().removeShutdownHook(leaveHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs (leave is idempotent)
        }
        terminal.close();
    }
}
