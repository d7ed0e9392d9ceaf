package io.github.sharepid.plan;

/**
 * Security profiles for the debug container, after kubectl debug's: each says what the debug
 * container may do to its neighbours in the shared process namespace.
 */
public enum Profile {
    /** Adds SYS_PTRACE, as the docs page does: see, signal and read every container's processes. */
    GENERAL,
    /** No added capabilities; the container's own security context is cleared. */
    BASELINE,
    /** Non-root, no privilege escalation, all capabilities dropped, RuntimeDefault seccomp. */
    RESTRICTED,
    /** Privileged. */
    SYSADMIN
}
