package io.github.sharepid.proc;

/**
 * One process to signal: its PID and, when known from a listing, its start time in clock ticks
 * (stat field 22) so the script can refuse a PID that has since been reused.
 *
 * @param startTicks the expected start time, or -1 to signal whatever process has the PID now
 */
public record GuardedPid(int pid, long startTicks) {
    public GuardedPid {
        if (pid < 1) {
            throw new IllegalArgumentException("PID must be positive: " + pid);
        }
    }

    public static GuardedPid pid(int pid) {
        return new GuardedPid(pid, -1);
    }

    /** Guarded by the listed process's start time. */
    public static GuardedPid of(ProcessInfo process) {
        return new GuardedPid(process.pid(), process.startTicks());
    }

    /** {@code PID} or {@code PID:STARTTIME}, the form the script takes. */
    String toArgument() {
        return startTicks < 0 ? Integer.toString(pid) : pid + ":" + startTicks;
    }
}
