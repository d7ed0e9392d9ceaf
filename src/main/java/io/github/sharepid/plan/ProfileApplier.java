package io.github.sharepid.plan;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.github.sharepid.failure.SharepidException;
import java.util.ArrayList;
import java.util.List;

/**
 * The debug container's securityContext for each {@link Profile}, composed of small named steps as
 * kubectl's ProfileApplier is, so that what a profile grants can be read off one line.
 */
final class ProfileApplier {
    /** UID of "nobody": busybox runs as root, which a runAsNonRoot container may not. */
    static final long NOBODY = 65534L;

    /** One named change to the debug container's security settings; may explain itself in a note. */
    @FunctionalInterface
    interface Step {
        void apply(SecurityContextBuilder sc, PodSpec pod, List<String> notes);
    }

    /** The result: {@code securityContext} is null when the profile sets nothing. */
    record Applied(SecurityContext securityContext, List<String> notes) {}

    private ProfileApplier() {}

    static Applied apply(Profile profile, PodSpec pod) {
        return apply(profile, pod, null);
    }

    /** {@code runAs}: the user the debug container must run as ({@link TargetUser}), or null for the profile's. */
    static Applied apply(Profile profile, PodSpec pod, TargetUser.RunAs runAs) {
        SecurityContextBuilder sc = new SecurityContextBuilder();
        List<String> notes = new ArrayList<>();
        (runAs == null ? steps(profile) : steps(profile, runAs)).forEach(step -> step.apply(sc, pod, notes));
        SecurityContext built = sc.build();
        boolean untouched = built.equals(new SecurityContextBuilder().build());
        return new Applied(untouched ? null : built, List.copyOf(notes));
    }

    static List<Step> steps(Profile profile) {
        return switch (profile) {
            case GENERAL -> List.of(ProfileApplier::allowProcessTracing,
                    ProfileApplier::runAsRootDespitePodNonRoot, ProfileApplier::warnPodUserHasNoCapabilities);
            case BASELINE -> List.of(ProfileApplier::warnRootImageMayBeRefused);
            case RESTRICTED -> List.of(ProfileApplier::disallowRoot, ProfileApplier::runAsNobodyUnlessPodSetsUser,
                    ProfileApplier::disallowPrivilegeEscalation, ProfileApplier::dropAllCapabilities,
                    ProfileApplier::useRuntimeDefaultSeccomp, ProfileApplier::noteOwnUidOnly);
            case SYSADMIN -> List.of(ProfileApplier::setPrivileged,
                    ProfileApplier::runAsRootDespitePodNonRoot, ProfileApplier::warnPodUserHasNoCapabilities);
            case NETADMIN -> List.of(ProfileApplier::allowNetworkAdministration,
                    ProfileApplier::runAsRootDespitePodNonRoot, ProfileApplier::warnPodUserHasNoCapabilities);
        };
    }

    /**
     * The profile's steps with its choice of user replaced by {@code runAs}: the capabilities, escalation and
     * seccomp settings stay what the profile says.
     */
    static List<Step> steps(Profile profile, TargetUser.RunAs runAs) {
        Step user = runAs(runAs, profile);
        return switch (profile) {
            case GENERAL -> List.of(ProfileApplier::allowProcessTracing, user);
            case BASELINE -> List.of(user);
            case RESTRICTED -> List.of(ProfileApplier::disallowRoot, user, ProfileApplier::disallowPrivilegeEscalation,
                    ProfileApplier::dropAllCapabilities, ProfileApplier::useRuntimeDefaultSeccomp,
                    ProfileApplier::noteOwnUidOnly);
            case SYSADMIN -> List.of(ProfileApplier::setPrivileged, user);
            case NETADMIN -> List.of(ProfileApplier::allowNetworkAdministration, user);
        };
    }

