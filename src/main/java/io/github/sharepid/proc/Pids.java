package io.github.sharepid.proc;

import io.github.sharepid.failure.SharepidException;

/** A PID as the user typed it. */
public final class Pids {
    private Pids() {
    }

    /** A positive decimal number up to the kernel's limit, else a usage error. */
    public static int parse(String text) {
        if (text == null || !text.matches("[0-9]{1,7}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 4194304) {
            throw SharepidException.usage("\"" + text + "\" is not a PID (a whole number from 1 to 4194304)");
        }
        return Integer.parseInt(text);
    }
}
