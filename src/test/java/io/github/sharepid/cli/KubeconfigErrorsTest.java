package io.github.sharepid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sharepid.kube.fabric8.Fabric8Connector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kubeconfig that cannot be bound: one line without {@code -v}; with {@code -v}, the stack also shows
 * Jackson's own exception, its path through fabric8's model and its message, so that a binding failure
 * (in a native image: a missing reflection registration) names the class and field itself.
 */
class KubeconfigErrorsTest {
    @TempDir
    Path dir;

    @Test
    void wrongType_oneLineWithoutVerbose() throws IOException {
        Path wrong = write("clusters: 5\n");

        CliRun run = CliRun.of(new Fabric8Connector(), "--kubeconfig", wrong.toString(), "list");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).isEqualTo("error: cannot read kubeconfig " + wrong
                + ": not a valid kubeconfig (field clusters has the wrong type)\n");
    }

    @Test
    void wrongType_verboseShowsJacksonsPathAndMessage() throws IOException {
        Path wrong = write("clusters: 5\n");

        CliRun run = CliRun.of(new Fabric8Connector(), "-v", "--kubeconfig", wrong.toString(), "list");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr())
                .contains("Caused by: com.fasterxml.jackson.databind.exc.MismatchedInputException: Cannot deserialize")
                .contains("(through reference chain: io.fabric8.kubernetes.api.model.Config[\"clusters\"])")
                .endsWith("error: cannot read kubeconfig " + wrong
                        + ": not a valid kubeconfig (field clusters has the wrong type)\n");
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("kubeconfig"), text);
    }
}
