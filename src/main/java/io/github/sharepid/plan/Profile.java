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
    SYSADMIN,
    /** Adds NET_ADMIN and NET_RAW, as kubectl's netadmin: network tools (tcpdump, ip, iptables) work. */
    NETADMIN;

    /** The profile named {@code text} (any case), or a usage error listing the valid names. */
    public static Profile parse(String text) {
        for (Profile p : values()) {
            if (p.name().equalsIgnoreCase(text)) {
                return p;
            }
        }
        throw io.github.sharepid.failure.SharepidException.usage("unknown profile \"" + text
                + "\"; valid: " + String.join(", ", names()));
    }

    /** Every profile's name, in the order of {@code --help}. */
    public static java.util.List<String> names() {
        return java.util.Arrays.stream(values()).map(Profile::toString).toList();
    }

    /** The name the user types: {@code general}, {@code baseline}, ... */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
