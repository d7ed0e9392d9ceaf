package io.github.sharepid.kube.fabric8;

import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/** Whether the process's standard streams are terminals, asked of the OS through JLine. */
public final class Terminals {
    private Terminals() {
    }

    public static boolean stdinIsTerminal() {
        return isTerminal(SystemStream.Input);
    }

    public static boolean stdoutIsTerminal() {
        return isTerminal(SystemStream.Output);
    }

    private static boolean isTerminal(SystemStream stream) {
        for (String name : new String[] {"jni", "exec"}) {
            try {
                return TerminalProvider.load(name).isSystemStream(stream);
            } catch (Exception | LinkageError e) {
                // this provider is not usable here (no native library, no stty): try the next one
            }
        }
        return false;
    }
}
