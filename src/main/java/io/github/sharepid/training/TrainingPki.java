package io.github.sharepid.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The training run's certificates: a CA, a server certificate for 127.0.0.1 and a client certificate, RSA 2048
 * like a kubeadm or k8s-local cluster, shipped in the jar (resources {@code io/github/sharepid/training/*.crt|key}).
 * They are <b>not secrets</b>: they only ever secure the loopback connection between the training run and
 * its own {@link LoopbackApiServer}; the CA's key was thrown away after signing. Shipped rather than generated
 * because the JDK has no public API to make a certificate (keytool is not on every runtime's PATH).
 */
public final class TrainingPki {
    private static final char[] IN_MEMORY = "training".toCharArray();

    private TrainingPki() {
    }

    /** TLS for the server side: its certificate chain, and the CA to check the client's certificate with. */
    static SSLContext serverContext() {
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            Certificate ca = x509.generateCertificate(resource("ca.crt"));
            Certificate server = x509.generateCertificate(resource("server.crt"));
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", privateKey("server.key"), IN_MEMORY, new Certificate[] {server, ca});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, IN_MEMORY);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return tls;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the training certificates do not load", e);
        }
    }

    /**
     * A kubeconfig for {@code https://127.0.0.1:port} with the CA and the client certificate embedded as data,
     * the way cluster installers write them.
     */
    public static String kubeconfig(int port, String namespace) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: training
                  cluster:
                    server: https://127.0.0.1:%d
                    certificate-authority-data: %s
                users:
                - name: training
                  user:
                    client-certificate-data: %s
                    client-key-data: %s
                contexts:
                - name: training
                  context:
                    cluster: training
                    user: training
                    namespace: %s
                current-context: training
                preferences: {}
                """.formatted(port, base64("ca.crt"), base64("client.crt"), base64("client.key"), namespace);
    }

    private static PrivateKey privateKey(String name) throws GeneralSecurityException {
        String pem = text(name).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static String base64(String name) {
        return Base64.getEncoder().encodeToString(text(name).getBytes(StandardCharsets.US_ASCII));
    }

    private static String text(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = TrainingPki.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("training resource " + name + " is missing from the jar");
        }
        return in;
    }
}
