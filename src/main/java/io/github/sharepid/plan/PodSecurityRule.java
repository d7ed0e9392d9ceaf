package io.github.sharepid.plan;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a namespace's Pod Security Admission level ({@code pod-security.kubernetes.io/enforce}) admits
 * the debug container of a {@link Profile}, and if not, which profile would. Pure: the caller reads the
 * label, so that {@code debug} can refuse before it creates anything. Only what the profile itself adds is
 * judged (the copied containers were admitted with the source pod); the server-side dry run catches the rest.
 *
 * <p>The rule, from the Pod Security Standards: {@code privileged} admits everything; {@code baseline}
 * forbids privileged containers and capabilities beyond the default set (SYS_PTRACE is not in it), so it
 * refuses general, netadmin and sysadmin; {@code restricted} also requires non-root, no privilege escalation, all
 * capabilities dropped and a seccomp profile, which only the restricted profile sets.
 */
public final class PodSecurityRule {
    /** The namespace label Pod Security Admission enforces. */
    public static final String ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";
    private static final String NET_CAPABILITIES = "adds NET_ADMIN and NET_RAW";

    private PodSecurityRule() {
    }

    /**
     * Why namespace {@code namespace}, enforcing {@code level} (null or unknown: nothing to judge), would
     * reject {@code profile}'s debug container, with the profile to use instead; empty if it would pass.
     */
    public static Optional<String> rejection(String namespace, String level, Profile profile) {
        String enforced = level == null ? "" : level.strip().toLowerCase(Locale.ROOT);
        String reason = switch (enforced) {
            case "baseline" -> switch (profile) {
                case GENERAL -> "adds SYS_PTRACE";
                case SYSADMIN -> "is privileged";
                case NETADMIN -> NET_CAPABILITIES;
                default -> null;
            };
            case "restricted" -> switch (profile) {
                case GENERAL -> "adds SYS_PTRACE";
                case SYSADMIN -> "is privileged";
                case NETADMIN -> NET_CAPABILITIES;
                case BASELINE -> "may run as root and keeps the default capabilities";
                case RESTRICTED -> null;
            };
            default -> null;
        };
        if (reason == null) {
            return Optional.empty();
        }
        Profile instead = enforced.equals("baseline") ? Profile.BASELINE : Profile.RESTRICTED;
        return Optional.of("namespace " + namespace + " enforces pod-security \"" + enforced + "\": profile "
                + profile + " " + reason + "; use --profile " + instead);
    }
}
