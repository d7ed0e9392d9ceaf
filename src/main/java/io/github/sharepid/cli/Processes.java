package io.github.sharepid.cli;

import io.github.sharepid.SharepidException;
import io.github.sharepid.kube.KubeContext;

/** Process lookups shared by ps, signal and peek-root. */
final class Processes {
    private Processes() {
    }

    /** A PID as the user typed it: a positive decimal number, else a usage error. */
    static long parsePid(String text) {
        if (text == null || !text.matches("[0-9]{1,10}") || Long.parseLong(text) < 1 || Long.parseLong(text) > 4194304) {
            throw SharepidException.usage("\"" + text + "\" is not a PID (a whole number from 1 to 4194304)");
        }
        return Long.parseLong(text);
    }

    static long mainPid(KubeContext kube, SharedPod shared, String container) {
        throw SharepidException.failure("-c is not wired yet");
    }
}
