package io.github.sharepid.kube.fabric8.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A kubeconfig's client certificate becomes a key manager straight from PEM, in every form kubectl reads (key file
 * or key data; EC as SEC1 or PKCS#8, RSA as PKCS#1 or PKCS#8), and fabric8 is left no key to put in a
 * PBKDF2-protected keystore. Encrypted keys are refused in one line. The fixtures in src/test/resources/tls were
 * made with openssl (self-signed, test-only). Over the wire, the server sees the certificate.
 */
@Timeout(30)
class ClientCertificateTest {
    private static final Path TLS = Path.of("src/test/resources/tls");

    @ParameterizedTest(name = "{1} as {2}")
    @CsvSource({"ec.crt, ec-sec1.key, file", "ec.crt, ec-pkcs8.key, data", "ec.crt, ec-sec1.key, data",
            "rsa.crt, rsa-pkcs1.key, file", "rsa.crt, rsa-pkcs8.key, file", "rsa.crt, rsa-pkcs1.key, data"})
    void everyKeyForm_becomesTheSameKey_andFabric8IsLeftNone(String cert, String key, String as) throws Exception {
        Config config = config(cert, key, as.equals("data"));

        X509KeyManager km = (X509KeyManager) ClientCertificate.takeFrom(config)[0];

        String pkcs8 = Files.readString(TLS.resolve(key.replaceFirst("-(sec1|pkcs1|pkcs8)", "-pkcs8")));
        byte[] expected = Base64.getMimeDecoder().decode(pkcs8.replaceAll("-----[A-Z ]+-----", ""));
        String algorithm = key.startsWith("ec") ? "EC" : "RSA";
        String alias = km.chooseClientAlias(new String[] {algorithm}, null, null);
        assertThat(alias).isNotNull();
        java.security.PrivateKey want = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(expected));
        if (want instanceof java.security.interfaces.ECPrivateKey ec) { // SEC1 and PKCS#8 encode the same key differently
            assertThat(((java.security.interfaces.ECPrivateKey) km.getPrivateKey(alias)).getS()).isEqualTo(ec.getS());
        } else {
            assertThat(km.getPrivateKey(alias)).isEqualTo(want);
        }
        assertThat(km.getCertificateChain(alias)).containsExactly(certificate(cert));
        assertThat(km.chooseClientAlias(new String[] {algorithm.equals("EC") ? "RSA" : "EC"}, null, null)).isNull();
        assertThat(config.getClientKeyData()).isNull();
        assertThat(config.getClientKeyFile()).isNull();
        assertThat(config.getClientCertData()).isNull();
        assertThat(config.getClientCertFile()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"rsa-pkcs8-encrypted.key", "rsa-pkcs1-encrypted.key"})
    void encryptedKeys_areRefusedInOneLine(String key) {
        Config config = config("rsa.crt", key, false);

        assertThatThrownBy(() -> ClientCertificate.takeFrom(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("client key " + TLS.resolve(key) + " is an encrypted private key; kubectl-sharepid, like"
                        + " kubectl, needs it unencrypted (openssl pkey -in KEY -out PLAIN_KEY)");
    }

    @Test
    void noCertificate_orHalfAPair_leavesTheConfigAsItIs() {
        Config half = new ConfigBuilder(Config.empty()).withClientKeyFile(TLS.resolve("ec-sec1.key").toString()).build();

        assertThat(ClientCertificate.takeFrom(Config.empty())).isNull();
        assertThat(ClientCertificate.takeFrom(half)).isNull();
        assertThat(half.getClientKeyFile()).isNotNull();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({"ec.crt, ec-sec1.key", "rsa.crt, rsa-pkcs1.key"})
    void overTheWire_theServerSeesTheClientCertificate(String cert, String key) throws Exception {
        try (SSLServerSocket server = serverTrusting(cert)) {
            CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> answer404(server));
            Config config = config(cert, key, true);
            config.setMasterUrl("https://127.0.0.1:" + server.getLocalPort());
            config.setCaCertData(Base64.getEncoder().encodeToString(training("ca.crt")));
            config.setRequestRetryBackoffLimit(0);
            ChannelHttpClientFactory http = new ChannelHttpClientFactory();
            http.useClientCertificate(ClientCertificate.takeFrom(config));
            try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(http).build()) {
                assertThat(client.pods().inNamespace("ns").withName("web").get()).isNull();
            }
            assertThat(seen.get(20, TimeUnit.SECONDS)).isEqualTo(certificate(cert).getSubjectX500Principal().getName());
        }
    }

    private static Config config(String cert, String key, boolean asData) {
        Config config = Config.empty();
        if (asData) {
            config.setClientCertData(Base64.getEncoder().encodeToString(read(cert)));
            config.setClientKeyData(Base64.getEncoder().encodeToString(read(key)));
        } else {
            config.setClientCertFile(TLS.resolve(cert).toString());
            config.setClientKeyFile(TLS.resolve(key).toString());
        }
        return config;
    }

    /** A TLS server with the training run's certificate for 127.0.0.1 that requires a client certificate. */
    private static SSLServerSocket serverTrusting(String clientCert) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        String pem = new String(training("server.key"), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "");
        keys.setKeyEntry("server", KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getMimeDecoder().decode(pem))), "x".toCharArray(), new java.security.cert.Certificate[] {
                CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(
                        training("server.crt")))});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "x".toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("client", certificate(clientCert));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        SSLServerSocket server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(true);
        return server;
    }

    /** Accepts one connection, answers its request with a 404 Status, and returns the client certificate's subject. */
    private static String answer404(SSLServerSocket server) {
        try (SSLSocket socket = (SSLSocket) server.accept()) {
            socket.startHandshake();
            String subject = ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal()
                    .getName();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}";
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return subject;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static X509Certificate certificate(String name) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new java.io.ByteArrayInputStream(read(name)));
    }

    private static byte[] read(String name) {
        try {
            return Files.readAllBytes(TLS.resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] training(String name) throws IOException {
        try (InputStream in = ClientCertificateTest.class.getResourceAsStream("/io/github/sharepid/training/" + name)) {
            return in.readAllBytes();
        }
    }
}
