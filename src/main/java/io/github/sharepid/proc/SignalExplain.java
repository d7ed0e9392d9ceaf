package io.github.sharepid.proc;

import io.github.sharepid.proc.SignalResult;

/** One line that says why a signal did not arrive, and what would make it work. */
public final class SignalExplain {
    private SignalExplain() {
    }

    public static String why(SignalResult r, String execContainer) {
        return switch (r.outcome()) {
            case GONE -> "PID " + r.pid() + ": no such process (it exited, or it is not in this pod)";
            case CHANGED -> "PID " + r.pid() + ": the process exited and its PID now belongs to another one; nothing was sent";
            case FAIL -> r.detail().contains("not permitted")
                    ? "PID " + r.pid() + ": permission denied: signalling another container's process needs the same"
                    + " UID as that process or CAP_KILL in container " + execContainer + " (a copy made with"
                    + " --profile general or sysadmin runs as root with CAP_KILL; restricted drops all capabilities)"
                    : "PID " + r.pid() + ": " + r.detail();
            default -> "PID " + r.pid() + ": " + r.outcome();
        };
    }
}
