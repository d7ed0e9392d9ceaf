package io.github.sharepid.e2e;

import static io.github.sharepid.e2e.Cluster.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults survived: the copy deleted under a session, signals during the wait, an image that cannot be
 * pulled, and an API server that goes away or stops answering (a local proxy that the test cuts or
 * freezes; the shared API server is never stopped). Each ends with one error line, the documented exit
 * code, within a bound, and leaves the source pod untouched.
 */
@Tag("e2e")
class FaultsE2E {
    /** A pod whose copies stay in their init container for 20 s: time to act during the wait. */
    private static final String SLOW_POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: slow
            spec:
              terminationGracePeriodSeconds: 1
              initContainers:
              - name: warmup
                image: busybox
                command: ["sleep", "20"]
              containers:
              - name: app
                image: busybox
                command: ["sleep", "100000"]
            """;
    private static final int API_PORT = 6443;
    /** debug's --timeout in the API fault tests: shorter than the init container, so the wait is what ends. */
    private static final int WAIT_TIMEOUT_S = 12;
    private static final int REQUEST_TIMEOUT_S = 5;

    private static Cluster cluster;
    // until it runs, its status (and resourceVersion) keeps changing: wait for Ready
    @RegisterExtension
    static final E2ENamespace NAMESPACE = E2ENamespace.named("faults", c -> cluster = c).withDocsPod()
            .withPod(SLOW_POD, "slow");

    @TempDir
    Path tmp;

    @Test
    @DisplayName("the copy deleted by kubectl during an attached session: one error line, exit 1, terminal restored")
    void copyDeletedDuringSession_failsAndRestoresTerminal() throws Exception {
        String before = resourceVersion("nginx");
        Process p = Shell.start(List.of("script", "-qfec", "kubectl sharepid debug nginx --copy-to=nginx-gone -n "
                + cluster.ns + "; echo RC=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo",
                "/dev/null"));
        DebugE2E.Screen screen = new DebugE2E.Screen(p.getInputStream());
        screen.await("/ # ", 90);

        long t0 = System.nanoTime();
        ok(Shell.kubectl("-n", cluster.ns, "delete", "pod", "nginx-gone", "--wait=false"));

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(screen.text()).isTrue();
        double took = seconds(t0);
        System.out.printf("copy deleted during session: ended %.1f s after kubectl delete%n", took);
        List<String> lines = screen.text().lines().map(String::strip).toList();
        assertThat(lines).contains("error: the copy nginx-gone was deleted during the session", "RC=1",
                "icanon", "echo").doesNotContain("-icanon", "-echo");
        assertThat(screen.text()).doesNotContain("is kept").doesNotContain("deleted the copy");
        assertThat(took).as("noticed at once, not after the 30 s grace period").isLessThan(15);
        assertThat(resourceVersion("nginx")).isEqualTo(before);
    }

    @Test
    @DisplayName("Ctrl-C during the wait with --rm: exit 130, the copy is deleted")
    void sigintDuringWait_withRm_deletesCopy() throws Exception {
        signalDuringWait("INT", "slow-int", true, 130);
    }

    @Test
    @DisplayName("SIGTERM during the wait without --rm: exit 143, the copy (never attached, useless) is deleted too")
    void sigtermDuringWait_withoutRm_deletesCopy() throws Exception {
        signalDuringWait("TERM", "slow-term", false, 143);
    }

    private void signalDuringWait(String signal, String copy, boolean rm, int expectedExit) throws Exception {
        String before = resourceVersion("slow");
        List<String> argv = new ArrayList<>(List.of("debug", "slow", "--copy-to=" + copy, "-n", cluster.ns));
        if (rm) {
            argv.add("--rm");
        }
        Running r = Running.start(sigintDefault(argv));
        r.stderr.await("init container 1/1: warmup", 60);

        long t0 = System.nanoTime();
        ok(Shell.run(null, List.of("kill", "-s", signal, String.valueOf(r.process.pid()))));

        assertThat(r.process.waitFor(30, TimeUnit.SECONDS)).as(r.stderr.text()).isTrue();
        System.out.printf("SIG%s during the wait: ended in %.1f s%n", signal, seconds(t0));
        assertThat(r.process.exitValue()).as(r.stderr.text()).isEqualTo(expectedExit);
        assertThat(r.stderr.text()).contains("deleted the copy " + copy + " (interrupted)");
        assertGoneOrTerminating(copy);
        assertThat(resourceVersion("slow")).isEqualTo(before);
    }

    @Test
    @DisplayName("an image that cannot be pulled: one error line with ErrImagePull, exit 1, fast, the copy deleted")
    void unpullableImage_failsFastAndDeletesCopy() {
        String before = resourceVersion("nginx");
        long t0 = System.nanoTime();

        Shell.Result r = Shell.sharepid("debug", "nginx", "--copy-to=nginx-pull", "--image", "busybox:nonexistent-tag",
                "--attach=false", "-n", cluster.ns);

        double took = seconds(t0);
        System.out.printf("unpullable image: failed in %.1f s%n", took);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout()).isEmpty();
        assertThat(errorLines(r.stderr())).singleElement().asString()
                .startsWith("error: container sharepid in pod nginx-pull cannot start: ")
                .containsAnyOf("ErrImagePull", "ImagePullBackOff");
        assertThat(r.stderr()).contains("deleted the copy nginx-pull (the copy did not start)");
        assertThat(took).isLessThan(30);
        assertGoneOrTerminating("nginx-pull");
        assertThat(resourceVersion("nginx")).isEqualTo(before);
    }

    @Test
    @DisplayName("the API server unreachable during the wait: one error line, exit 1, bounded by --timeout")
    void apiCutDuringWait_failsWithinTimeout() throws Exception {
        apiFaultDuringWait("slow-cut", ApiProxy::cut);
    }

    @Test
    @DisplayName("the API server silent during the wait: one error line, exit 1, bounded by --timeout")
    void apiFrozenDuringWait_failsWithinTimeout() throws Exception {
        apiFaultDuringWait("slow-frozen", ApiProxy::freeze);
    }

    private void apiFaultDuringWait(String copy, java.util.function.Consumer<ApiProxy> fault) throws Exception {
        String before = resourceVersion("slow");
        try (ApiProxy proxy = new ApiProxy(API_PORT)) {
            Path kubeconfig = proxy.kubeconfig(kubeconfig(), tmp);
            Running r = Running.start(List.of("kubectl", "sharepid", "debug", "slow", "--copy-to=" + copy, "--attach=false",
                    "--timeout=" + WAIT_TIMEOUT_S + "s", "--request-timeout=" + REQUEST_TIMEOUT_S + "s", "--kubeconfig", kubeconfig.toString(), "-n", cluster.ns));
            r.stderr.await("init container 1/1: warmup", 60);

            long t0 = System.nanoTime();
            fault.accept(proxy);

            assertThat(r.process.waitFor(60, TimeUnit.SECONDS)).as(r.stderr.text()).isTrue();
            System.out.printf("API %s during the wait: ended in %.1f s; stderr:%n%s", copy, seconds(t0), r.stderr.text());
            assertThat(r.process.exitValue()).as(r.stderr.text()).isEqualTo(1);
            assertThat(r.stdout.text()).isEmpty();
            assertThat(errorLines(r.stderr.text())).as(r.stderr.text()).singleElement().asString()
                    .contains("the copy " + copy + " was not deleted (")
                    .endsWith("delete it with: kubectl sharepid cleanup " + copy + " -n " + cluster.ns);
            // the wait, then at most the events lookup and the delete, each bounded by --request-timeout
            assertThat(seconds(t0)).isLessThan(WAIT_TIMEOUT_S + 2 * REQUEST_TIMEOUT_S + 5);
        }
        // The proxy is gone: the copy could not be deleted through it; the message said so. Clean up here.
        Shell.kubectl("-n", cluster.ns, "delete", "pod", copy, "--wait=false", "--ignore-not-found");
        assertThat(resourceVersion("slow")).isEqualTo(before);
    }

    @Test
    @DisplayName("the API server unreachable / silent during peek-root of a large file: one error line, exit 1, bounded")
    void apiFaultDuringPeekRoot_failsBounded() throws Exception {
        String copy = ok(Shell.sharepid("debug", "nginx", "--attach=false", "-q", "-n", cluster.ns)).stdout().strip();
        ok(Shell.kubectl("-n", cluster.ns, "exec", copy, "-c", "shell", "--", "sh", "-c",
                "head -c 314572800 /dev/zero > /tmp/big"));
        String before = resourceVersion("nginx");
        for (String mode : List.of("cut", "freeze")) {
            try (ApiProxy proxy = new ApiProxy(API_PORT)) {
                Path kubeconfig = proxy.kubeconfig(kubeconfig(), tmp);
                Running r = Running.start(List.of("kubectl", "sharepid", "peek-root", copy, "-c", "shell", "/tmp/big",
                        "--request-timeout=5s", "--kubeconfig", kubeconfig.toString(), "-n", cluster.ns));
                r.stdoutBytes.awaitAtLeast(8L << 20, 60);

                long t0 = System.nanoTime();
                if (mode.equals("cut")) {
                    proxy.cut();
                } else {
                    proxy.freeze();
                }

                assertThat(r.process.waitFor(30, TimeUnit.SECONDS)).as(r.stderr.text()).isTrue();
                System.out.printf("API %s during peek-root: ended %.1f s later after %d MiB; stderr: %s", mode,
                        seconds(t0), r.stdoutBytes.count() >> 20, r.stderr.text());
                assertThat(r.process.exitValue()).as(r.stderr.text()).isEqualTo(1);
                assertThat(errorLines(r.stderr.text())).as(r.stderr.text()).singleElement().asString()
                        .startsWith("error: exec in " + copy + "/sharepid")
                        .contains(mode.equals("cut") ? "the connection to the API server was lost"
                                : "no data from the server for 5s (--request-timeout)");
                assertThat(r.stdoutBytes.count()).isLessThan(314572800L);
            }
        }
        assertThat(resourceVersion("nginx")).isEqualTo(before);
        Shell.kubectl("-n", cluster.ns, "delete", "pod", copy, "--grace-period=1", "--wait=false");
    }

    private static Path kubeconfig() {
        return Path.of(System.getenv("KUBECONFIG").split(":")[0]);
    }

    /** The JVM ignores SIGINT when started with it ignored (a background job of a script): reset it first. */
    private static List<String> sigintDefault(List<String> sharepidArgs) {
        List<String> argv = new ArrayList<>(List.of("python3", "-c",
                "import os,signal,sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])",
                "kubectl", "sharepid"));
        argv.addAll(sharepidArgs);
        return argv;
    }

    private static List<String> errorLines(String stderr) {
        return stderr.lines().filter(l -> l.startsWith("error:") || l.contains("Exception")).toList();
    }

    private static void assertGoneOrTerminating(String pod) {
        boolean alive = cluster.exists(pod) && cluster.pod(pod).at("/metadata/deletionTimestamp").isMissingNode();
        assertThat(alive).as(pod + " still exists and is not being deleted").isFalse();
    }

    private static String resourceVersion(String pod) {
        return cluster.pod(pod).at("/metadata/resourceVersion").asText();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** A command running in the background, its stdout counted and its stderr watched. */
    private record Running(Process process, DebugE2E.Screen stderr, DebugE2E.Screen stdout, ByteCounter stdoutBytes) {
        static Running start(List<String> argv) throws IOException {
            Process p = Shell.start(argv);
            DebugE2E.Screen err = new DebugE2E.Screen(p.getErrorStream());
            if (argv.contains("peek-root")) {
                return new Running(p, err, null, new ByteCounter(p.getInputStream()));
            }
            return new Running(p, err, new DebugE2E.Screen(p.getInputStream()), null);
        }
    }

    /** Reads a stream to its end, keeping only the count. */
    static final class ByteCounter {
        private final AtomicLong count = new AtomicLong();

        ByteCounter(InputStream in) {
            CompletableFuture.runAsync(() -> {
                byte[] buf = new byte[1 << 16];
                try (in) {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        count.addAndGet(n);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
        }

        long count() {
            return count.get();
        }

        void awaitAtLeast(long bytes, int seconds) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (count() < bytes) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("only " + count() + " bytes within " + seconds + " s");
                }
                Cluster.sleep(20);
            }
        }
    }

}
