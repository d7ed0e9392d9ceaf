package io.github.sharepid.krew;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sharepid.krew.KrewRules.OsArch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * .github/workflows/release.yml parses, and agrees with the rest of the release tooling: it builds
 * exactly the platforms the manifest lists, in jobs that run in the right order, with the GraalVM the
 * native profile needs, and it makes plugin.yaml with krew/generate-manifest.sh and checks it before
 * publishing. GitHub runs the workflow itself; this catches the drift a local build can see.
 */
class ReleaseWorkflowTest {
    private final JsonNode workflow = Manifests.read(Manifests.WORKFLOW);
    private final JsonNode jobs = workflow.path("jobs");

    @Test
    void runsOnVersionTags_withReadOnlyDefaultPermissions() {
        assertThat(workflow.path("on").path("push").path("tags")).extracting(JsonNode::asText).containsExactly("v*");
        assertThat(workflow.path("permissions").path("contents").asText()).isEqualTo("read");
        assertThat(jobs.path("release").path("permissions").path("contents").asText()).isEqualTo("write");
    }

    @Test
    void nativeMatrix_buildsExactlyThePlatformsOfTheManifest() {
        List<OsArch> built = new ArrayList<>();
        jobs.path("native").path("strategy").path("matrix").path("include")
                .forEach(e -> built.add(new OsArch(e.path("os").asText(), e.path("arch").asText())));

        assertThat(built).isEqualTo(ReleaseConventions.RELEASED);
    }

    @Test
    void jobs_testThenBuildThenRelease() {
        assertThat(jobs.path("native").path("needs").asText()).isEqualTo("test");
        assertThat(jobs.path("release").path("needs")).extracting(JsonNode::asText).contains("test", "native");
        assertThat(run("test")).contains("mvn -B -ntp verify");
    }

    @Test
    void smokeTest_runsOnTheJvmLauncherToo_inTheTestJobAndInCi() throws java.io.IOException {
        String test = run("test");
        assertThat(test).contains("krew/smoke-test.sh target/kubectl-sharepid");
        assertThat(test.indexOf("mvn -B -ntp verify")).as("the launcher exists after verify")
                .isLessThan(test.indexOf("krew/smoke-test.sh"));
        String ci = java.nio.file.Files.readString(java.nio.file.Path.of(".ci/run"));
        assertThat(ci.indexOf("bash krew/smoke-test.sh target/kubectl-sharepid"))
                .isGreaterThan(ci.indexOf("mvn -B -ntp verify\n"));
    }

    @Test
    void nativeJob_usesGraalVmCommunity25_andSkipsTestsTheWayThePomAllows() {
        JsonNode graal = step("native", "graalvm/setup-graalvm@v1");
        assertThat(graal.path("with").path("distribution").asText()).isEqualTo("graalvm-community");
        assertThat(Integer.parseInt(graal.path("with").path("java-version").asText()))
                .as("native-maven-plugin 1.1.x needs the reachability-metadata schema of GraalVM 25")
                .isGreaterThanOrEqualTo(25);
        assertThat(run("native")).contains("-Pnative package -DskipUTs=true", "krew/smoke-test.sh");
    }

    @Test
    void releaseJob_generatesChecksAndInstallsTheManifestBeforePublishing() {
        String release = run("release");
        assertThat(release).contains("krew/generate-manifest.sh \"$VERSION\" dist plugin.yaml");
        int generate = release.indexOf("generate-manifest.sh");
        int check = release.indexOf("KrewManifestTest");
        int install = release.indexOf("install \\");
        int publish = release.indexOf("gh release create");
        assertThat(List.of(generate, check, install, publish)).doesNotContain(-1).isSorted();
    }

    private JsonNode step(String job, String uses) {
        for (JsonNode s : jobs.path(job).path("steps")) {
            if (s.path("uses").asText().equals(uses)) {
                return s;
            }
        }
        throw new AssertionError("job " + job + " has no step using " + uses);
    }

    /** The job's run scripts, in order. */
    private String run(String job) {
        StringBuilder scripts = new StringBuilder();
        jobs.path(job).path("steps").forEach(s -> scripts.append(s.path("run").asText()).append('\n'));
        return scripts.toString();
    }
}
