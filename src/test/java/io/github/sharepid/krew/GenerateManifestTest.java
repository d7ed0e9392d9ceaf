package io.github.sharepid.krew;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** krew/generate-manifest.sh, run with bash as the release workflow runs it, on archives made here. */
class GenerateManifestTest {
    private static final String VERSION = "v1.2.3";

    @TempDir
    Path dir;

    @Test
    void generate_fillsEachPlatformWithItsArchiveChecksum() throws Exception {
        Map<String, String> sums = writeArchives(VERSION);
        Path out = dir.resolve("plugin.yaml");

        Run run = generate(VERSION, dir.toString(), out.toString());

        assertThat(run.exitCode).as(run.stderr).isZero();
        JsonNode manifest = Manifests.read(out);
        assertThat(KrewRules.violations(manifest)).isEmpty();
        assertThat(ReleaseConventions.violations(manifest)).isEmpty();
        assertThat(manifest.path("spec").path("version").asText()).isEqualTo(VERSION);
        Map<String, String> manifestSums = new LinkedHashMap<>();
        for (JsonNode p : manifest.path("spec").path("platforms")) {
            String uri = p.path("uri").asText();
            manifestSums.put(uri.substring(uri.lastIndexOf('/') + 1), p.path("sha256").asText());
        }
        assertThat(manifestSums).isEqualTo(sums);
        assertThat(Files.readString(out)).doesNotContain("${", "DRY RUN");
    }

    @Test
    void generate_withMissingArchive_failsNamingItAndWritesNothing() throws Exception {
        writeArchives(VERSION);
        Files.delete(dir.resolve("kubectl-sharepid_v1.2.3_darwin_arm64.tar.gz"));
        Path out = dir.resolve("plugin.yaml");
        Files.writeString(out, "previous manifest\n");

        Run run = generate(VERSION, dir.toString(), out.toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.stderr).startsWith("error: missing archive(s)").contains("kubectl-sharepid_v1.2.3_darwin_arm64.tar.gz");
        assertThat(Files.readString(out)).isEqualTo("previous manifest\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.startsWith("plugin.yaml."));
        }
    }

    @Test
    void generate_withArchivesOfAnotherVersion_fails() throws Exception {
        writeArchives("v1.2.2");

        Run run = generate(VERSION, dir.toString(), dir.resolve("plugin.yaml").toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.stderr).contains("kubectl-sharepid_v1.2.3_linux_amd64.tar.gz");
        assertThat(dir.resolve("plugin.yaml")).doesNotExist();
    }

    @Test
    void generate_withVersionWithoutV_isUsageError() throws Exception {
        writeArchives("1.2.3");

        Run run = generate("1.2.3", dir.toString(), dir.resolve("plugin.yaml").toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("'1.2.3' is not semver with a leading v");
    }

    @Test
    void generate_dryRun_marksTheManifest() throws Exception {
        writeArchives(VERSION);
        Path out = dir.resolve("plugin.yaml");

        Run run = generate("--dry-run", VERSION, dir.toString(), out.toString());

        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(Files.readString(out)).startsWith("# DRY RUN:");
        assertThat(KrewRules.violations(Manifests.read(out))).isEmpty();
    }

    @Test
    void committedManifest_isTheGeneratorsOutput_butForChecksums() throws Exception {
        String committed = Files.readString(Manifests.COMMITTED);
        String version = Manifests.read(Manifests.COMMITTED).path("spec").path("version").asText();
        writeArchives(version);
        Path out = dir.resolve("plugin.yaml");
        List<String> args = new ArrayList<>(List.of(version, dir.toString(), out.toString()));
        if (committed.startsWith("# DRY RUN")) {
            args.add(0, "--dry-run");
        }

        Run run = generate(args.toArray(String[]::new));

        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(withoutChecksums(committed))
                .as("plugin.yaml was edited by hand or krew/plugin.yaml.tmpl changed since: run krew/dry-run.sh")
                .isEqualTo(withoutChecksums(Files.readString(out)));
    }

    private Map<String, String> writeArchives(String version) throws IOException, NoSuchAlgorithmException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (var p : ReleaseConventions.RELEASED) {
            String name = "kubectl-sharepid_" + version + "_" + p.os() + "_" + p.arch()
                    + (p.os().equals("windows") ? ".zip" : ".tar.gz");
            byte[] content = ("stand-in archive for " + p).getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve(name), content);
            sums.put(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        }
        return sums;
    }

    private static String withoutChecksums(String manifest) {
        return manifest.replaceAll("sha256: \"[0-9a-f]{64}\"", "sha256: \"…\"");
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run generate(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", Manifests.GENERATOR.toString()));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("generate-manifest", ".out");
        Path stderr = Files.createTempFile("generate-manifest", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .start();
            process.getOutputStream().close();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("generate-manifest.sh finished").isTrue();
            return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } finally {
            Files.delete(stdout);
            Files.delete(stderr);
        }
    }
}
