package io.github.sharepid.cli;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.text.Durations;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.KubeContext;
import io.github.sharepid.pod.CopyMarks;
import io.github.sharepid.output.CopyRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kubectl sharepid cleanup}: deletes debug copies, and only ever pods that carry the
 * managed-by label. Every named pod is checked before anything is deleted.
 */
@Command(name = "cleanup", mixinStandardHelpOptions = true, abbreviateSynopsis = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Delete debug copies: the ones named, all of them (--all), or those older than a duration. Only pods labelled app.kubernetes.io/managed-by=kubectl-sharepid are ever deleted. Prints the deleted copies' names on stdout.",
        footer = {"%nExamples:",
            "  kubectl sharepid cleanup web-1-sharepid-x7k2p",
            "  kubectl sharepid cleanup --all --older-than 1h --dry-run"})
public class CleanupCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Parameters(paramLabel = "COPY", arity = "0..*", description = "Copies to delete.")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "Delete every copy in the namespace (with -A: in all namespaces).")
    boolean all;

    @Option(names = {"-A", "--all-namespaces"}, description = "With --all or --older-than: look in all namespaces.")
    boolean allNamespaces;

    @Option(names = "--older-than", paramLabel = "DURATION", description = "Only copies older than this, e.g. 1h.")
    String olderThan;

    @Option(names = "--dry-run", description = "Print what would be deleted; delete nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        Duration minAge = olderThan == null ? null : Durations.parse(olderThan, "--older-than");
        if (names.isEmpty() && !all && minAge == null) {
            throw SharepidException.usage("name the copies to delete, or use --all or --older-than");
        }
        if (!names.isEmpty() && (all || allNamespaces)) {
            throw SharepidException.usage("give copy names or --all, not both");
        }
        try (KubeContext kube = root.connect()) {
            List<CopyRow> doomed = names.isEmpty() ? selected(kube, minAge) : named(kube, minAge);
            for (CopyRow c : doomed) {
                if (!dryRun) {
                    kube.pods().delete(c.namespace(), c.name(), 1L);
                }
                root.io().out().println(allNamespaces ? c.namespace() + "/" + c.name() : c.name());
                root.io().out().flush();
            }
            root.progress((dryRun ? "would delete " : "deleted ") + doomed.size() + " debug "
                    + (doomed.size() == 1 ? "copy" : "copies"));
            return 0;
        }
    }

    private List<CopyRow> selected(KubeContext kube, Duration minAge) {
        Instant now = Instant.now();
        return kube.pods().listManaged(allNamespaces ? null : kube.namespace()).stream()
                .map(CopyRows::of)
                .filter(c -> oldEnough(c, minAge, now))
                .toList();
    }

    /** Checks every name first: a pod that is not a copy stops the whole command before any delete. */
    private List<CopyRow> named(KubeContext kube, Duration minAge) {
        String ns = kube.namespace();
        Instant now = Instant.now();
        List<CopyRow> rows = new ArrayList<>();
        for (String name : names) {
            Pod pod = kube.pods().get(ns, name);
            Map<String, String> labels = pod.getMetadata().getLabels();
            if (labels == null || !CopyMarks.MANAGED_BY_VALUE.equals(labels.get(CopyMarks.MANAGED_BY_LABEL))) {
                throw SharepidException.failure("pod " + name + " in namespace " + ns + " is not a kubectl-sharepid"
                        + " copy (no label " + CopyMarks.MANAGED_BY_LABEL + "=" + CopyMarks.MANAGED_BY_VALUE
                        + "); nothing was deleted");
            }
            CopyRow row = CopyRows.of(pod);
            if (oldEnough(row, minAge, now)) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static boolean oldEnough(CopyRow c, Duration minAge, Instant now) {
        return minAge == null || (c.created() != null && c.created().plus(minAge).isBefore(now));
    }
}
