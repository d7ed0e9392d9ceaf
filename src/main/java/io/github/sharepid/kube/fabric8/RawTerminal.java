package io.github.sharepid.kube.fabric8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.function.BiConsumer;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Attributes.OutputFlag;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The local terminal in raw mode for the length of an attach session: every key, Ctrl-C included,
 * goes to the remote shell; resizes are forwarded. The saved attributes are restored on close and,
 * should the JVM be stopped by a signal meanwhile, by a shutdown hook.
 */
final class RawTerminal implements AutoCloseable {
    private final Terminal terminal;
    private final Attributes saved;
    private final Thread restoreHook;
    private boolean restored;

    private RawTerminal(Terminal terminal) {
        this.terminal = terminal;
        this.saved = terminal.getAttributes();
        this.restoreHook = new Thread(this::restore, "sharepid-terminal-restore");
        Runtime.getRuntime().addShutdownHook(restoreHook);
        terminal.setAttributes(raw(saved));
    }

    static RawTerminal open() {
        try {
            Terminal t = TerminalBuilder.builder()
                    .system(true)
                    .nativeSignals(true)
                    .signalHandler(Terminal.SignalHandler.SIG_DFL)
                    .build();
            return new RawTerminal(t);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal", e);
        }
    }

    /** cfmakeraw(3): no echo, no line editing, no signal keys, no output processing. */
    private static Attributes raw(Attributes from) {
        Attributes a = new Attributes(from);
        a.setInputFlags(EnumSet.of(InputFlag.IGNBRK, InputFlag.BRKINT, InputFlag.PARMRK, InputFlag.ISTRIP,
                InputFlag.INLCR, InputFlag.IGNCR, InputFlag.ICRNL, InputFlag.IXON), false);
        a.setOutputFlag(OutputFlag.OPOST, false);
        a.setLocalFlags(EnumSet.of(LocalFlag.ECHO, LocalFlag.ECHONL, LocalFlag.ICANON, LocalFlag.ISIG,
                LocalFlag.IEXTEN), false);
        a.setControlChar(ControlChar.VMIN, 1);
        a.setControlChar(ControlChar.VTIME, 0);
        return a;
    }

    InputStream input() {
        return terminal.input();
    }

    /** The terminal's own output (raw: lines end in CR LF). */
    java.io.PrintWriter writer() {
        return terminal.writer();
    }

    /** Columns and rows; 80x24 for a pty nobody sized. */
    Size size() {
        Size size = terminal.getSize();
        return size.getColumns() <= 0 || size.getRows() <= 1 ? new Size(80, 24) : size;
    }

    /** Calls {@code resized} whenever the local window changes size. */
    void onResize(Runnable resized) {
        terminal.handle(Terminal.Signal.WINCH, s -> resized.run());
    }

    /** Calls {@code resize(columns, rows)} whenever the local window changes size. */
    void onResize(BiConsumer<Integer, Integer> resize) {
        terminal.handle(Terminal.Signal.WINCH, s -> send(resize, terminal.getSize()));
    }

    /**
     * Sends the size twice, one row short first, so the remote tty sees a change and its shell redraws
     * the prompt it printed before we attached (otherwise the first prompt would be lost).
     */
    void nudgeSize(BiConsumer<Integer, Integer> resize) {
        Size size = terminal.getSize();
        if (size.getColumns() <= 0 || size.getRows() <= 1) {
            size = new Size(80, 24); // a pty nobody sized (script(1) without a terminal): use the classic size
        }
        resize.accept(size.getColumns(), size.getRows() - 1);
        resize.accept(size.getColumns(), size.getRows());
    }

    private static void send(BiConsumer<Integer, Integer> resize, Size size) {
        if (size.getColumns() > 0 && size.getRows() > 0) {
            resize.accept(size.getColumns(), size.getRows());
        }
    }

    private synchronized void restore() {
        if (!restored) {
            restored = true;
            terminal.setAttributes(saved);
            terminal.flush();
        }
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(restoreHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs (restore is idempotent)
        }
        try {
            terminal.close();
        } catch (IOException e) {
            // attributes are restored; a failure to release the terminal handle changes nothing for the user
        }
    }
}
