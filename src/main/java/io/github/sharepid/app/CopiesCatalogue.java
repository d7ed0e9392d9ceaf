package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Pods;
import io.github.sharepid.output.CopyRow;
import io.github.sharepid.pod.CopyMarks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The debug copies: {@code list} reads them, {@code cleanup} deletes them, and only ever pods that carry
 * the managed-by label. Every named pod is checked before anything is deleted.
 */
public final class CopiesCatalogue {
    /** Seconds a deleted copy's containers get to stop. */
    static final long GRACE_SECONDS = 1;

    private final Pods pods;
    private final String namespace;
    private final Function<Throwable, SharepidException> explain;

    /**
     * {@code explain}: the user-facing form of a client failure, or null when it is a bug (the error handler's):
     * a failed delete is reported inside the line that says what was deleted, so it is translated here.
     */
    public CopiesCatalogue(Pods pods, String namespace, Function<Throwable, SharepidException> explain) {
        this.pods = pods;
        this.namespace = namespace;
        this.explain = explain;
    }

    public String namespace() {
        return namespace;
    }

    /** The copies in this namespace, or in all of them; sorted by namespace and name. */
    public List<CopyRow> list(boolean allNamespaces) {
        return pods.listManaged(allNamespaces ? null : namespace).stream()
                .map(CopyRows::of)
                .sorted(Comparator.comparing(CopyRow::namespace).thenComparing(CopyRow::name))
                .toList();
    }

    /** Named copies, or (names empty) every copy in this namespace or all of them; null minAge: any age. */
    public record Cleanup(List<String> names, boolean allNamespaces, Duration minAge, boolean dryRun, Instant now) {
        public Cleanup {
            names = List.copyOf(names);
        }
    }

    /**
     * Deletes (unless a dry run) what {@code request} selects, telling {@code deleted} about each; returns them.
     * A failed delete stops there, and its error says which copies were deleted and which are left.
     */
    public List<CopyRow> cleanup(Cleanup request, Consumer<CopyRow> deleted) {
        List<CopyRow> doomed = request.names().isEmpty() ? selected(request) : named(request);
        for (int i = 0; i < doomed.size(); i++) {
            CopyRow c = doomed.get(i);
            if (!request.dryRun()) {
                try {
                    pods.delete(c.namespace(), c.name(), GRACE_SECONDS);
                } catch (RuntimeException e) {
                    throw stopped(explained(e), doomed.subList(0, i), doomed.subList(i, doomed.size()));
                }
            }
            deleted.accept(c);
        }
        return doomed;
    }

    private RuntimeException explained(RuntimeException failure) {
        SharepidException known = SharepidException.within(failure) != null ? null : explain.apply(failure);
        return known != null ? known : failure;
    }

    /** The failure as it is when it was the one copy to delete; else it says which copies were deleted and which not. */
    private static RuntimeException stopped(RuntimeException failure, List<CopyRow> done, List<CopyRow> left) {
        if (done.isEmpty() && left.size() == 1) {
            return failure;
        }
        SharepidException known = SharepidException.within(failure);
        String why = SharepidException.oneLine(known != null ? known.getMessage() : String.valueOf(failure.getMessage()));
        return new SharepidException(known != null ? known.exitCode() : SharepidException.FAILURE, "could not delete "
                + left.get(0).name() + " (" + why + "); deleted: " + names(done) + "; not deleted: " + names(left), failure);
    }

    private static String names(List<CopyRow> rows) {
        return rows.isEmpty() ? "none" : String.join(", ", rows.stream().map(CopyRow::name).toList());
    }

    private List<CopyRow> selected(Cleanup request) {
        return pods.listManaged(request.allNamespaces() ? null : namespace).stream()
                .map(CopyRows::of)
                .filter(c -> oldEnough(c, request))
                .toList();
    }

    /** Checks every name first: a pod that is not a copy stops the whole command before any delete. */
    private List<CopyRow> named(Cleanup request) {
        List<CopyRow> rows = new ArrayList<>();
        for (String name : request.names()) {
            Pod pod = pods.get(namespace, name);
            Map<String, String> labels = pod.getMetadata().getLabels();
            if (labels == null || !CopyMarks.MANAGED_BY_VALUE.equals(labels.get(CopyMarks.MANAGED_BY_LABEL))) {
                throw SharepidException.failure("pod " + name + " in namespace " + namespace + " is not a kubectl-sharepid"
                        + " copy (no label " + CopyMarks.MANAGED_BY_LABEL + "=" + CopyMarks.MANAGED_BY_VALUE
                        + "); nothing was deleted");
            }
            CopyRow row = CopyRows.of(pod);
            if (oldEnough(row, request)) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static boolean oldEnough(CopyRow c, Cleanup request) {
        return request.minAge() == null
                || (c.created() != null && c.created().plus(request.minAge()).isBefore(request.now()));
    }
}
