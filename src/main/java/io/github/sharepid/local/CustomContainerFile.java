package io.github.sharepid.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.github.sharepid.failure.SharepidException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads the file of {@code debug --custom FILE}: a partial core/v1 Container in JSON or YAML (JSON is YAML),
 * parsed with the Jackson YAML reader fabric8 brings, strictly: a field the Container type does not have is a
 * usage error naming it, where fabric8's model alone would keep it aside in {@code additionalProperties} and
 * the API server would drop it without a word.
 */
public final class CustomContainerFile {
    public static final String FLAG = "--custom";

    private static final ObjectMapper STRICT = YAMLMapper.builder()
            .annotationIntrospector(new NoAnySetter())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CustomContainerFile() {
    }

    /** The container the file describes; a usage error (one line) if it cannot be read or is not one. */
    public static Container read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw SharepidException.usage(FLAG + " " + file + ": no such file");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw SharepidException.usage(FLAG + " " + file + ": cannot read it: " + SharepidException.oneLine(e.getMessage()));
        }
        return parse(text, file.toString());
    }

    /** {@code text} as a container; {@code name} says where it came from in error messages. */
    static Container parse(String text, String name) {
        try {
            JsonNode tree = STRICT.readTree(text);
            if (tree == null || !tree.isObject()) {
                throw SharepidException.usage(FLAG + " " + name + ": expected the fields of a container"
                        + " (a JSON or YAML object such as {\"env\": [...]})");
            }
            return STRICT.treeToValue(tree, Container.class);
        } catch (UnrecognizedPropertyException e) {
            throw SharepidException.usage(FLAG + " " + name + ": unknown field \"" + path(e) + "\" (not a field of a"
                    + " container)");
        } catch (JsonMappingException e) {
            throw SharepidException.usage(FLAG + " " + name + ": field \"" + path(e) + "\": " + SharepidException.oneLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw SharepidException.usage(FLAG + " " + name + ": not valid JSON or YAML: " + SharepidException.oneLine(e.getOriginalMessage()));
        }
    }

    /** E.g. {@code securityContext.capabilities.add} or {@code env[0].nmae}. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    /** fabric8's model keeps unknown fields through a JSON any-setter; without it Jackson names them. */
    private static final class NoAnySetter extends JacksonAnnotationIntrospector {
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean hasAnySetter(Annotated a) {
            return Boolean.FALSE;
        }
    }
}
