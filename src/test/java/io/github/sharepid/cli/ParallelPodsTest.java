package io.github.sharepid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Attach;
import io.github.sharepid.kube.EphemeralContainers;
import io.github.sharepid.kube.Exec;
import io.github.sharepid.kube.KubeContext;
import io.github.sharepid.kube.Lookups;
import io.github.sharepid.kube.PodWaits;
import io.github.sharepid.kube.PodSelections;
import io.github.sharepid.kube.Pods;
import io.github.sharepid.kube.Screen;
import io.github.sharepid.kube.fabric8.ChannelTestServer;
import io.github.sharepid.kube.fabric8.ChannelTestServer.Answer;
import io.github.sharepid.kube.fabric8.ChannelTestServer.Connection;
import io.github.sharepid.kube.fabric8.Fabric8Context;
import io.github.sharepid.kube.fabric8.connect.ChannelHttpClientFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The core is safe to fan out: ps and peek-root for 20 pods at once, on 8 threads, through one connection's
 * real adapters (one fabric8 client, one Fabric8Context) against a websocket server that answers each pod
 * in many small frames, the pod's main container named after the pod. Every pod's output must be whole and
 * its own. Every fifth pod's exec goes silent
 * past the request timeout and, once the client has given up and closed, sends more bytes: a session
 * reported as failed must write nothing more into its caller's stream (what a fan-out's shared or
 * per-pod output would otherwise get in the middle of other pods' lines).
 */
@Timeout(120)
class ParallelPodsTest {
    private static final String NS = "fixtures-proc";
    private static final int PODS = 20;
    private static final int IDLE_LIMIT_MS = 4000;
    private static final Pattern POD = Pattern.compile("/pods/(pod-\\d+)(/exec)?(\\?.*)?$");
    private static final String SUCCESS = "{\"status\":\"Success\"}";

    /** Serialised once: a KubernetesSerialization per request would cost more than the request timeout. */
    private static final String POD_JSON = podJson();

    private final ChannelHttpClientFactory http = new ChannelHttpClientFactory();

