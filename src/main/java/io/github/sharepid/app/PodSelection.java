package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.PodSelections;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Resolves {@code TYPE/NAME} and {@code -l SELECTOR} into the running pods they select: one GET of the workload
 * for its selector (not for {@code -l}), then one LIST of pods. Pods that are not running (or are being deleted)
 * are said on stderr as skipped, with their phase; none left is a FAILURE naming the selector.
 */
public final class PodSelection {
    /** A {@code TYPE/NAME} ({@code kind} and {@code name}) or a {@code selector} (the others null). */
    public record Request(PodSelections.Kind kind, String name, String selector, boolean allNamespaces) {
        public static Request workload(PodSelections.Kind kind, String name) {
            return new Request(kind, name, null, false);
        }

        public static Request selector(String selector, boolean allNamespaces) {
            return new Request(null, null, selector, allNamespaces);
        }
    }

    /** One selected pod, as listed (the pod object comes with it). */
    public record Member(String namespace, String name, Pod pod) {
        static final Comparator<Member> ORDER = Comparator.comparing(Member::namespace).thenComparing(Member::name);
    }

    /** The running pods, by namespace then name; {@code allNamespaces} as requested. */
    public record Selected(List<Member> pods, boolean allNamespaces) {
    }

    private final PodSelections selections;
    private final String namespace;
    private final Progress progress;

    public PodSelection(PodSelections selections, String namespace, Progress progress) {
        this.selections = selections;
        this.namespace = namespace;
        this.progress = progress;
    }

    public Selected resolve(Request request) {
        String selector = request.kind() == null ? request.selector()
                : selections.selectorOf(namespace, request.kind(), request.name());
        String where = request.allNamespaces() ? null : namespace;
        String described = (request.kind() == null ? "-l " + selector
                : request.kind().singular() + "/" + request.name() + " (selector " + selector + ")")
                + (where == null ? " in any namespace" : " in namespace " + where);
        List<Member> running = new ArrayList<>();
        List<Member> listed = selections.select(where, selector).stream()
                .map(p -> new Member(p.getMetadata().getNamespace(), p.getMetadata().getName(), p))
                .sorted(Member.ORDER).toList();
        for (Member m : listed) {
            String phase = phase(m.pod());
            if (phase == null) {
                running.add(m);
            } else {
                progress.warn("skipped pod " + label(m, request.allNamespaces()) + ": " + phase);
            }
        }
        if (listed.isEmpty()) {
            throw SharepidException.failure("no pod matches " + described);
        }
        if (running.isEmpty()) {
            throw SharepidException.failure("none of the " + listed.size() + " pods selected by " + described
                    + " is running");
        }
        return new Selected(List.copyOf(running), request.allNamespaces());
    }

    /** {@code ns/name} when namespaces vary, else the name. */
    public static String label(Member m, boolean allNamespaces) {
        return allNamespaces ? m.namespace() + "/" + m.name() : m.name();
    }

    /** Null for a running pod; else why it is skipped: its phase, or Terminating. */
    private static String phase(Pod pod) {
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            return "Terminating";
        }
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Running".equals(phase) ? null : phase == null ? "Unknown" : phase;
    }
}
