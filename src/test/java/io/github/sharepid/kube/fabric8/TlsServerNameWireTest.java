package io.github.sharepid.kube.fabric8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import io.github.sharepid.kube.KubeContext;
import io.github.sharepid.kube.fabric8.connect.KubeconfigText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tls-server-name} on the wire: an HTTPS API server at 127.0.0.1 whose certificate names only
 * {@value #NAME} is reached with that name, which it receives as SNI, and refused without it or with another.
 */
@Timeout(60)
class TlsServerNameWireTest {
    private static final String NAME = "kubernetes.sharepid.test";
    private static final String PODS = "/api/v1/namespaces/team/pods";

    @TempDir
    static Path dir;
    private static HttpsServer server;
    private static final List<String> sniSeen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServerWithACertificateForOneName() throws Exception {
        keytool("-genkeypair", "-alias", "api", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + NAME, "-ext", "san=dns:" + NAME, "-keystore", "api.p12", "-storetype", "PKCS12",
                "-storepass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "api", "-keystore", "api.p12", "-storepass", "changeit",
                "-file", "ca.crt");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("api.p12"))) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext(PODS, exchange -> {
            ExtendedSSLSession session = (ExtendedSSLSession) ((HttpsExchange) exchange).getSSLSession();
            session.getRequestedServerNames().forEach(n -> sniSeen.add(((SNIHostName) n).getAsciiName()));
            byte[] body = "{\"apiVersion\":\"v1\",\"kind\":\"PodList\",\"items\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    @DisplayName("the kubeconfig's tls-server-name is sent as SNI and the certificate is verified against it")
    void kubeconfigTlsServerName_isSentAndVerified() throws IOException {
        sniSeen.clear();

        assertThat(listWith(kubeconfig("tls-server-name: " + NAME), KubeOptions.defaults())).isEmpty();
        assertThat(sniSeen).isNotEmpty().containsOnly(NAME);
    }

    @Test
    @DisplayName("--tls-server-name does the same for a kubeconfig without the field")
    void tlsServerNameFlag_isSentAndVerified() throws IOException {
        assertThat(listWith(kubeconfig(), KubeOptions.defaults().tlsServerName(NAME))).isEmpty();
    }

    @Test
    @DisplayName("without it the certificate does not name 127.0.0.1: refused, so the name is what made it pass")
    void withoutTlsServerName_theCertificateIsRefused() throws IOException {
        Path kubeconfig = kubeconfig();

        assertThatThrownBy(() -> listWith(kubeconfig, KubeOptions.defaults()))
                .hasRootCauseInstanceOf(CertificateException.class).rootCause().hasMessageContaining("127.0.0.1");
    }

    @Test
    void anotherTlsServerName_isRefused() throws IOException {
        Path kubeconfig = kubeconfig();

        assertThatThrownBy(() -> listWith(kubeconfig, KubeOptions.defaults().tlsServerName("other.sharepid.test")))
                .hasRootCauseInstanceOf(CertificateException.class);
    }

    private static List<?> listWith(Path kubeconfig, KubeOptions options) {
        try (KubeContext context = new Fabric8Connector(Map.<String, String>of()::get)
                .connect(options.kubeconfig(kubeconfig.toString()).requestTimeout("10s").build())) {
            return context.pods().listManaged("team");
        }
    }

    private static Path kubeconfig(String... clusterLines) throws IOException {
        String[] lines = new String[clusterLines.length + 1];
        lines[0] = "certificate-authority: ca.crt";
        System.arraycopy(clusterLines, 0, lines, 1, clusterLines.length);
        return Files.writeString(dir.resolve("config-" + System.nanoTime()), KubeconfigText.of("tls",
                KubeconfigText.context("tls", "tls-cluster", "tls-user", "team"),
                KubeconfigText.cluster("tls-cluster", "https://127.0.0.1:" + server.getAddress().getPort(), lines),
                KubeconfigText.tokenUser("tls-user", "t")));
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> argv = new java.util.ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("keytool " + argv + ": " + out).isTrue();
    }
}