    /**
     * Runs as {@code user}. Root under restricted is refused (its runAsNonRoot would keep the container from
     * starting); root asked for in a runAsNonRoot pod gets its own runAsNonRoot false, as general's root does.
     */
    static Step runAs(TargetUser.RunAs user, Profile profile) {
        return (sc, pod, notes) -> {
            if (user.uid() == 0L && profile == Profile.RESTRICTED) {
                throw SharepidException.usage("the target's user is root (UID 0), which --profile restricted refuses"
                        + " (runAsNonRoot); use --profile general, which reaches root's processes with SYS_PTRACE");
            }
            sc.withRunAsUser(user.uid());
            if (user.gid() != null) {
                sc.withRunAsGroup(user.gid());
            }
            if (user.uid() == 0L && pod.getSecurityContext() != null
                    && Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot())) {
                sc.withRunAsNonRoot(false);
            }
            if (user.uid() != 0L && profile != Profile.RESTRICTED) {
                notes.add("The debug container runs as " + user + ", the target's user: profile " + profile
                        + "'s capabilities are not effective for a non-root user, and none are needed to signal or"
                        + " read the processes of UID " + user.uid() + ".");
            }
        };
    }

    static void allowProcessTracing(SecurityContextBuilder sc, PodSpec pod, List<String> notes) {
        sc.editOrNewCapabilities().addToAdd("SYS_PTRACE").endCapabilities();
    }

    /** kubectl's netadmin: configure interfaces and firewalls (NET_ADMIN), capture packets (NET_RAW). */
    static void allowNetworkAdministration(SecurityContextBuilder sc, PodSpec pod, List<String> notes) {
        sc.editOrNewCapabilities().addToAdd("NET_ADMIN", "NET_RAW").endCapabilities();
    }

    static void setPrivileged(SecurityContextBuilder sc, PodSpec pod, List<String> notes) {
        sc.withPrivileged(true);
    }

    static void disallowRoot(SecurityContextBuilder sc, PodSpec pod, List<String> notes) {
        sc.withRunAsNonRoot(true);
    }

    /** A pod-level UID wins, unless it is root, which runAsNonRoot would refuse. */
    static void runAsNobodyUnlessPodSetsUser(SecurityContextBuilder sc, PodSpec pod, List<String> notes) {
        Long podUser = podRunAsUser(pod);
        if (podUser == null || podUser == 0L) {
            sc.withRunAsUser(NOBODY);
        }
    }

    static void disallowPrivilegeEscalation(SecurityContextBuilder sc, PodSpec pod, List<String> notes) {
        sc.withAllowPrivilegeEscalation(false);
    }

    static void dropAllCapabilities(SecurityContextBuilder sc, PodSpec pod, List<String> notes) {
        sc.editOrNewCapabilities().withDrop("ALL").endCapabilities();
    }

    static void useRuntimeDefaultSeccomp(SecurityContextBuilder sc, PodSpec pod, List<String> notes) {
        sc.withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile();
    }

    static void noteOwnUidOnly(SecurityContextBuilder sc, PodSpec pod, List<String> notes) {
        Long uid = sc.getRunAsUser() != null ? sc.getRunAsUser() : podRunAsUser(pod);
        notes.add("The restricted debug container runs as UID " + uid + " without capabilities: it lists every"
                + " process but can signal or inspect (/proc/PID/root, environ, fd) only those of UID " + uid + ".");
    }

    /** kubectl warns about this too: capabilities are not effective for a non-root shell. */
    static void warnPodUserHasNoCapabilities(SecurityContextBuilder sc, PodSpec pod, List<String> notes) {
        Long podUser = podRunAsUser(pod);
        if (podUser != null && podUser != 0L) {
            notes.add("The pod runs as UID " + podUser + " (spec.securityContext.runAsUser), so the debug shell does"
                    + " not get the capabilities of its profile and can only signal or inspect processes of that UID.");
        }
    }

    /**
     * general and sysadmin promise a root shell with capabilities; under a pod-level runAsNonRoot without
     * runAsUser a root image (busybox) would not even start (CreateContainerConfigError). So the debug
     * container alone is set to UID 0 with runAsNonRoot false, and a note says so; the application
     * containers keep the pod's settings. A user who wants the pod's rule kept chooses restricted.
     */
    static void runAsRootDespitePodNonRoot(SecurityContextBuilder sc, PodSpec pod, List<String> notes) {
        if (podNonRootWithoutUser(pod)) {
            sc.withRunAsNonRoot(false).withRunAsUser(0L);
            notes.add("The pod sets runAsNonRoot; the debug container alone runs as root (runAsUser 0,"
                    + " runAsNonRoot false) so that it starts with its profile's powers; --profile restricted keeps"
                    + " it non-root (UID " + NOBODY + ").");
        }
    }

    static void warnRootImageMayBeRefused(SecurityContextBuilder sc, PodSpec pod, List<String> notes) {
        if (podNonRootWithoutUser(pod)) {
            notes.add("The pod sets runAsNonRoot without runAsUser, so a debug image that runs as root (busybox does)"
                    + " will not start; use --profile=restricted, which runs it as UID " + NOBODY + ", or"
                    + " --profile=general, which runs it as root.");
        }
    }

    private static boolean podNonRootWithoutUser(PodSpec pod) {
        PodSecurityContext psc = pod.getSecurityContext();
        return psc != null && Boolean.TRUE.equals(psc.getRunAsNonRoot()) && psc.getRunAsUser() == null;
    }

    private static Long podRunAsUser(PodSpec pod) {
        return pod.getSecurityContext() == null ? null : pod.getSecurityContext().getRunAsUser();
    }
}
