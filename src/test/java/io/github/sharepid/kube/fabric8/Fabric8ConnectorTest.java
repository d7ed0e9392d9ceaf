package io.github.sharepid.kube.fabric8;

import io.github.sharepid.kube.fabric8.connect.KubeconfigFiles;
import io.github.sharepid.kube.fabric8.connect.KubeconfigText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.fabric8.kubernetes.client.Config;
import io.github.sharepid.failure.SharepidException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubectl's kubeconfig rules as Fabric8Connector applies them, checked on the resulting fabric8 Config. */
class Fabric8ConnectorTest {
    @TempDir
    Path dir;
    private final Map<String, String> env = new HashMap<>();
    private Path first;
    private Path second;

    @BeforeEach
    void writeKubeconfigs() throws IOException {
        env.put("HOME", dir.resolve("home").toString());
        first = write("first.yaml", KubeconfigText.of("alpha",
                KubeconfigText.context("alpha", "alpha-cluster", "alpha-user", "team-a"),
                KubeconfigText.cluster("alpha-cluster", "https://alpha.example:6443"),
                KubeconfigText.cluster("shared", "https://first-wins.example"),
                KubeconfigText.tokenUser("alpha-user", "alpha-token")));
        second = write("second.yaml", KubeconfigText.of("beta",
                KubeconfigText.context("beta", "beta-cluster", "beta-user", null),
                KubeconfigText.cluster("beta-cluster", "https://beta.example:6443"),
                KubeconfigText.cluster("shared", "https://second-loses.example"),
                KubeconfigText.tokenUser("beta-user", "beta-token")));
    }

    @Test
    void kubeconfigListInEnv_usesTheFirstFilesCurrentContext() {
        env.put("KUBECONFIG", first + File.pathSeparator + second);

        Config config = configFor(KubeOptions.defaults());

        assertThat(config.getMasterUrl()).isEqualTo("https://alpha.example:6443/");
        assertThat(config.getAutoOAuthToken()).isEqualTo("alpha-token");
        assertThat(config.getNamespace()).isEqualTo("team-a");
    }

    @Test
    void everyConnection_speaksHttp11() {
        env.put("KUBECONFIG", first.toString());

        assertThat(configFor(KubeOptions.defaults()).isHttp2Disable()).isTrue();
    }

    @Test
    void watches_areStreamedGetsNotWebsockets() {
        env.put("KUBECONFIG", first.toString());

        assertThat(configFor(KubeOptions.defaults()).isOnlyHttpWatches()).isTrue();
    }

    @Test
    void kubeconfigText_standsInForTheKubeconfigFiles() {
        env.put("KUBECONFIG", first.toString());
        String text = KubeconfigText.of("beta", KubeconfigText.context("beta", "beta-cluster", "beta-user", "team-b"),
                KubeconfigText.cluster("beta-cluster", "https://beta.example:6443"),
                KubeconfigText.tokenUser("beta-user", "beta-token"));

        Config config = Fabric8Connector.ofKubeconfig(text).configFor(KubeOptions.defaults().build());

        assertThat(config.getMasterUrl()).isEqualTo("https://beta.example:6443/");
        assertThat(config.getNamespace()).isEqualTo("team-b");
    }

    @Test
    void contextFlag_findsAContextDefinedOnlyInTheSecondFile() {
        env.put("KUBECONFIG", first + File.pathSeparator + dir.resolve("missing.yaml") + File.pathSeparator + second);

        Config config = configFor(KubeOptions.defaults().context("beta"));

        assertThat(config.getMasterUrl()).isEqualTo("https://beta.example:6443/");
        assertThat(config.getAutoOAuthToken()).isEqualTo("beta-token");
        assertThat(config.getNamespace()).isEqualTo("default");
    }

    @Test
    void clusterDefinedInBothFiles_firstFileWins() {
        env.put("KUBECONFIG", first + File.pathSeparator + second);

        Config config = configFor(KubeOptions.defaults().cluster("shared"));

        assertThat(config.getMasterUrl()).isEqualTo("https://first-wins.example/");
    }

    @Test
    void clusterAndUserFlags_replaceTheContextsEntriesButKeepItsNamespace() {
        env.put("KUBECONFIG", first + File.pathSeparator + second);

        Config config = configFor(KubeOptions.defaults().cluster("beta-cluster").user("beta-user"));

        assertThat(config.getMasterUrl()).isEqualTo("https://beta.example:6443/");
        assertThat(config.getAutoOAuthToken()).isEqualTo("beta-token");
        assertThat(config.getNamespace()).isEqualTo("team-a");
        assertThat(config.getFile()).as("no kubeconfig re-read may swap credentials back").isNull();
    }

    @Test
    void explicitKubeconfig_ignoresTheEnvironmentList() {
        env.put("KUBECONFIG", first.toString());

        Config config = configFor(KubeOptions.defaults().kubeconfig(second.toString()));

        assertThat(config.getMasterUrl()).isEqualTo("https://beta.example:6443/");
    }

