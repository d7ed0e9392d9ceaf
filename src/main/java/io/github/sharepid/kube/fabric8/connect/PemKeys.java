package io.github.sharepid.kube.fabric8.connect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kubeconfig's client key and certificate chain, read from PEM the way kubectl (Go's crypto/tls) reads them:
 * PKCS#8 ({@code PRIVATE KEY}: RSA, EC or Ed25519), PKCS#1 ({@code RSA PRIVATE KEY}) and SEC1 ({@code EC PRIVATE
 * KEY}), the last two rewrapped as PKCS#8 for the JDK's KeyFactory. Encrypted keys are refused, as kubectl refuses
 * them: a kubeconfig has no field for a passphrase. No keystore and no password-based derivation is involved.
 */
final class PemKeys {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*(.*?)-----END \\1-----", Pattern.DOTALL);
    /** AlgorithmIdentifier of rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
    /** The OID of id-ecPublicKey (1.2.840.10045.2.1). */
    private static final byte[] EC_PUBLIC_KEY = hex("06072a8648ce3d0201");

    private PemKeys() {
    }

    /** The certificates of a PEM chain, leaf first. */
    static X509Certificate[] certificates(String pem, String where) {
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = x509.generateCertificates(new ByteArrayInputStream(pem.getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII))).stream().map(X509Certificate.class::cast).toList();
            if (chain.isEmpty()) {
                throw new IllegalArgumentException(where + " holds no PEM certificate");
            }
            return chain.toArray(X509Certificate[]::new);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(where + " is not a PEM certificate: " + e.getMessage(), e);
        }
    }

    /** The first private key block of {@code pem}. */
    static PrivateKey privateKey(String pem, String where) {
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            String type = m.group(1);
            String body = m.group(2);
            if (type.equals("ENCRYPTED PRIVATE KEY") || body.contains("Proc-Type: 4,ENCRYPTED")) {
                throw new IllegalArgumentException(where + " is an encrypted private key; kubectl-sharepid, like"
                        + " kubectl, needs it unencrypted (openssl pkey -in KEY -out PLAIN_KEY)");
            }
            if (type.endsWith("PRIVATE KEY")) {
                byte[] der = Base64.getMimeDecoder().decode(body);
                return switch (type) {
                    case "PRIVATE KEY" -> pkcs8(der, where, "RSA", "EC", "Ed25519");
                    case "RSA PRIVATE KEY" -> pkcs8(wrap(RSA_ALGORITHM, der), where, "RSA");
                    case "EC PRIVATE KEY" -> pkcs8(wrap(sequence(EC_PUBLIC_KEY, curveOf(der, where)), der), where, "EC");
                    default -> throw new IllegalArgumentException(where + ": unsupported key type " + type);
                };
            }
        }
        throw new IllegalArgumentException(where + " holds no PEM private key");
    }

    private static PrivateKey pkcs8(byte[] der, String where, String... algorithms) {
        for (String algorithm : algorithms) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // not this algorithm's key: try the next
            }
        }
        throw new IllegalArgumentException(where + " is not an RSA, EC or Ed25519 private key");
    }

    /** PKCS#8 PrivateKeyInfo: SEQUENCE { INTEGER 0, algorithm, OCTET STRING key }. */
    private static byte[] wrap(byte[] algorithm, byte[] key) {
        return sequence(new byte[] {0x02, 0x01, 0x00}, algorithm, tlv(0x04, key));
    }

    /**
     * The named curve of a SEC1 ECPrivateKey: SEQUENCE { INTEGER 1, OCTET STRING, [0] OID, [1] BIT STRING },
     * whose [0] parameters are required in a standalone PEM key (openssl, Go and kubeadm always write them).
     */
    private static byte[] curveOf(byte[] sec1, String where) {
        int[] at = {0};
        if (sec1.length < 2 || sec1[0] != 0x30) {
            throw new IllegalArgumentException(where + " is not an EC private key");
        }
        at[0] = 1;
        int end = length(sec1, at) + at[0];
        while (at[0] < end) {
            int tag = sec1[at[0]++] & 0xff;
            int len = length(sec1, at);
            if (tag == 0xa0) {
                byte[] oid = new byte[len];
                System.arraycopy(sec1, at[0], oid, 0, len);
                return oid;
            }
            at[0] += len;
        }
        throw new IllegalArgumentException(where + ": the EC private key does not name its curve");
    }

    /** A DER length at {@code at[0]}, which moves past it. */
    private static int length(byte[] der, int[] at) {
        int first = der[at[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int len = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            len = (len << 8) | (der[at[0]++] & 0xff);
        }
        return len;
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            body.writeBytes(p);
        }
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n < 0x100 ? 1 : n < 0x10000 ? 2 : 3;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }
}
