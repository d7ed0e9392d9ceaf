package io.github.sharepid.krew;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Reads the YAML files of the release tooling; tests run with the repository root as working directory. */
final class Manifests {
    static final Path COMMITTED = Path.of("plugin.yaml");
    static final Path TEMPLATE = Path.of("krew/plugin.yaml.tmpl");
    static final Path GENERATOR = Path.of("krew/generate-manifest.sh");
    static final Path WORKFLOW = Path.of(".github/workflows/release.yml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    static ObjectNode read(Path file) {
        try {
            return (ObjectNode) YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
