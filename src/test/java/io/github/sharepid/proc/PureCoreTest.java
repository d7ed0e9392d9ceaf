package io.github.sharepid.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keeps proc/ and output/ pure: no dependency on cli/ or kube/, no console, file, process or network I/O. */
class PureCoreTest {
    private static final List<String> FORBIDDEN = List.of("import io.github.sharepid.cli",
            "import io.github.sharepid.kube", "System.out", "System.err", "java.io.File", "java.nio.file",
            "java.net.", "ProcessBuilder", "Runtime.");

    @ParameterizedTest
    @ValueSource(strings = {"proc", "output"})
    void mainSources_useNoForbiddenPackageOrIo(String pkg) throws IOException {
        Path dir = Path.of("src/main/java/io/github/sharepid", pkg);
        List<Path> sources;
        try (Stream<Path> files = Files.list(dir)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }

        assertThat(sources).isNotEmpty();
        for (Path source : sources) {
            String text = Files.readString(source);
            assertThat(FORBIDDEN).as(source.toString()).noneMatch(text::contains);
        }
    }
}
