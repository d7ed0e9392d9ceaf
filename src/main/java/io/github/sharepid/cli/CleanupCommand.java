package io.github.sharepid.cli;

import io.github.sharepid.app.CopiesCatalogue;
import io.github.sharepid.app.Progress;
import io.github.sharepid.text.Durations;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.output.CopyRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

    private final Io io;
    private final Progress progress;
    private final Opener<CopiesCatalogue> copies;

    CleanupCommand(Io io, Progress progress, Opener<CopiesCatalogue> copies) {
        this.io = io;
        this.progress = progress;
        this.copies = copies;
    }

    @Override
    public Integer call() {
        Duration minAge = olderThan == null ? null : Durations.parse(olderThan, "--older-than");
        if (names.isEmpty() && !all && minAge == null) {
            throw SharepidException.usage("name the copies to delete, or use --all or --older-than");
        }
        if (!names.isEmpty() && (all || allNamespaces)) {
            throw SharepidException.usage("give copy names or --all, not both");
        }
        try (Opener.Opened<CopiesCatalogue> catalogue = copies.open()) {
            List<CopyRow> doomed = catalogue.use().cleanup(
                    new CopiesCatalogue.Cleanup(names, allNamespaces, minAge, dryRun, Instant.now()), c -> {
                        io.out().println(allNamespaces ? c.namespace() + "/" + c.name() : c.name());
                        io.out().flush();
                    });
            progress.say((dryRun ? "would delete " : "deleted ") + doomed.size() + " debug "
                    + (doomed.size() == 1 ? "copy" : "copies"));
            return 0;
        }
    }
}
