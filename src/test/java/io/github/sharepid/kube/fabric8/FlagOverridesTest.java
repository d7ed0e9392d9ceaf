package io.github.sharepid.kube.fabric8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.fabric8.connect.FlagOverrides;
import io.github.sharepid.kube.fabric8.connect.KubeconfigText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The kubectl connection flags laid over a kubeconfig, with kubectl's precedence rules. */
class FlagOverridesTest {
    @TempDir
    Path dir;
    private final Map<String, String> env = new HashMap<>();
    private Path kubeconfig;

    @BeforeEach
    void writeKubeconfig() throws IOException {
        Files.createDirectories(dir.resolve("certs"));
        for (String f : new String[] {"certs/ca.crt", "certs/user.crt", "certs/user.key", "flag-ca.crt",
                "flag.crt", "flag.key"}) {
            Files.writeString(dir.resolve(f), "-----BEGIN EC PRIVATE KEY-----\n");
        }
        kubeconfig = Files.writeString(dir.resolve("config"), KubeconfigText.of("main",
                KubeconfigText.context("main", "main-cluster", "main-user", "team"),
                KubeconfigText.cluster("main-cluster", "https://main.example:6443",
                        "certificate-authority: certs/ca.crt"),
                KubeconfigText.cluster("named-tls", "https://10.0.0.1:6443", "tls-server-name: api.internal"),
                KubeconfigText.cluster("named-tls-host", "https://lb.example:6443", "tls-server-name: api.internal"),
                KubeconfigText.user("main-user", "token: file-token", "client-certificate: certs/user.crt",
                        "client-key: certs/user.key"),
                KubeconfigText.user("plugin-user", "exec:", "  apiVersion: client.authentication.k8s.io/v1beta1",
                        "  command: touch", "  args: [\"" + dir.resolve("plugin-ran") + "\"]"),
                KubeconfigText.user("file-user", "tokenFile: secrets/sa-token", "exec:",
                        "  apiVersion: client.authentication.k8s.io/v1beta1",
                        "  command: touch", "  args: [\"" + dir.resolve("plugin-ran") + "\"]")));
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/sa-token"), "sa-token\n");
        env.put("HOME", dir.toString());
    }

    @Test
    void kubeconfigRelativePaths_resolveAgainstTheKubeconfigsDirectory() {
        Config config = configFor(kube());

        assertThat(config.getCaCertFile()).isEqualTo(dir.resolve("certs/ca.crt").toString());
        assertThat(config.getClientCertFile()).isEqualTo(dir.resolve("certs/user.crt").toString());
        assertThat(config.getClientKeyFile()).isEqualTo(dir.resolve("certs/user.key").toString());
    }

    @Test
    void serverAndNamespaceFlags_winOverTheContext() {
        Config config = configFor(kube().server("https://other.example:443").namespace("ops"));

        assertThat(config.getMasterUrl()).isEqualTo("https://other.example:443/");
        assertThat(config.getNamespace()).isEqualTo("ops");
    }

    @Test
    void serverFlagAlone_needsNoKubeconfig() {
        Config config = configFor(KubeOptions.defaults().server("https://bare.example").token("t"));

        assertThat(config.getMasterUrl()).isEqualTo("https://bare.example/");
        assertThat(config.getOauthToken()).isEqualTo("t");
        assertThat(config.getNamespace()).isEqualTo("default");
    }

    @Test
    void tokenFlag_winsOverTheKubeconfigTokenAndSkipsTheExecPlugin() {
        Config config = configFor(kube().user("plugin-user").token("flag-token"));

        assertThat(config.getOauthToken()).isEqualTo("flag-token");
        assertThat(dir.resolve("plugin-ran")).doesNotExist();
    }

    @Test
    void withoutTokenFlag_theExecPluginRuns() {
        configFor(kube().user("plugin-user"));

        assertThat(dir.resolve("plugin-ran")).exists();
    }

    @Test
    @DisplayName("tokenFile: relative to the kubeconfig's folder, used before the user's exec plugin (as kubectl)")
    void kubeconfigTokenFile_isReadRelativeToTheKubeconfigAndWinsOverTheExecPlugin() {
        Config config = configFor(kube().user("file-user"));

        assertThat(config.getOauthTokenProvider().getToken()).isEqualTo("sa-token");
        assertThat(dir.resolve("plugin-ran")).doesNotExist();
    }

    @Test
    void tokenFlag_winsOverTheKubeconfigTokenFile() {
        Config config = configFor(kube().user("file-user").token("flag-token"));

        assertThat(config.getOauthTokenProvider()).isNull();
        assertThat(config.getOauthToken()).isEqualTo("flag-token");
    }

    @Test
    void certificateAuthorityFlag_replacesTheKubeconfigCa() {
        Config config = configFor(kube().certificateAuthority(dir.resolve("flag-ca.crt").toString()));

        assertThat(config.getCaCertFile()).isEqualTo(dir.resolve("flag-ca.crt").toString());
        assertThat(config.isTrustCerts()).isFalse();
    }

    @Test
    void insecureFlag_dropsTheKubeconfigCaAndSkipsVerification() {
        Config config = configFor(kube().insecure());

        assertThat(config.getCaCertFile()).isNull();
        assertThat(config.isTrustCerts()).isTrue();
        assertThat(config.isDisableHostnameVerification()).isTrue();
    }

    @Test
    void clientCertificateFlags_replaceTheKubeconfigPair() {
        Config config = configFor(kube().clientCertificate(dir.resolve("flag.crt").toString(),
                dir.resolve("flag.key").toString()));

        assertThat(config.getClientCertFile()).isEqualTo(dir.resolve("flag.crt").toString());
        assertThat(config.getClientKeyFile()).isEqualTo(dir.resolve("flag.key").toString());
        assertThat(config.getClientKeyAlgo()).isEqualTo("EC");
    }

