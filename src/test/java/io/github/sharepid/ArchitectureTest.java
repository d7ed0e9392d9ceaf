package io.github.sharepid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The arrows of the layout (README, Development), checked on the source text: imports and fully qualified
 * names count alike (comments and string literals do not). {@code cli → app → (plan, pod, proc, output,
 * local, kube ports)}; only {@code kube/fabric8} touches the fabric8 client; {@code training/} (the stand-in
 * API server of the launcher's training run) stands apart, reached only from {@code cli/}'s training classes,
 * which only the training entry point {@code Train} reaches. {@code Main} and {@code Train} are composition
 * roots and {@code nativeimage/} a build-time Feature: they stand outside the runtime arrows (the Feature's own
 * test checks it).
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/io/github/sharepid");
    private static final String US = "io.github.sharepid.";
    private static final String CLIENT = "io.fabric8.kubernetes.client";
    private static final String IO = "java.nio.file|java.net|java.io.File|java.io.FileInputStream"
            + "|java.io.FileOutputStream|java.io.RandomAccessFile|java.lang.ProcessBuilder";

    @ParameterizedTest(name = "{0}/ does not reach {1}")
    @CsvSource(delimiter = ';', value = {
        // the pure core: no I/O, nothing above it
        "plan   ; " + US + "app|" + US + "cli|" + US + "kube|" + US + "local|" + CLIENT + "|" + IO,
        "pod    ; " + US + "app|" + US + "cli|" + US + "kube|" + US + "local|" + CLIENT + "|" + IO,
        "proc   ; " + US + "app|" + US + "cli|" + US + "kube|" + US + "local|" + CLIENT + "|" + IO,
        "output ; " + US + "app|" + US + "cli|" + US + "kube|" + US + "local|" + CLIENT + "|" + IO,
        "text   ; " + US + "app|" + US + "cli|" + US + "kube|" + US + "local|" + CLIENT + "|" + IO,
        "failure; " + US + "app|" + US + "cli|" + US + "kube|" + US + "local|" + CLIENT + "|" + IO,
        // the use cases: ports, never the adapters, the client or the command line
        "app    ; " + US + "cli|" + US + "kube.fabric8|" + CLIENT,
        // the local disk: nothing above it, no cluster
        "local  ; " + US + "app|" + US + "cli|" + US + "kube|" + CLIENT,
        // the ports: no client, nothing above them
        "kube   ; " + US + "app|" + US + "cli|" + US + "local|" + CLIENT,
        // the command line: use cases and ports, never an adapter, never a fabric8 type (see cli/package-info)
        "cli    ; " + US + "kube.fabric8|io.fabric8",
        // the training run's stand-in API server: the other side of the wire, so nothing of the client side (README,
        // Development); it answers with proc/'s scripts and may do I/O (it is a loopback server)
        "training; " + US + "app|" + US + "cli|" + US + "kube|" + US + "local|" + US + "plan|" + US + "pod|"
                + US + "output|io.fabric8",
    })
    void layer_doesNotReach(String layer, String forbidden) {
        Pattern reach = Pattern.compile("\\b(" + forbidden.replace(".", "\\.") + ")\\b");
        Path dir = MAIN.resolve(layer.strip());
        List<String> hits = sources(dir)
                .filter(f -> layer.strip().equals("kube") ? !f.startsWith(dir.resolve("fabric8")) : true)
                .flatMap(f -> matches(f, reach))
                .toList();
        assertThat(hits).as("%s/ must not use %s", layer.strip(), forbidden).isEmpty();
    }

    /** The adapters are the only code that talks to the fabric8 client. */
    @ParameterizedTest(name = "only kube/fabric8/ uses the fabric8 client, not {0}")
    @CsvSource({"app", "cli", "kube", "local", "output", "plan", "pod", "proc", "text", "failure", "training"})
    void fabric8Client_onlyInTheAdapters(String layer) {
        Path dir = MAIN.resolve(layer);
        Path adapters = MAIN.resolve("kube/fabric8");
        List<String> hits = sources(dir).filter(f -> !f.startsWith(adapters))
                .flatMap(f -> matches(f, Pattern.compile("\\b" + Pattern.quote(CLIENT) + "\\b")))
                .toList();
        assertThat(hits).isEmpty();
    }

    /** The training run's stand-in server is the other side of the wire: only cli/'s training classes start it. */
    @ParameterizedTest(name = "{0}/ does not reach training/")
    @CsvSource({"app", "kube", "local", "output", "plan", "pod", "proc", "text", "failure"})
    void training_onlyFromTheCommandLine(String layer) {
        Pattern reach = Pattern.compile("\\b" + Pattern.quote(US + "training") + "\\b");
        assertThat(sources(MAIN.resolve(layer)).flatMap(f -> matches(f, reach)).toList()).isEmpty();
    }

    /**
     * The native image is built from Main: nothing Main reaches may name the training code, so the image holds
     * none of it (issue #17). Only Train (its own entry point) reaches cli.Training, and only Training and
     * ClusterTraining reach training/.
     */
    @org.junit.jupiter.api.Test
    void trainingCode_isReachedOnlyFromItsOwnEntryPoint() {
        Set<String> allowed = Set.of("Train.java", "Training.java", "ClusterTraining.java");
        Pattern reach = Pattern.compile("\\b(" + Pattern.quote(US + "training") + "|Training|ClusterTraining|Train)\\b");
        List<String> hits = Stream.concat(sources(MAIN.resolve("cli")), Stream.of(MAIN.resolve("Main.java")))
                .filter(f -> !allowed.contains(f.getFileName().toString()))
                .flatMap(f -> matches(f, reach)).toList();
        assertThat(hits).isEmpty();
    }

    /** The arrows are only as good as the list of layers: a new top-level package must be placed in them. */
    @org.junit.jupiter.api.Test
    void everyPackage_isALayerThisTestKnows() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN)) {
            assertThat(dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList())
                    .containsExactly("app", "cli", "failure", "kube", "local", "nativeimage", "output", "plan", "pod",
                            "proc", "text", "training");
        }
    }

    private static Stream<Path> sources(Path dir) {
        assertThat(dir).isDirectory();
        try {
            return Files.walk(dir).filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every use of {@code reach} in {@code file}'s code (comments and literals removed), as "File: name". */
    private static Stream<String> matches(Path file, Pattern reach) {
        try {
            Matcher m = reach.matcher(codeOnly(Files.readString(file)));
            return m.results().map(r -> file.getFileName() + ": " + r.group()).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source without text blocks, string and char literals, and comments. */
    static String codeOnly(String source) {
        return source.replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"")
                .replaceAll("\"(\\\\.|[^\"\\\\\\n])*\"", "\"\"")
                .replaceAll("'(\\\\.|[^'\\\\\\n])+'", "' '")
                .replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("//[^\\n]*", " ");
    }
}
