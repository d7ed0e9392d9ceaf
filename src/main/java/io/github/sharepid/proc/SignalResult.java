package io.github.sharepid.proc;

/**
 * What the signal script did with one target.
 *
 * @param pid    the target's PID; 0 for a target the script refused as invalid
 * @param detail for {@link Outcome#FAIL} the error text of {@code kill} (e.g. {@code sh: can't kill pid 8:
 *               Operation not permitted}), else empty
 */
public record SignalResult(int pid, Outcome outcome, String detail) {
    /** The outcomes the script reports. */
    public enum Outcome {
        /** The signal was delivered. */
        OK,
        /** No such process (before or during the kill). */
        GONE,
        /** The PID now belongs to a different process (start time differs); nothing was sent. */
        CHANGED,
        /** Dry run: the process exists, nothing was sent. */
        DRY,
        /** {@code kill} failed, see {@link #detail()}. */
        FAIL
    }
}
