package io.github.sharepid.kube.fabric8.connect;

import io.fabric8.kubernetes.client.http.TlsVersion;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;

/**
 * fabric8's JDK HTTP client with kubectl's {@code tls-server-name}: the name is sent as the TLS server name
 * (SNI) and the server certificate is verified against it. The JDK's client takes SNI names from
 * {@link SSLParameters#setServerNames} only when the URL's host is an IP address (for a host name it always
 * sends and verifies that name), and its trust manager then checks the certificate against the SNI name
 * first, the IP address second; so this works, with public API only, for IP-address servers, which
 * {@link #honours} tells. fabric8's own builder ignores the setting. It extends the exec channel's factory:
 * a client has one factory, and websockets must negotiate with a server name too.
 */
public final class ServerNameHttpClientFactory extends ChannelHttpClientFactory {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final String serverName;
    private final String[] protocols;

    public ServerNameHttpClientFactory(String serverName, TlsVersion[] tlsVersions) {
        this.serverName = serverName;
        this.protocols = tlsVersions == null ? null
                : Arrays.stream(tlsVersions).map(TlsVersion::javaName).toArray(String[]::new);
    }

    /** Whether the JDK's client can send and verify {@code serverName} for {@code masterUrl}. */
    public static boolean honours(String masterUrl, String serverName) {
        String host = URI.create(masterUrl).getHost();
        return host != null && (host.startsWith("[") || IPV4.matcher(host).matches() || host.equalsIgnoreCase(serverName));
    }

    /** Whether {@code name} can be sent as a TLS server name at all. */
    static boolean isValidName(String name) {
        try {
            new SNIHostName(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    protected void additionalConfig(java.net.http.HttpClient.Builder builder) {
        // replaces the parameters fabric8 set for its TLS versions, so they are set again here
        SSLParameters parameters = new SSLParameters(null, protocols);
        parameters.setServerNames(List.of(new SNIHostName(serverName)));
        builder.sslParameters(parameters);
    }
}
