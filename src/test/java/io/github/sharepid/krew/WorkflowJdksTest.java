package io.github.sharepid.krew;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every workflow job that runs the unit tier installs a JDK 22 or newer next to the one it tests on:
 * NoJdkWarningsTest needs one to see the JDK's restricted-method warnings, and fails under CI=true
 * without one (GitHub sets CI=true). A matrix entry's JDK counts for each value the matrix gives it.
 */
class WorkflowJdksTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {".github/workflows/ci.yml", ".github/workflows/release.yml"})
    void everyJobRunningTheUnitTier_hasAJdk22OrNewer(String file) {
        JsonNode jobs = Manifests.read(Path.of(file)).path("jobs");
        List<String> checked = new ArrayList<>();
        jobs.fields().forEachRemaining(job -> {
            if (!runsTheUnitTier(job.getValue())) {
                return;
            }
            checked.add(job.getKey());
            for (String matrixJava : matrixValues(job.getValue(), "java")) {
                assertThat(newestJdk(job.getValue(), matrixJava)).as("%s: job %s (matrix java %s)", file, job.getKey(),
                        matrixJava).isGreaterThanOrEqualTo(22);
            }
        });
        assertThat(checked).as("jobs running the unit tier in " + file).isNotEmpty();
    }

    /** A mvn run that is not limited to the e2e tier or to named tests. */
    private static boolean runsTheUnitTier(JsonNode job) {
        for (JsonNode step : job.path("steps")) {
            for (String line : step.path("run").asText().split("\n")) {
                boolean mvn = line.contains("mvn ") && (line.contains(" verify") || line.contains(" test"));
                if (mvn && !line.contains("-DskipUTs") && !line.contains("-Dtest=")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> matrixValues(JsonNode job, String key) {
        JsonNode values = job.path("strategy").path("matrix").path(key);
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.asText()));
        return out.isEmpty() ? List.of("") : out;
    }

    private static int newestJdk(JsonNode job, String matrixJava) {
        int newest = 0;
        for (JsonNode step : job.path("steps")) {
            String uses = step.path("uses").asText();
            if (!uses.startsWith("actions/setup-java@") && !uses.startsWith("graalvm/setup-graalvm@")) {
                continue;
            }
            for (String version : step.path("with").path("java-version").asText().split("\n")) {
                String v = version.replace("${{ matrix.java }}", matrixJava).strip().replace("'", "");
                if (v.matches("\\d+")) {
                    newest = Math.max(newest, Integer.parseInt(v));
                }
            }
        }
        return newest;
    }
}
