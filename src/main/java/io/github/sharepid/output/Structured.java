package io.github.sharepid.output;

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
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * {@code -o json} and {@code -o yaml} for every command, written the way kubectl writes them; field
 * order comes from the document (records with {@code @JsonPropertyOrder}, or ordered maps).
 */
public final class Structured {
    private Structured() {
    }

    /** {@code doc} as {@code format}: JSON or YAML text. */
    public static String format(Object doc, OutputFormat format) {
        return format == OutputFormat.JSON ? json(doc) : yaml(doc);
    }

    /** Prints {@code doc} as {@code format}: JSON or YAML. */
    public static void print(PrintWriter out, Object doc, OutputFormat format) {
        out.print(format == OutputFormat.JSON ? json(doc) : yaml(doc));
    }

    /** Indented like {@code kubectl -o json}: four spaces, {@code "key": value}, arrays one element a line. */
    static String json(Object doc) {
        DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("").withArrayEmptySeparator(""))
                .withObjectIndenter(indenter).withArrayIndenter(indenter);
        return write(new ObjectMapper().writer(printer), doc) + "\n";
    }

    /**
     * Block style like {@code kubectl -o yaml}: no {@code ---}, no folded lines, quotes only where a YAML 1.1
     * reader would otherwise take a string for something else (see {@link Quoting}).
     */
    static String yaml(Object doc) {
        YAMLFactory factory = YAMLFactory.builder().stringQuotingChecker(new Quoting())
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build();
        return write(new YAMLMapper(factory).writer(), doc);
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

    private static String write(ObjectWriter writer, Object doc) {
        try {
            return writer.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
