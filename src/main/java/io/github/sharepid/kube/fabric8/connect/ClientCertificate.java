package io.github.sharepid.kube.fabric8.connect;

import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The kubeconfig's client certificate as a TLS key manager built straight from the PEM key and chain. fabric8
 * would put them in a password-protected PKCS12 keystore first, whose key entry costs a PBKDF2 derivation to
 * store and another to read back on every command (issue #17: a client-certificate kubeconfig made native
 * {@code ps} 50 % slower than a token). The key manager offers the one certificate for any server that asks,
 * as kubectl does, whatever issuers the server names.
 */
public final class ClientCertificate extends X509ExtendedKeyManager {
    private static final String ALIAS = "kubeconfig";

    private final PrivateKey key;
    private final X509Certificate[] chain;

    ClientCertificate(PrivateKey key, X509Certificate[] chain) {
        this.key = key;
        this.chain = chain.clone();
    }

    /**
     * Takes the client certificate and key out of {@code config} (so fabric8 builds no keystore of its own) and
     * returns them as key managers for {@link ChannelHttpClientFactory#useClientCertificate}; null when the
     * config has none, or only half of the pair (fabric8 then sends none either).
     *
     * @throws IllegalArgumentException a one-line reason when the key or certificate cannot be read
     */
    public static KeyManager[] takeFrom(Config config) {
        String cert = pem(config.getClientCertData(), config.getClientCertFile(), "client certificate");
        String key = pem(config.getClientKeyData(), config.getClientKeyFile(), "client key");
        if (cert == null || key == null) {
            return null;
        }
        String keyWhere = config.getClientKeyFile() != null ? "client key " + config.getClientKeyFile() : "client-key-data";
        String certWhere = config.getClientCertFile() != null ? "client certificate " + config.getClientCertFile()
                : "client-certificate-data";
        KeyManager[] managers = {new ClientCertificate(PemKeys.privateKey(key, keyWhere),
                PemKeys.certificates(cert, certWhere))};
        config.setClientCertData(null);
        config.setClientCertFile(null);
        config.setClientKeyData(null);
        config.setClientKeyFile(null);
        return managers;
    }

    /** The PEM text of a kubeconfig's {@code *-data} (base64, as kubeconfig holds it) or file; null for neither. */
    private static String pem(String data, String file, String what) {
        if (data != null && !data.isBlank()) {
            String text = data.strip();
            return text.startsWith("-----BEGIN") ? text
                    : new String(Base64.getMimeDecoder().decode(text), StandardCharsets.US_ASCII);
        }
        if (file != null && !file.isBlank()) {
            try {
                return Files.readString(Path.of(file), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the " + what + " " + file + ": " + e.getMessage(), e);
            }
        }
        return null;
    }

    private String[] aliases(String... keyTypes) {
        return List.of(keyTypes).contains(key.getAlgorithm()) ? new String[] {ALIAS} : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return aliases(keyType);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return aliases(keyTypes) == null ? null : ALIAS;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return aliases(keyTypes) == null ? null : ALIAS;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? key : null;
    }
}