    @Test
    void unreadableCertificateFlag_isAUsageError() {
        assertUsage(kube().certificateAuthority(dir.resolve("nope.crt").toString()),
                "cannot read --certificate-authority " + dir.resolve("nope.crt"));
    }

    @Test
    void impersonationFlags_setUserGroupsAndUidHeader() {
        Config config = configFor(kube().as("jane", "devs", "ops").asUid("1234"));

        assertThat(config.getImpersonateUsername()).isEqualTo("jane");
        assertThat(config.getImpersonateGroups()).containsExactly("devs", "ops");
        assertThat(config.getCustomHeaders()).containsEntry("Impersonate-Uid", "1234");
    }

    @Test
    void asGroupWithoutAs_isAUsageError() {
        assertUsage(kube().asGroup("devs"), "--as-group and --as-uid need --as (the user to impersonate)");
    }

    @Test
    void tlsServerNameFlag_withAnIpAddressServer_isKept() {
        assertThat(configFor(kube().server("https://10.0.0.2:6443").tlsServerName("api.internal")).getTlsServerName())
                .isEqualTo("api.internal");
        assertThat(configFor(kube().server("https://[fd00::1]:6443").tlsServerName("api.internal")).getTlsServerName())
                .isEqualTo("api.internal");
    }

    @Test
    void tlsServerNameFlag_withAHostNameServer_isAUsageErrorThatSaysWhy() {
        assertUsage(kube().tlsServerName("api.internal"), "--tls-server-name needs a server URL whose host is an IP"
                + " address (Java's HTTP client sends and verifies the URL's host name instead); the server is"
                + " https://main.example:6443/");
    }

    @Test
    void tlsServerNameFlag_thatIsNoHostName_isAUsageError() {
        assertUsage(kube().tlsServerName("bad name"), "--tls-server-name \"bad name\" is not a host name");
    }

    @Test
    @DisplayName("kubeconfig tls-server-name: kept for an IP server, dropped by --server as kubectl does")
    void kubeconfigTlsServerName_isKeptUnlessServerReplacesIt() {
        assertThat(configFor(kube().cluster("named-tls")).getTlsServerName()).isEqualTo("api.internal");

        Config replaced = configFor(kube().cluster("named-tls").server("https://api.internal:6443"));
        assertThat(replaced.getMasterUrl()).isEqualTo("https://api.internal:6443/");
        assertThat(replaced.getTlsServerName()).isNull();
    }

    @Test
    void kubeconfigTlsServerName_withAHostNameServer_isAUsageErrorNamingIt() {
        assertThatThrownBy(() -> configFor(kube().cluster("named-tls-host")))
                .isInstanceOf(SharepidException.class)
                .hasMessageStartingWith("the kubeconfig's tls-server-name \"api.internal\" needs a server URL whose"
                        + " host is an IP address");
    }

    @ParameterizedTest
    @CsvSource({"10, PT10S", "10s, PT10S", "1m, PT1M", "1h, PT1H", "1m30s, PT1M30S", "1.5s, PT1.5S",
                "250ms, PT0.25S"})
    void requestTimeout_acceptsKubectlDurations(String flag, Duration expected) {
        assertThat(FlagOverrides.requestTimeout(configFor(kube().requestTimeout(flag)))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0s"})
    void requestTimeoutZero_meansNoLimit(String flag) {
        assertThat(FlagOverrides.requestTimeout(configFor(kube().requestTimeout(flag)))).isNull();
        assertThat(FlagOverrides.requestTimeout(configFor(kube()))).isNull();
    }

    @ParameterizedTest
    @CsvSource({"'', 30000", "0, 30000", "1m, 30000", "5s, 5000"})
    void connectionTimeout_isKubectlsThirtySecondsOrTheShorterRequestTimeout(String flag, int expectedMillis) {
        KubeOptions options = flag.isEmpty() ? kube() : kube().requestTimeout(flag);
        assertThat(configFor(options).getConnectionTimeout()).isEqualTo(expectedMillis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ten", "-1s", "10x", "", "1m-", "s"})
    void requestTimeoutMalformed_isAUsageError(String flag) {
        assertThatThrownBy(() -> configFor(kube().requestTimeout(flag)))
                .isInstanceOf(SharepidException.class)
                .hasMessageStartingWith("invalid --request-timeout \"" + flag + "\"")
                .extracting(e -> ((SharepidException) e).exitCode()).isEqualTo(SharepidException.USAGE);
    }

    @Test
    void proxyEnvironment_isUsedWhenTheKubeconfigSetsNone() {
        env.put("HTTPS_PROXY", "http://proxy.example:3128");
        env.put("NO_PROXY", "localhost, .internal");

        Config config = configFor(kube());

        assertThat(config.getHttpsProxy()).isEqualTo("http://proxy.example:3128");
        assertThat(config.getNoProxy()).containsExactly("localhost", ".internal");
    }

    private KubeOptions kube() {
        return KubeOptions.defaults().kubeconfig(kubeconfig.toString());
    }

    private Config configFor(KubeOptions options) {
        return new Fabric8Connector(env::get).configFor(options.build());
    }

    private void assertUsage(KubeOptions options, String message) {
        assertThatThrownBy(() -> configFor(options))
                .isInstanceOf(SharepidException.class)
                .hasMessage(message)
                .extracting(e -> ((SharepidException) e).exitCode()).isEqualTo(SharepidException.USAGE);
    }
}
