package io.github.sharepid.krew;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed plugin.yaml (and, in the release workflow, the release's) passes krew's checks and this
 * project's release conventions; and each check rejects the manifest it exists to reject.
 */
class KrewManifestTest {
    private final ObjectNode manifest = Manifests.read(Manifests.COMMITTED);

    @Test
    void committedManifest_passesKrewRules() {
        assertThat(KrewRules.violations(manifest)).isEmpty();
    }

    @Test
    void committedManifest_followsReleaseConventions() {
        assertThat(ReleaseConventions.violations(manifest)).isEmpty();
    }

    @Test
    void committedManifest_isPluginSharepidWithSemverVersion() {
        assertThat(manifest.path("apiVersion").asText()).isEqualTo("krew.googlecontainertools.github.com/v1alpha2");
        assertThat(manifest.path("kind").asText()).isEqualTo("Plugin");
        assertThat(manifest.path("metadata").path("name").asText()).isEqualTo("sharepid");
        assertThat(manifest.path("spec").path("version").asText()).matches("v\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    @DisplayName("description names every command; caveats state what a shared process namespace exposes")
    void documentation_coversCommandsAndSecurityCaveats() {
        String description = manifest.path("spec").path("description").asText();
        assertThat(description).contains("`debug`", "`ps`", "`signal`", "`peek-root`", "`list`", "`cleanup`");
        String caveats = manifest.path("spec").path("caveats").asText();
        assertThat(caveats).contains("command lines", "/proc/PID/environ", "/proc/PID/root", "SYS_PTRACE",
                "PID 1 is the pause container", "kubectl sharepid completion kubectl --install");
    }

    static Stream<Arguments> brokenManifests() {
        return Stream.of(
                broken("older apiVersion", m -> m.put("apiVersion", "krew.googlecontainertools.github.com/v1alpha1"),
                        "apiVersion must be"),
                broken("kind", m -> m.put("kind", "Plugins"), "kind must be Plugin"),
                broken("upper-case name", m -> meta(m).put("name", "SharePid"), "metadata.name 'SharePid'"),
                broken("reserved name", m -> meta(m).put("name", "con"), "metadata.name 'con'"),
                broken("version without v", m -> spec(m).put("version", "0.1.0"), "spec.version '0.1.0'"),
                broken("version not semver", m -> spec(m).put("version", "v1.0"), "spec.version 'v1.0'"),
                broken("two-line shortDescription", m -> spec(m).put("shortDescription", "Debug\npods"), "one line"),
                broken("long shortDescription", m -> spec(m).put("shortDescription", "x ".repeat(36)),
                        "longer than 70"),
                broken("long description line", m -> spec(m).put("description", "word ".repeat(17)), "longer than 80"),
                broken("no platforms", m -> spec(m).putArray("platforms"), "at least one platform"),
                broken("upper-case sha256", m -> platform(m, 0).put("sha256", "A".repeat(64)), "64 lowercase hex"),
                broken("short sha256", m -> platform(m, 0).put("sha256", "abc"), "64 lowercase hex"),
                broken("no bin", m -> platform(m, 0).remove("bin"), "bin is required"),
                broken("bin not installed", m -> platform(m, 0).put("bin", "kubectl-other"), "not among the files"),
                broken("no LICENSE", m -> ((ArrayNode) platform(m, 0).path("files")).remove(1), "no LICENSE"),
                broken("unclean to", m -> file(m, 0, 1).put("to", "./"), "not a clean path"),
                broken("empty files", m -> platform(m, 0).putArray("files"), "must be left out or list files"),
                broken("no selector", m -> platform(m, 0).remove("selector"), "selector is required"),
                broken("selector on distro", m -> labels(m, 0).put("distro", "debian"), "key 'distro'"),
                broken("unknown os", m -> labels(m, 0).put("os", "plan9"), "matches no platform"),
                broken("overlapping selectors", m -> labels(m, 1).put("arch", "amd64"), "overlap"),
                broken("selector by os alone overlaps", m -> labels(m, 1).remove("arch"), "overlap"),
                broken("In without values", m -> selector(m, 0).putArray("matchExpressions").addObject()
                        .put("key", "os").put("operator", "In"), "needs values"));
    }

    @ParameterizedTest(name = "krew rejects: {0}")
    @MethodSource("brokenManifests")
    void krewRules_rejectBrokenManifest(String name, Consumer<ObjectNode> breakIt, String expected) {
        ObjectNode m = manifest.deepCopy();
        breakIt.accept(m);
        assertThat(KrewRules.violations(m)).anySatisfy(v -> assertThat(v).contains(expected));
    }

    static Stream<Arguments> unconventionalManifests() {
        return Stream.of(
                broken("renamed plugin", m -> meta(m).put("name", "share-pid"), "metadata.name must be sharepid"),
                broken("http download", m -> platform(m, 0).put("uri", platform(m, 0).path("uri").asText()
                        .replace("https:", "http:")), "uri must be"),
                broken("uri of another version", m -> spec(m).put("version", "v9.9.9"), "uri must be"),
                broken("zip for linux", m -> platform(m, 0).put("uri", platform(m, 0).path("uri").asText()
                        .replace(".tar.gz", ".zip")), "uri must be"),
                broken(".exe on linux", m -> platform(m, 0).put("bin", "kubectl-sharepid.exe"), "bin must be"),
                broken("no .exe on windows", m -> platform(m, 4).put("bin", "kubectl-sharepid"), "bin must be"),
                broken("platform by expression", m -> selector(m, 4).putArray("matchExpressions"),
                        "matchLabels with exactly os and arch"),
                broken("platform dropped", m -> ((ArrayNode) spec(m).path("platforms")).remove(3), "platforms must be"),
                broken("binary moved into bin/", m -> file(m, 0, 0).put("to", "bin/kubectl-sharepid"),
                        "must install kubectl-sharepid and LICENSE"));
    }

    @ParameterizedTest(name = "conventions reject: {0}")
    @MethodSource("unconventionalManifests")
    void releaseConventions_rejectDeviation(String name, Consumer<ObjectNode> breakIt, String expected) {
        ObjectNode m = manifest.deepCopy();
        breakIt.accept(m);
        assertThat(ReleaseConventions.violations(m)).anySatisfy(v -> assertThat(v).contains(expected));
    }

    @Test
    void selectors_useLabelSelectorSemantics() {
        ObjectNode selector = manifest.objectNode();
        ArrayNode expressions = selector.putArray("matchExpressions");
        expressions.addObject().put("key", "os").put("operator", "In").putArray("values").add("linux").add("darwin");
        expressions.addObject().put("key", "arch").put("operator", "NotIn").putArray("values").add("386");

        assertThat(KrewRules.KNOWN_PLATFORMS.stream().filter(p -> Selectors.matches(selector, p)).toList())
                .extracting(Object::toString)
                .containsExactly("linux/amd64", "linux/arm", "linux/arm64", "linux/ppc64le", "darwin/amd64",
                        "darwin/arm64");
    }

    private static Arguments broken(String name, Consumer<ObjectNode> breakIt, String expected) {
        return Arguments.of(name, breakIt, expected);
    }

    private static ObjectNode spec(ObjectNode m) {
        return (ObjectNode) m.path("spec");
    }

    private static ObjectNode meta(ObjectNode m) {
        return (ObjectNode) m.path("metadata");
    }

    private static ObjectNode platform(ObjectNode m, int i) {
        return (ObjectNode) spec(m).path("platforms").get(i);
    }

    private static ObjectNode selector(ObjectNode m, int i) {
        return (ObjectNode) platform(m, i).path("selector");
    }

    private static ObjectNode labels(ObjectNode m, int i) {
        return (ObjectNode) selector(m, i).path("matchLabels");
    }

    private static ObjectNode file(ObjectNode m, int platform, int file) {
        JsonNode files = platform(m, platform).path("files");
        return (ObjectNode) files.get(file);
    }
}
