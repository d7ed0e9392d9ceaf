package io.github.sharepid.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sharepid.proc.PsScript;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The training server speaks what a Kubernetes API server speaks to a plain JDK client: TLS on 127.0.0.1 with
 * the CA from its kubeconfig, JSON documents and Status errors, and exec over websocket with v5 or v4 channel
 * framing (stdout on channel 1, then the Success status on channel 3, then a normal close).
 */
@Timeout(60)
class TrainingClusterTest {
    private TrainingCluster cluster;
    private HttpClient http;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        cluster = TrainingCluster.start();
        String kubeconfig = cluster.kubeconfig();
        base = URI.create(field(kubeconfig, "server"));
        http = HttpClient.newBuilder().sslContext(trusting(field(kubeconfig, "certificate-authority-data")))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    @DisplayName("listens on 127.0.0.1 only, and a GET of the copy returns its JSON")
    void get_copy_returnsThePod() throws Exception {
        HttpResponse<String> r = get("/api/v1/namespaces/sharepid-training/pods/" + cluster.copyPod());

        assertThat(base.getHost()).isEqualTo("127.0.0.1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"name\":\"" + cluster.copyPod() + "\"", "\"shareProcessNamespace\":true");
    }

    @Test
    @DisplayName("a missing pod is a 404 Status, as the API server says it")
    void get_missingPod_isNotFoundStatus() throws Exception {
        HttpResponse<String> r = get("/api/v1/namespaces/sharepid-training/pods/nope");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("\"kind\":\"Status\"", "\"reason\":\"NotFound\"", "\"code\":404");
    }

    @Test
    @DisplayName("exec offering v5 then v4 gets v5; stdout on channel 1, Success on channel 3, close 1000")
    void exec_offeringV5AndV4_getsV5() throws Exception {
        Session s = exec("v5.channel.k8s.io", "v4.channel.k8s.io");

        assertThat(s.protocol).isEqualTo("v5.channel.k8s.io");
        assertExecFraming(s);
    }

    @Test
    @DisplayName("exec offering only v4 gets v4 with the same framing (a Kubernetes 1.20 server)")
    void exec_offeringV4_getsV4() throws Exception {
        Session s = exec("v4.channel.k8s.io");

        assertThat(s.protocol).isEqualTo("v4.channel.k8s.io");
        assertExecFraming(s);
    }

    @Test
    @DisplayName("close() stops every server thread and the port")
    void close_leavesNoThreadAndNoListener() throws Exception {
        get("/api/v1/namespaces/sharepid-training/pods");
        int port = base.getPort();

        cluster.close();

        assertThat(cluster.liveThreads()).isZero();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    private void assertExecFraming(Session s) {
        assertThat(s.messages).hasSizeGreaterThanOrEqualTo(2);
        assertThat(s.messages.get(0)[0]).isEqualTo((byte) 1);
        byte[] last = s.messages.get(s.messages.size() - 1);
        assertThat(last[0]).isEqualTo((byte) 3);
        assertThat(new String(last, 1, last.length - 1, StandardCharsets.UTF_8)).isEqualTo(ExecAnswers.SUCCESS);
        assertThat(s.closeCode.join()).isEqualTo(WebSocket.NORMAL_CLOSURE);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Session exec(String... protocols) throws Exception {
        StringBuilder query = new StringBuilder("?container=sharepid&stdout=true&stderr=true");
        for (String arg : PsScript.argv()) {
            query.append("&command=").append(URLEncoder.encode(arg, StandardCharsets.UTF_8));
        }
        URI uri = URI.create("wss://" + base.getAuthority() + "/api/v1/namespaces/sharepid-training/pods/"
                + cluster.copyPod() + "/exec" + query);
        Session session = new Session();
        WebSocket.Builder builder = http.newWebSocketBuilder();
        builder.subprotocols(protocols[0], java.util.Arrays.copyOfRange(protocols, 1, protocols.length));
        WebSocket ws = builder.buildAsync(uri, session).get(30, TimeUnit.SECONDS);
        session.protocol = ws.getSubprotocol();
        session.closeCode.get(30, TimeUnit.SECONDS);
        return session;
    }

    /** Collects whole binary messages and the close code. */
    private static final class Session implements WebSocket.Listener {
        final List<byte[]> messages = new ArrayList<>();
        final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        String protocol;
        private final java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            partial.writeBytes(b);
            if (last) {
                messages.add(partial.toByteArray());
                partial.reset();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }

    private static String field(String kubeconfig, String name) {
        Matcher m = Pattern.compile(name + ": (\\S+)").matcher(kubeconfig);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    private static SSLContext trusting(String caBase64) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(caBase64))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return tls;
    }
}
