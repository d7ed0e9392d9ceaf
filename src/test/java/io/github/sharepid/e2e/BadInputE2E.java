package io.github.sharepid.e2e;

import static io.github.sharepid.e2e.Cluster.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input typed at {@code kubectl sharepid} against the real cluster: every case must end with exactly
 * one line on stderr ({@code error: ...} naming what was wrong), the documented exit code (1 runtime/API,
 * 2 usage), nothing on stdout, within a bounded time, and without a side effect: the namespace holds the
 * same pods afterwards and the source pod's resourceVersion has not moved.
 */
@Tag("e2e")
class BadInputE2E {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static Cluster cluster;
    @RegisterExtension
    static final E2ENamespace NAMESPACE = E2ENamespace.named("badin", c -> cluster = c).withDocsPod();
    private static String copy;
    private static Path dir;
    private static ServerSocket silent;
    private static final List<Socket> held = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void namespaceWithPodsInEveryState() throws IOException {
        copy = ok(Shell.sharepid("debug", "nginx", "-n", cluster.ns, "--attach=false", "-q", "--copy-to", "nginx-copy"))
                .stdout().strip();
        ok(kubectl("run", "pending", "--image=busybox", "--restart=Never",
                "--overrides={\"spec\":{\"nodeSelector\":{\"sharepid.io/nosuch\":\"x\"}}}", "--", "sleep", "3600"));
        ok(kubectl("run", "done", "--image=busybox", "--restart=Never", "--", "true"));
        ok(kubectl("run", "dying", "--image=busybox", "--restart=Never", "--", "sleep", "3600"));
        ok(kubectl("wait", "--for=condition=Ready", "pod/dying", "--timeout=120s"));
        ok(kubectl("patch", "pod", "dying", "--type=merge", "-p", "{\"metadata\":{\"finalizers\":[\"sharepid.io/hold\"]}}"));
        ok(kubectl("delete", "pod", "dying", "--wait=false", "--grace-period=1"));
        await("done has Succeeded", () -> cluster.pod("done").at("/status/phase").asText().equals("Succeeded"));
        await("pending is Unschedulable", () -> cluster.pod("pending").at("/status/conditions/0/reason").asText()
                .equals("Unschedulable"));
        // the 1.20 kubelet may report the killed container as waiting (ContainerCreating) and the pod Failed
        await("dying's container has stopped", () -> {
            JsonNode dying = cluster.pod("dying");
            String phase = dying.at("/status/phase").asText();
            return phase.equals("Failed") || phase.equals("Succeeded")
                    || !dying.at("/status/containerStatuses/0/state/terminated").isMissingNode() && !phase.equals("Running");
        });
        dir = Files.createTempDirectory("sharepid-badin");
        Files.writeString(dir.resolve("garbage.kubeconfig"), "clusters: [ {{{ :\n\tnot: yaml: at: all\n");
        Files.writeString(dir.resolve("text.kubeconfig"), "hello world\n");
        Files.writeString(dir.resolve("refused.kubeconfig"), kubeconfigFor("https://127.0.0.1:1"));
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepter = new Thread(BadInputE2E::acceptAndNeverReply, "silent-api-server");
        accepter.setDaemon(true);
        accepter.start();
        Files.writeString(dir.resolve("silent.kubeconfig"), kubeconfigFor("https://127.0.0.1:" + silent.getLocalPort()));
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (silent != null) {
            silent.close();
        }
        for (Socket s : held) {
            s.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
        if (cluster != null) {
            // before NAMESPACE deletes the namespace: a pod with a finalizer would hold it Terminating
            kubectl("patch", "pod", "dying", "--type=merge", "-p", "{\"metadata\":{\"finalizers\":null}}");
        }
    }

    /**
     * The matrix: name, source pod whose resourceVersion must not move (null: none), exit code, what the
     * error line must contain, and the arguments after {@code kubectl sharepid -n NS}. {@code {copy}} and
     * {@code {dir}} stand for the debug copy and the directory of prepared kubeconfig files.
     */
    static Stream<Arguments> cases() {
        return Stream.of(
            // what is named does not exist
            c("debug of a pod that does not exist", "nginx", 1, "pod \"nosuch\" not found", "debug", "nosuch", "--attach=false"),
            c("ps of a pod that does not exist", null, 1, "pod \"nosuch\" not found", "ps", "nosuch"),
            c("signal to a pod that does not exist", null, 1, "pod \"nosuch\" not found", "signal", "nosuch", "8"),
            c("peek-root into a pod that does not exist", null, 1, "pod \"nosuch\" not found", "peek-root", "nosuch", "8", "/etc"),
            c("namespace that does not exist", "nginx", 1, "namespace \"sharepid-e2e-nosuch\"",
                    "debug", "nginx", "--attach=false", "--namespace=sharepid-e2e-nosuch"),
            c("context that does not exist", "nginx", 1, "context \"nosuch\" not found", "debug", "nginx", "--context", "nosuch"),
            // the source pod is in no state to be copied
            c("debug of a Pending pod that cannot be scheduled", "pending", 1, "pod \"pending\" cannot be scheduled",
                    "debug", "pending", "--attach=false", "--timeout", "20s"),
            c("debug of a pod that has Succeeded", "done", 1, "pod \"done\" has finished (Succeeded)",
                    "debug", "done", "--attach=false", "--timeout", "20s"),
            // the kubelet keeps updating a terminating pod's status (and so its resourceVersion): only the
            // pod set is compared for this row
            c("debug of a pod that is being deleted", null, 1, "pod \"dying\" is being deleted",
                    "debug", "dying", "--attach=false", "--timeout", "20s"),
            // names and flag values
            c("--copy-to that is not a DNS name", "nginx", 2, "--copy-to", "debug", "nginx", "--copy-to", "Bad_Name"),
            c("--copy-to of an existing pod", "nginx", 1, "\"nginx-copy\" already exists",
                    "debug", "nginx", "--copy-to", "nginx-copy", "--attach=false", "-q"),
            c("-c that is not a container name", "nginx", 2, "--container", "debug", "nginx", "-c", "Bad_Name"),
            c("-c longer than 63 characters", "nginx", 2, "--container", "debug", "nginx", "-c", "x".repeat(64)),
            c("unknown profile", "nginx", 2, "profile \"nosuch\"", "debug", "nginx", "--profile", "nosuch"),
            c("--set-image without =", "nginx", 2, "--set-image", "debug", "nginx", "--set-image", "busybox"),
            c("--set-image with an empty name", "nginx", 2, "--set-image", "debug", "nginx", "--set-image", "=busybox"),
            c("--set-image for a container the pod does not have", "nginx", 2, "no container \"nosuch\"",
                    "debug", "nginx", "--set-image", "nosuch=busybox", "--attach=false"),
            c("--env with an empty name", "nginx", 2, "--env", "debug", "nginx", "--env", "=x"),
            c("--env with a space in the name", "nginx", 2, "--env", "debug", "nginx", "--env", "A B=1"),
            c("--timeout that is not a duration", "nginx", 2, "--timeout", "debug", "nginx", "--timeout", "2x"),
            // PIDs and signals
            c("signal: PID that is not a number", "{copy}", 2, "\"abc\" is not a PID", "signal", "{copy}", "abc"),
            c("signal: negative PID", "{copy}", 2, "\"-5\" is not a PID", "signal", "{copy}", "--", "-5"),
            c("signal: PID 0", "{copy}", 2, "\"0\" is not a PID", "signal", "{copy}", "0"),
            c("signal: PID beyond pid_max", "{copy}", 2, "\"99999999\" is not a PID", "signal", "{copy}", "99999999"),
            c("signal: unknown signal name", "{copy}", 2, "unknown signal \"NOSUCH\"", "signal", "{copy}", "8", "-s", "NOSUCH"),
            c("signal: signal number out of range", "{copy}", 2, "unknown signal \"65\"", "signal", "{copy}", "8", "-s", "65"),
            c("signal: empty signal", "{copy}", 2, "unknown signal \"\"", "signal", "{copy}", "8", "-s", ""),
            c("peek-root: PID that is not a number", "{copy}", 2, "\"abc\" is not a PID", "peek-root", "{copy}", "abc", "/etc"),
            c("peek-root: negative PID", "{copy}", 2, "\"-5\" is not a PID", "peek-root", "{copy}", "--", "-5", "/etc"),
            c("peek-root: PID not in the pod", "{copy}", 1, "no process with PID 999999", "peek-root", "{copy}", "999999", "/etc"),
            c("peek-root: container not in the pod", "{copy}", 2, "container \"nosuch\" not found",
                    "peek-root", "{copy}", "-c", "nosuch", "/etc"),
            // paths: never interpreted, a missing one is "no such file"
            c("peek-root: relative path", "{copy}", 2, "must be absolute", "peek-root", "{copy}", "-c", "nginx", "etc/passwd"),
            c("peek-root: empty path", "{copy}", 2, "must not be empty", "peek-root", "{copy}", "-c", "nginx", ""),
            c("peek-root: leading dash after --", "{copy}", 2, "must be absolute", "peek-root", "{copy}", "-c", "nginx", "--", "-rf"),
            missing("/tmp/no such file"),
            missing("/tmp/quo'te\"s"),
            missing("/tmp/semi;colon; touch /tmp/pwned"),
            missing("/tmp/$(touch /tmp/pwned)"),
            missing("/tmp/`touch /tmp/pwned`"),
            missing("/tmp/new\nline"),
            missing("/tmp/-rf"),
            missing("/--help"),
            // flags in the wrong place
            c("-- before the command", null, 2, "Unmatched argument", "--", "debug", "nginx"),
            c("option value missing at the end", "nginx", 2, "--copy-to", "debug", "nginx", "--copy-to"),
            c("option value swallowed by the next flag", "nginx", 2, "--copy-to", "debug", "nginx", "--copy-to", "--rm"),
            c("-n without its value", "nginx", 2, "--namespace", "debug", "nginx", "--attach=false", "-n"),
            c("unknown command", null, 2, "nosuch", "nosuch", "nginx"),
            c("unknown option", "{copy}", 2, "-x", "ps", "{copy}", "-x"),
            c("path that looks like an option", "{copy}", 2, "-rf", "peek-root", "{copy}", "-c", "nginx", "-rf"),
            // kubeconfig and server
            c("kubeconfig that is a directory", null, 1, "cannot read kubeconfig", "ps", "{copy}", "--kubeconfig", "{dir}"),
            c("kubeconfig that does not exist", null, 1, "cannot read kubeconfig", "ps", "{copy}",
                    "--kubeconfig", "{dir}/nosuch.kubeconfig"),
            c("kubeconfig that is not YAML", null, 1, "not a valid kubeconfig", "ps", "{copy}",
                    "--kubeconfig", "{dir}/garbage.kubeconfig"),
            c("kubeconfig that is a plain string", null, 1, "not a mapping of kubeconfig fields", "ps", "{copy}",
                    "--kubeconfig", "{dir}/text.kubeconfig"),
            c("server that refuses connections", null, 1, "cannot connect to the API server at https://127.0.0.1:1",
                    "debug", "nginx", "--kubeconfig", "{dir}/refused.kubeconfig"),
            c("server that never answers (ps)", null, 1, "did not answer in time",
                    "ps", "{copy}", "--kubeconfig", "{dir}/silent.kubeconfig", "--request-timeout", "2s"),
            c("server that never answers (debug)", null, 1, "did not answer in time",
                    "debug", "nginx", "--kubeconfig", "{dir}/silent.kubeconfig", "--request-timeout", "2s"),
            c("server that never answers (cleanup)", null, 1, "did not answer in time",
                    "cleanup", "--all", "--kubeconfig", "{dir}/silent.kubeconfig", "--request-timeout", "2s"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInput_oneLineDocumentedExitNoSideEffect(String name, String source, int exit, String named, List<String> args) {
        String src = source == null ? null : expand(source);
        Map<String, String> before = podVersions();
        assertThat(src == null || before.containsKey(src)).as("source " + src + " exists").isTrue();

        long start = System.nanoTime();
        Shell.Result r = Shell.sharepid(argv(args));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(exit);
        assertThat(r.stdout()).as(r.toString()).isEmpty();
        assertThat(r.stderr().lines()).as(r.toString()).hasSize(1);
        assertThat(r.stderr()).as(r.toString()).startsWith("error: ").contains(named).doesNotContain("\tat ");
        assertThat(took).as("took " + took).isLessThan(BOUND);
        Map<String, String> after = podVersions();
        assertThat(after.keySet()).as("pods after").isEqualTo(before.keySet());
        if (src != null) {
            assertThat(after.get(src)).as("resourceVersion of " + src).isEqualTo(before.get(src));
        }
        assertThat(Shell.kubectl("-n", cluster.ns, "exec", copy, "-c", "sharepid", "--", "ls", "/tmp/pwned",
                "/proc/1/root/tmp/pwned").exitCode()).as("nothing was executed").isNotZero();
    }

    @Test
    @DisplayName("no command at all: kubectl sharepid prints the usage on stdout and exits 0, as kubectl does")
    void noCommand_printsUsage() {
        Shell.Result r = Shell.sharepid();

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stderr()).as(r.toString()).isEmpty();
        assertThat(r.stdout()).as(r.toString()).startsWith("Usage: kubectl sharepid COMMAND [ARGS] [flags]")
                .contains("Commands:");
    }

    @Test
    @DisplayName("signal: a PID not in the pod is a failed target: its result row, one error line, exit 1, nothing sent")
    void signal_pidNotInThePod_isAFailedTarget() {
        Map<String, String> before = podVersions();

        Shell.Result r = Shell.sharepid("-n", cluster.ns, "signal", copy, "999999");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout().lines()).as(r.toString()).hasSize(2).last().asString()
                .matches("999999 +- +TERM +gone +-");
        assertThat(r.stderr()).as(r.toString()).isEqualTo("error: PID 999999: no such process (it exited, or it is"
                + " not in this pod)\n");
        Map<String, String> after = podVersions();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(after.get(copy)).isEqualTo(before.get(copy));
    }

    private static Arguments missing(String path) {
        return c("peek-root: missing path taken literally: " + path.replace("\n", "\\n"), "{copy}", 1,
                "no such file or directory: " + path.replace("\n", " "), "peek-root", "{copy}", "-c", "nginx", "--", path);
    }

    private static Arguments c(String name, String source, int exit, String named, String... args) {
        return Arguments.of(name, source, exit, named, List.of(args));
    }

    /** {@code -n NS} first (a connection flag before the command, as kubectl allows), then the case's words. */
    private static String[] argv(List<String> args) {
        List<String> all = new ArrayList<>();
        if (args.stream().noneMatch(a -> a.startsWith("--namespace"))) {
            all.add("-n");
            all.add(cluster.ns);
        }
        args.forEach(a -> all.add(expand(a)));
        return all.toArray(String[]::new);
    }

    private static String expand(String word) {
        return word.replace("{copy}", copy).replace("{dir}", dir.toString());
    }

    /** Every pod of the namespace with its resourceVersion: a created, deleted or modified pod changes this map. */
    private static Map<String, String> podVersions() {
        Map<String, String> versions = new TreeMap<>();
        for (JsonNode pod : cluster.pods().at("/items")) {
            versions.put(pod.at("/metadata/name").asText(), pod.at("/metadata/resourceVersion").asText());
        }
        return versions;
    }

    private static Shell.Result kubectl(String... args) {
        List<String> all = new ArrayList<>(List.of("-n", cluster.ns));
        all.addAll(List.of(args));
        return Shell.kubectl(all.toArray(String[]::new));
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 300; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Cluster.sleep(200);
        }
        throw new AssertionError("timed out waiting until " + what);
    }

    /** A TCP server that accepts connections and never sends a byte: the API server that hangs. */
    private static void acceptAndNeverReply() {
        try {
            while (!silent.isClosed()) {
                held.add(silent.accept());
            }
        } catch (IOException e) {
            if (!silent.isClosed()) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String kubeconfigFor(String server) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster:
                    server: %s
                    insecure-skip-tls-verify: true
                users:
                - name: u
                  user:
                    token: not-a-real-token
                contexts:
                - name: c
                  context: {cluster: c, user: u}
                current-context: c
                """.formatted(server);
    }
}
