package io.github.sharepid.cli;

import io.github.sharepid.app.CopiesCatalogue;
import io.github.sharepid.app.Progress;
import io.github.sharepid.output.CopyPrinter;
import io.github.sharepid.output.CopyRow;
import io.github.sharepid.output.OutputFormat;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kubectl sharepid list}: the debug copies (pods labelled managed-by=kubectl-sharepid). */
@Command(name = "list", mixinStandardHelpOptions = true, abbreviateSynopsis = true, aliases = "ls", sortOptions = false, usageHelpAutoWidth = true,
        description = "List the debug copies: name, source pod, debug container, age, phase.",
        footer = {"%nExamples:",
            "  kubectl sharepid list",
            "  kubectl sharepid list -A -o json | jq -r '.copies[] | select(.phase != \"Running\") | .name'"})
public class ListCommand implements Callable<Integer> {
    @Option(names = {"-A", "--all-namespaces"}, description = "List copies in all namespaces.")
    boolean allNamespaces;

    @Mixin
    OutputFlags output;

    private final Io io;
    private final Progress progress;
    private final Opener<CopiesCatalogue> copies;

    ListCommand(Io io, Progress progress, Opener<CopiesCatalogue> copies) {
        this.io = io;
        this.progress = progress;
        this.copies = copies;
    }

    @Override
    public Integer call() {
        output.requireOneOf(OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML);
        try (Opener.Opened<CopiesCatalogue> catalogue = copies.open()) {
            List<CopyRow> rows = catalogue.use().list(allNamespaces);
            CopyPrinter.print(io.out(), rows, output.format, output.noHeaders, allNamespaces, Instant.now());
            io.out().flush();
            if (rows.isEmpty() && !output.structured()) {
                progress.say("no debug copies in "
                        + (allNamespaces ? "any namespace" : "namespace " + catalogue.use().namespace()));
            }
            return 0;
        }
    }
}
