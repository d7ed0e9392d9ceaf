package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.plan.EphemeralPlanner;
import java.util.function.Supplier;

/**
 * {@code debug POD --ephemeral}: the debug shell as an ephemeral container of the live pod instead of a copy,
 * attached with the same terminal. The same checks as for a copy come first (Pod Security level, then a
 * server-side dry run of the write), the user is told once that the pod's spec changes for good, and the shell's
 * exit code is the command's. Nothing is deleted afterwards: the API cannot remove an ephemeral container.
 */
record EphemeralShell(DebugSession.Ports ports, String namespace, Progress progress, Supplier<String> suffixes) {
    /** {@code target}: the container whose process namespace the shell joins, or null. */
    DebugSession.Outcome run(DebugSession.Request request, String target) {
        AdmissionCheck admission = AdmissionCheck.begin(ports.lookups(), ports.pods(), namespace);
        Pod pod = ports.pods().get(namespace, request.pod());
        String name = pod.getMetadata().getName();
        EphemeralTools.requireRunningPod(pod);
        EphemeralPlanner.Planned planned = EphemeralPlanner.shell(pod.getSpec(), name, suffixes.get(), request.spec(),
                target);
        String container = planned.container().getName();
        planned.notes().forEach(n -> progress.say("note: " + n));
        if (!Boolean.TRUE.equals(pod.getSpec().getShareProcessNamespace())) {
            progress.say("note: pod " + name + " does not share its process namespace: " + (target == null
                    ? "without --target the shell sees only its own processes"
                    : "the shell sees only the processes of container " + target));
        }
        admission.requireLevel(request.spec().profile());
        EphemeralContainer accepted = EphemeralTools.admitted(ports.ephemeral(), namespace, name,
                planned.container(), request.spec().profile(), progress);
        progress.warn(EphemeralTools.caveat(container, accepted.getImage(), name));
        Pod added = ports.ephemeral().add(namespace, name, accepted);
        ports.waits().awaitRunning(added, container, request.timeout(), progress::say);
        if (!request.attach()) {
            progress.say("attach with: kubectl attach -it " + name + " -c " + container + " -n " + namespace);
            return new DebugSession.Outcome(container, 0);
        }
        return new DebugSession.Outcome(container, new AttachedShell(ports, namespace, name, container, "the pod",
                request, progress).run(() -> { }));
    }
}
