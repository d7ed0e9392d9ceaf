package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Lookups;
import io.github.sharepid.kube.Pods;
import io.github.sharepid.plan.PodSecurityRule;
import io.github.sharepid.plan.Profile;

/**
 * What {@code debug} asks before it creates the copy, so that a refusal leaves nothing behind: the
 * namespace's Pod Security level against the profile (a clear "use --profile X" when it is known to fail),
 * then a server-side dry run of the very create, which reports RBAC, admission webhooks and policies as one
 * line. A namespace the user may not read is no reason to stop: the dry run still judges the pod.
 */
final class AdmissionCheck {
    private AdmissionCheck() {
    }

    static void require(Lookups lookups, Pods pods, String namespace, Profile profile, Pod copy) {
        String level = lookups.namespaceLabels(namespace).map(l -> l.get(PodSecurityRule.ENFORCE_LABEL)).orElse(null);
        PodSecurityRule.rejection(namespace, level, profile).ifPresent(why -> {
            throw SharepidException.failure(why);
        });
        pods.dryRunCreate(copy);
    }
}