    @Test
    void unknownContext_failsNamingIt() {
        assertFailure(KubeOptions.defaults().kubeconfig(first.toString()).context("gamma"),
                "context \"gamma\" not found in kubeconfig");
    }

    @Test
    void unknownClusterOrUser_failsNamingIt() {
        assertFailure(KubeOptions.defaults().kubeconfig(first.toString()).cluster("nope"),
                "cluster \"nope\" not found in kubeconfig");
        assertFailure(KubeOptions.defaults().kubeconfig(first.toString()).user("nobody"),
                "user \"nobody\" not found in kubeconfig");
    }

    @Test
    void missingExplicitKubeconfig_failsWithItsPath() {
        Path missing = dir.resolve("nowhere.yaml");

        assertFailure(KubeOptions.defaults().kubeconfig(missing.toString()),
                "cannot read kubeconfig " + missing + ": no such file");
    }

    @Test
    void malformedKubeconfig_failsWithItsPath() throws IOException {
        Path broken = write("broken.yaml", "apiVersion: v1\ncontexts: [ {name: x\n");
        env.put("KUBECONFIG", broken.toString());

        assertThatThrownBy(() -> configFor(KubeOptions.defaults()))
                .isInstanceOf(SharepidException.class)
                .hasMessageStartingWith("cannot read kubeconfig " + broken + ": not a valid kubeconfig (");
    }

    @Test
    void kubeconfigThatIsAPlainString_saysSoWithoutModelClassNames() throws IOException {
        Path text = write("text.yaml", "hello world\n");

        assertFailure(KubeOptions.defaults().kubeconfig(text.toString()), "cannot read kubeconfig " + text
                + ": not a valid kubeconfig (the document is not a mapping of kubeconfig fields)");
    }

    @Test
    void kubeconfigWithAFieldOfTheWrongType_namesTheField() throws IOException {
        Path wrong = write("wrong.yaml", "apiVersion: v1\nclusters: 5\n");

        assertFailure(KubeOptions.defaults().kubeconfig(wrong.toString()), "cannot read kubeconfig " + wrong
                + ": not a valid kubeconfig (field clusters has the wrong type)");
    }

    @Test
    void kubeconfigWithAFieldOfTheWrongType_keepsJacksonsPathAndMessageForVerbose() throws IOException {
        Path wrong = write("wrong.yaml", "apiVersion: v1\nclusters: 5\n");

        assertThatThrownBy(() -> configFor(KubeOptions.defaults().kubeconfig(wrong.toString())))
                .isInstanceOf(SharepidException.class)
                .rootCause().isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("through reference chain: io.fabric8.kubernetes.api.model.Config[\"clusters\"]");
    }

    @Test
    void modelJacksonCannotBind_isNotBlamedOnTheFile_andKeepsJacksonsMessage() {
        InvalidDefinitionException unbindable = InvalidDefinitionException.from((JsonParser) null,
                "Cannot construct instance of `io.fabric8.kubernetes.api.model.Config` (no Creators)\n at [Source: x]",
                (JavaType) null);

        assertThat(KubeconfigFiles.parseReason(unbindable)).isEqualTo("the kubeconfig model cannot be read here,"
                + " whatever the file says (Cannot construct instance of `io.fabric8.kubernetes.api.model.Config`"
                + " (no Creators)); a bug in kubectl-sharepid, run with -v for details");
    }

    @Test
    void noKubeconfigAnywhereAndNoServer_failsWithNoClusterConfigured() {
        assertFailure(KubeOptions.defaults(), "no cluster configured: no kubeconfig found ("
                + dir.resolve("home/.kube/config") + ") and no --server given");
    }

    @Test
    void currentContextNotDefined_failsWithNoClusterConfigured() throws IOException {
        Path dangling = write("dangling.yaml", KubeconfigText.of("ghost",
                KubeconfigText.cluster("c", "https://c.example")));

        assertFailure(KubeOptions.defaults().kubeconfig(dangling.toString()),
                "no cluster configured: current-context \"ghost\" is not defined in the kubeconfig");
    }

    @Test
    void kubeconfigInHome_isUsedWhenNothingElseIsGiven() throws IOException {
        Files.createDirectories(dir.resolve("home/.kube"));
        Files.copy(second, dir.resolve("home/.kube/config"));

        assertThat(configFor(KubeOptions.defaults()).getMasterUrl()).isEqualTo("https://beta.example:6443/");
    }

    private Config configFor(KubeOptions options) {
        return new Fabric8Connector(env::get).configFor(options.build());
    }

    private void assertFailure(KubeOptions options, String message) {
        assertThatThrownBy(() -> configFor(options))
                .isInstanceOf(SharepidException.class)
                .hasMessage(message)
                .extracting(e -> ((SharepidException) e).exitCode()).isEqualTo(SharepidException.FAILURE);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
