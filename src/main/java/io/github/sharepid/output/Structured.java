package io.github.sharepid.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.PrintWriter;
import java.util.Map;

/** {@code -o json} and {@code -o yaml}: one document from ordered maps, so field order is stable. */
public final class Structured {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private Structured() {
    }

    /** Prints {@code doc} as {@code format} ("json" or "yaml"). */
    public static void print(PrintWriter out, Map<String, ?> doc, String format) {
        try {
            if (format.equals("json")) {
                out.println(JSON.writeValueAsString(doc));
            } else {
                out.print(YAML.writeValueAsString(doc));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + format, e);
        }
    }
}
