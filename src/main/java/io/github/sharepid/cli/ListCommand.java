package io.github.sharepid.cli;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.kube.KubeContext;
import io.github.sharepid.output.CopyPrinter;
import io.github.sharepid.output.CopyRow;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code kubectl sharepid list}: the debug copies (pods labelled managed-by=kubectl-sharepid). */
@Command(name = "list", mixinStandardHelpOptions = true, abbreviateSynopsis = true, aliases = "ls", sortOptions = false, usageHelpAutoWidth = true,
        description = "List the debug copies: name, source pod, debug container, age, phase.",
        footer = {"%nExamples:",
            "  kubectl sharepid list",
            "  kubectl sharepid list -A -o json | jq -r '.copies[] | select(.phase != \"Running\") | .name'"})
public class ListCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Option(names = {"-A", "--all-namespaces"}, description = "List copies in all namespaces.")
    boolean allNamespaces;

    @Mixin
    OutputFlags output;

    @Override
    public Integer call() {
        output.requireOneOf("table", "json", "yaml");
        try (KubeContext kube = root.connect()) {
            List<Pod> pods = kube.pods().listManaged(allNamespaces ? null : kube.namespace());
            List<CopyRow> rows = pods.stream()
                    .map(CopyRows::of)
                    .sorted(Comparator.comparing(CopyRow::namespace).thenComparing(CopyRow::name))
                    .toList();
            CopyPrinter.print(root.io().out(), rows, output.format, output.noHeaders, allNamespaces, Instant.now());
            root.io().out().flush();
            if (rows.isEmpty() && !output.structured()) {
                root.progress("no debug copies in " + (allNamespaces ? "any namespace" : "namespace " + kube.namespace()));
            }
            return 0;
        }
    }
}
