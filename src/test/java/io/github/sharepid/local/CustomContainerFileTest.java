package io.github.sharepid.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.github.sharepid.failure.SharepidException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code debug --custom FILE}: JSON and YAML read alike, and every way the file can be wrong is one usage line. */
class CustomContainerFileTest {
    @TempDir
    Path tmp;

    private static final Container WANT = new ContainerBuilder()
            .addNewEnv().withName("MODE").withValue("debug").endEnv()
            .withNewResources().addToLimits("memory", new Quantity("64Mi")).endResources()
            .withNewSecurityContext().withNewCapabilities().addToAdd("NET_ADMIN").endCapabilities().endSecurityContext()
            .build();

    @Test
    void yaml_isReadAsAContainer() throws IOException {
        Path file = write("custom.yaml", """
                env:
                - name: MODE
                  value: debug
                resources:
                  limits:
                    memory: 64Mi
                securityContext:
                  capabilities:
                    add: [NET_ADMIN]
                """);

        assertThat(CustomContainerFile.read(file)).isEqualTo(WANT);
    }

    @Test
    void json_isReadAsAContainer() throws IOException {
        Path file = write("custom.json", """
                {"env": [{"name": "MODE", "value": "debug"}], "resources": {"limits": {"memory": "64Mi"}},
                 "securityContext": {"capabilities": {"add": ["NET_ADMIN"]}}}
                """);

        assertThat(CustomContainerFile.read(file)).isEqualTo(WANT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top-level field      | envv: []                                    | unknown field "envv"
            unknown nested field         | 'securityContext: {capabilitiez: {}}'       | unknown field "securityContext.capabilitiez"
            unknown field in a list item | 'env: [{name: A, vaule: b}]'                | unknown field "env[0].vaule"
            wrong type                   | 'env: notalist'                             | field "env"
            not YAML                     | 'env: [unclosed'                            | not valid JSON or YAML
            a list, not an object        | '[1, 2]'                                    | expected the fields of a container
            empty                        | ''                                          | expected the fields of a container
            """)
    void badContent_isOneUsageLineNamingTheProblem(String name, String content, String message) throws IOException {
        Path file = write("custom.yaml", content);

        assertThatThrownBy(() -> CustomContainerFile.read(file)).isInstanceOfSatisfying(SharepidException.class,
                e -> assertThat(e.exitCode()).isEqualTo(SharepidException.USAGE))
                .hasMessageStartingWith("--custom " + file + ": ").hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void missingFile_isAUsageError() {
        Path file = tmp.resolve("nope.yaml");

        assertThatThrownBy(() -> CustomContainerFile.read(file)).isInstanceOf(SharepidException.class)
                .hasMessage("--custom " + file + ": no such file");
    }

    @Test
    void directory_isAUsageError() {
        assertThatThrownBy(() -> CustomContainerFile.read(tmp)).isInstanceOf(SharepidException.class)
                .hasMessageStartingWith("--custom " + tmp + ": cannot read it: ");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }
}
