package io.github.sharepid.output;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.github.sharepid.proc.ProcessInfo;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code -o json|yaml} document of {@code ps}, with a fixed field order so scripts can rely on it:
 * {@code {pod, namespace, processes: [{pid, ppid, container, uid, user, ...}]}}, instants in ISO-8601.
 */
final class PsDocument {
    @JsonPropertyOrder({"pod", "namespace", "processes"})
    record Document(String pod, String namespace, List<Row> processes) {
    }

    /** One process; {@code uid} is null when unknown, {@code command} is the escaped display form. */
    @JsonPropertyOrder({"pid", "ppid", "container", "uid", "user", "state", "stat", "cpuSeconds", "rssKiB",
        "start", "elapsedSeconds", "command", "args"})
    record Row(int pid, int ppid, String container, Long uid, String user, String state, String stat,
               double cpuSeconds, long rssKiB, String start, long elapsedSeconds, String command,
               List<String> args) {
        static Row of(ProcessInfo p) {
            return new Row(p.pid(), p.ppid(), p.container(), p.uid() < 0 ? null : p.uid(), p.user(), p.state(),
                    p.stat(), p.cpuSeconds(), p.rssKiB(), p.start().toString(), p.elapsedSeconds(), p.command(),
                    p.args());
        }
    }

    private PsDocument() {
    }

    /** Indented like {@code kubectl -o json}: four spaces, {@code "key": value}, arrays one element a line. */
    static String json(String pod, String namespace, List<ProcessInfo> processes) {
        DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("").withArrayEmptySeparator(""))
                .withObjectIndenter(indenter).withArrayIndenter(indenter);
        return write(new ObjectMapper().writer(printer), pod, namespace, processes) + "\n";
    }

    /**
     * Block style like {@code kubectl -o yaml}: no {@code ---}, no folded lines, quotes only where a YAML 1.1
     * reader would otherwise take a string for something else (see {@link Quoting}).
     */
    static String yaml(String pod, String namespace, List<ProcessInfo> processes) {
        YAMLFactory factory = YAMLFactory.builder().stringQuotingChecker(new Quoting())
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build();
        return write(new YAMLMapper(factory).writer(), pod, namespace, processes);
    }

    /**
     * Jackson's checker (reserved words such as {@code yes}, {@code ~}, indicators such as {@code ": "}) plus
     * anything that starts like a number: YAML 1.1 reads {@code 101}, {@code 0x1f}, {@code 1:30} and
     * {@code 2026-11-22T14:28:50Z} as numbers or timestamps.
     */
    static final class Quoting extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;
        private static final Pattern NUMBER_LIKE =
                Pattern.compile("[-+]?\\.?[0-9].*|[-+]?\\.(?:inf|Inf|INF|nan|NaN|NAN)", Pattern.DOTALL);

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || NUMBER_LIKE.matcher(value).matches();
        }
    }

    private static String write(ObjectWriter writer, String pod, String namespace,
                                List<ProcessInfo> processes) {
        try {
            return writer.writeValueAsString(new Document(pod, namespace, processes.stream().map(Row::of).toList()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