    /** One command's run, its streams kept so that anything written after it returned is seen. */
    private record Run(int pod, String command, int exitCode, ByteArrayOutputStream out, ByteArrayOutputStream err,
                       Io io) {
        String stdout() {
            io.flush();
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void psAndPeekRoot_for20PodsOn8Threads_eachPodsOutputWholeAndItsOwn() throws Exception {
        byte[] ps = fixture("docs-pod.bin");
        List<Run> runs = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (ChannelTestServer server = new ChannelTestServer(List.of("v5.channel.k8s.io", "v4.channel.k8s.io"),
                (method, path) -> route(path, ps));
             KubernetesClient client = client(server)) {
            KubeContext shared = new Fabric8Context(client, http);
            List<Future<Run>> futures = new ArrayList<>();
            for (int i = 0; i < PODS; i++) {
                int pod = i;
                futures.add(threads.submit(() -> run(shared, pod, "ps", "pod-" + pod, "--exec-container", "shell")));
                futures.add(threads.submit(() -> run(shared, pod, "peek-root", "pod-" + pod, "8", "/etc/motd",
                        "--exec-container", "shell")));
            }
            for (Future<Run> f : futures) {
                runs.add(f.get());
            }
            server.close(); // joins every session: the late bytes have been sent and the connections closed
            assertThat(server.failures()).isEmpty();
        } finally {
            threads.shutdownNow();
        }
        String wholePs = runs.stream().filter(r -> r.command().equals("ps") && r.pod() == 0).findFirst()
                .orElseThrow().stdout();
        assertThat(wholePs).contains("pod-0       root    Ss     0:00   nginx: master process").contains("(sandbox)");
        for (Run r : runs) {
            assertThat(r.stdout()).as("pod-%d %s", r.pod(), r.command()).doesNotContain("LATE");
            if (silent(r.pod())) {
                assertThat(r.exitCode()).as("pod-%d %s", r.pod(), r.command()).isEqualTo(1);
                assertThat(r.err().toString(StandardCharsets.UTF_8)).contains("no data from the server");
            } else if (r.command().equals("ps")) {
                assertThat(r.exitCode()).isZero();
                // the pod's main container is named after the pod: its own rows, none of another pod's
                assertThat(columns(r.stdout())).as("pod-%d ps", r.pod())
                        .isEqualTo(columns(wholePs.replace("pod-0 ", "pod-" + r.pod() + " ")));
            } else {
                assertThat(r.exitCode()).as("pod-%d peek-root: %s", r.pod(), r.err()).isZero();
                assertThat(r.stdout()).as("pod-%d peek-root", r.pod()).isEqualTo(motd(r.pod()));
            }
        }
    }

    private static String columns(String table) {
        return table.replaceAll(" +", " ");
    }

    private Run run(KubeContext shared, int pod, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(new byte[0]), out, err, () -> false);
        int code = Cli.commandLine(io, options -> new Unclosed(shared)).execute(args);
        io.flush();
        return new Run(pod, args[0], code, out, err, io);
    }

    private static boolean silent(int pod) {
        return pod % 5 == 3;
    }

    /** Each pod's file: 100 lines that name it, sent in frames of 100 bytes. */
    private static String motd(int pod) {
        StringBuilder b = new StringBuilder();
        for (int line = 0; line < 100; line++) {
            b.append("pod-").append(pod).append(" line ").append(line).append('\n');
        }
        return b.toString();
    }

    private static Answer route(String path, byte[] ps) throws IOException {
        Matcher m = POD.matcher(path);
        if (!m.find()) {
            return Answer.reply(404, "{\"kind\":\"Status\",\"status\":\"Failure\",\"code\":404}");
        }
        int pod = Integer.parseInt(m.group(1).substring("pod-".length()));
        if (m.group(2) == null) {
            return Answer.reply(200, POD_JSON.replace("\"name\":\"nginx\"", "\"name\":\"" + m.group(1) + "\""));
        }
        byte[] body = isPeek(path) ? ("F/etc/motd\0" + motd(pod)).getBytes(StandardCharsets.UTF_8) : ps;
        return Answer.upgrade(c -> {
            if (silent(pod)) {
                goSilentThenLate(c, body);
            } else {
                sendInPieces(c, body);
                c.send(3, SUCCESS);
                c.close();
            }
        });
    }

    private static boolean isPeek(String path) {
        return java.net.URLDecoder.decode(path, StandardCharsets.UTF_8).contains("/etc/motd");
    }

    private static void sendInPieces(Connection c, byte[] body) throws IOException {
        for (int at = 0; at < body.length; at += 100) {
            c.send(1, java.util.Arrays.copyOfRange(body, at, Math.min(body.length, at + 100)));
        }
    }

    /** Part of the output, silence until the client gives up and closes, then late bytes and a status. */
    private static void goSilentThenLate(Connection c, byte[] body) throws IOException {
        c.send(1, java.util.Arrays.copyOf(body, Math.min(body.length, 100)));
        try {
            while (true) {
                c.receive(); // the client's stdin frames, if any, until it closes
            }
        } catch (IOException closedByTheClient) {
            // expected: the idle limit passed
        }
        c.send(1, "LATE stdout of a session already reported as failed\n");
        c.send(2, "LATE stderr\n");
        c.send(3, SUCCESS);
        c.close();
        try {
            while (true) {
                c.receive(); // until the client has closed the connection: it has read everything by then
            }
        } catch (IOException gone) {
            // done
        }
    }

    private static String podJson() {
        try (InputStream in = ParallelPodsTest.class.getResourceAsStream("/proc/docs-pod.json")) {
            KubernetesSerialization json = new KubernetesSerialization();
            Pod pod = json.unmarshal(in, Pod.class);
            return json.asJson(new PodBuilder(pod).editMetadata().withName("nginx").withNamespace(NS).endMetadata()
                    .build());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ParallelPodsTest.class.getResourceAsStream("/proc/" + name)) {
            return in.readAllBytes();
        }
    }

    private KubernetesClient client(ChannelTestServer server) {
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(server.url()).withNamespace(NS)
                .withRequestRetryBackoffLimit(0).withRequestTimeout(IDLE_LIMIT_MS).build();
        return new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(http).build();
    }

    /** The shared connection as each command sees it: the command's close must not close it for the others. */
    private record Unclosed(KubeContext shared) implements KubeContext {
        @Override
        public String namespace() {
            return shared.namespace();
        }

        @Override
        public String serverUrl() {
            return shared.serverUrl();
        }

        @Override
        public Pods pods() {
            return shared.pods();
        }

        @Override
        public PodWaits waits() {
            return shared.waits();
        }

        @Override
        public Lookups lookups() {
            return shared.lookups();
        }

        @Override
        public Exec exec() {
            return shared.exec();
        }

        @Override
        public Attach attach() {
            return shared.attach();
        }

        @Override
        public EphemeralContainers ephemeralContainers() {
            return shared.ephemeralContainers();
        }

        @Override
        public Screen.Opener screens() {
            return shared.screens();
        }

        @Override
        public PodSelections podSelections() {
            return shared.podSelections();
        }

        @Override
        public SharepidException explain(Throwable failure) {
            return shared.explain(failure);
        }

        @Override
        public void close() {
            // the test closes the shared client once every command is done
        }
    }
}
