package io.github.sharepid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The layering the style guide asks for, checked on the sources: the pure core (plan/, proc/) and the
 * printers never reach into the CLI or the fabric8 client, and only kube/ touches the client.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/io/github/sharepid");

    @ParameterizedTest(name = "{0}/ does not import {1}")
    @CsvSource({
        "plan, io.github.sharepid.cli",
        "plan, io.github.sharepid.kube",
        "plan, io.fabric8.kubernetes.client",
        "proc, io.github.sharepid.cli",
        "proc, io.github.sharepid.kube",
        "proc, io.fabric8.kubernetes.client",
        "output, io.github.sharepid.cli",
        "output, io.github.sharepid.kube",
        "output, io.fabric8.kubernetes.client",
        "cli, io.fabric8.kubernetes.client",
    })
    void layer_doesNotImport(String layer, String forbidden) throws IOException {
        assertThat(importsOf(MAIN.resolve(layer))).noneMatch(i -> i.startsWith(forbidden));
    }

    @ParameterizedTest(name = "{0}/ does no I/O")
    @CsvSource({"plan", "proc"})
    void pureCore_doesNoIo(String layer) throws IOException {
        assertThat(importsOf(MAIN.resolve(layer)))
                .noneMatch(i -> i.startsWith("java.nio.file") || i.startsWith("java.net") || i.equals("java.io.File")
                        || i.startsWith("java.io.FileInputStream") || i.startsWith("java.io.FileOutputStream"));
    }

    private static List<String> importsOf(Path dir) throws IOException {
        assertThat(dir).isDirectory();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(ArchitectureTest::lines)
                    .filter(l -> l.startsWith("import "))
                    .map(l -> l.replaceFirst("^import (static )?", "").replace(";", "").strip())
                    .toList();
        }
    }

    private static Stream<String> lines(Path f) {
        try {
            return Files.readAllLines(f).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
