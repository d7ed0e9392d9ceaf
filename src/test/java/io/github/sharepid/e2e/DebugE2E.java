package io.github.sharepid.e2e;

import static io.github.sharepid.e2e.Cluster.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code kubectl sharepid debug}, {@code list} and {@code cleanup} on the real cluster, through kubectl. */
@Tag("e2e")
class DebugE2E {
    private static Cluster cluster;
    @RegisterExtension
    static final E2ENamespace NAMESPACE = E2ENamespace.named("debug", c -> cluster = c).withDocsPod();

    @Test
    @DisplayName("kubectl plugin list finds kubectl-sharepid")
    void pluginList_findsTheLauncher() {
        Shell.Result r = Shell.kubectl("plugin", "list");
        assertThat(r.stdout()).contains(Shell.BIN.resolve("kubectl-sharepid").toString());
    }

    @Test
    @DisplayName("debug --attach=false: a Running copy that shares its process namespace; the original is untouched")
    void debugDetached_createsLabelledRunningCopy() {
        String before = cluster.pod("nginx").at("/metadata/resourceVersion").asText();

        Shell.Result r = ok(Shell.sharepid("debug", "nginx", "-n", cluster.ns, "--attach=false"));

        String copy = r.stdout().strip();
        assertThat(copy).matches("nginx-sharepid-[a-z0-9]{5}");
        assertThat(r.stdout()).isEqualTo(copy + "\n");
        JsonNode pod = cluster.pod(copy);
        assertThat(pod.at("/status/phase").asText()).isEqualTo("Running");
        assertThat(pod.at("/spec/shareProcessNamespace").asBoolean()).isTrue();
        assertThat(pod.at("/spec/restartPolicy").asText()).isEqualTo("Never");
        assertThat(pod.at("/metadata/labels/app.kubernetes.io~1managed-by").asText()).isEqualTo("kubectl-sharepid");
        assertThat(pod.at("/metadata/annotations/sharepid.io~1source-pod").asText()).isEqualTo("nginx");
        assertThat(pod.at("/metadata/annotations/sharepid.io~1debug-container").asText()).isEqualTo("sharepid");
        JsonNode debug = pod.at("/spec/containers/2");
        assertThat(debug.at("/name").asText()).isEqualTo("sharepid");
        assertThat(debug.at("/securityContext/capabilities/add/0").asText()).isEqualTo("SYS_PTRACE");
        assertThat(cluster.pod("nginx").at("/metadata/resourceVersion").asText()).isEqualTo(before);
        ok(Shell.kubectl("-n", cluster.ns, "delete", "pod", copy, "--grace-period=1", "--wait=false"));
    }

    @Test
    @DisplayName("debug under a terminal: the first prompt shows, ps runs, 'exit 3' becomes exit code 3, --rm deletes the copy")
    void debugAttachedTty_passesExitCodeAndRemovesCopy() throws Exception {
        String before = cluster.pod("nginx").at("/metadata/resourceVersion").asText();
        Process p = Shell.start(List.of("script", "-qfec",
                "kubectl sharepid debug nginx --rm --copy-to=nginx-tty -n " + cluster.ns, "/dev/null"));
        Screen screen = new Screen(p.getInputStream());
        OutputStream keys = p.getOutputStream();

        screen.await("/ # ", 90);
        type(keys, "ps\n");
        screen.await("nginx: master process", 30);
        type(keys, "exit 3\n");

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(screen.text()).isTrue();
        assertThat(p.exitValue()).as(screen.text()).isEqualTo(3);
        assertThat(screen.text()).contains("deleted the copy nginx-tty");
        assertThat(cluster.exists("nginx-tty") && !terminating("nginx-tty")).isFalse();
        assertThat(cluster.pod("nginx").at("/metadata/resourceVersion").asText()).isEqualTo(before);
    }

    @Test
    @DisplayName("SIGTERM during an attached --rm session: the copy is deleted and the terminal restored")
    void debugAttachedSigterm_deletesCopyAndRestoresTerminal() throws Exception {
        Process p = Shell.start(List.of("script", "-qfec", "kubectl sharepid debug nginx --rm --copy-to=nginx-term -n "
                + cluster.ns + "; stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo", "/dev/null"));
        Screen screen = new Screen(p.getInputStream());
        screen.await("/ # ", 90);

        ProcessHandle sharepid = Shell.runningBinary(p, "debug")
                .orElseThrow(() -> new AssertionError("no kubectl-sharepid debug process under script"));
        assertThat(sharepid.destroy()).isTrue(); // SIGTERM

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(screen.text()).isTrue();
        assertThat(screen.text()).contains("deleted the copy nginx-term (interrupted)");
        assertThat(screen.text().lines().map(String::strip)).contains("icanon", "echo").doesNotContain("-icanon");
        assertThat(cluster.exists("nginx-term") && !terminating("nginx-term")).isFalse();
    }

    @Test
    @DisplayName("debug with piped stdin: no TTY, commands run, the shell's exit code is returned")
    void debugPiped_runsInputWithoutTty() {
        Shell.Result r = Shell.sharepidWithStdin("ps\nexit 4\n".getBytes(StandardCharsets.UTF_8),
                "debug", "nginx", "--rm", "-n", cluster.ns);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.stdout()).contains("nginx: master process").doesNotContain("/ # ");
        assertThat(r.stderr()).contains("deleted the copy");
    }

    @Test
    @DisplayName("list shows copies; cleanup deletes only pods that carry the managed-by label")
    void listAndCleanup_touchOnlyManagedPods() {
        String a = ok(Shell.sharepid("debug", "nginx", "-n", cluster.ns, "--attach=false", "-q")).stdout().strip();
        ok(Shell.kubectl("-n", cluster.ns, "run", "bystander", "--image=busybox", "--restart=Never",
                "--labels=app.kubernetes.io/name=sharepid-lookalike", "--", "sleep", "3600"));

        Shell.Result list = ok(Shell.sharepid("list", "-n", cluster.ns));
        assertThat(list.stdout()).startsWith("NAME").contains(a).contains("nginx").doesNotContain("bystander");

        Shell.Result dry = ok(Shell.sharepid("cleanup", "--all", "--dry-run", "-n", cluster.ns));
        assertThat(dry.stdout()).contains(a);
        assertThat(cluster.exists(a)).isTrue();

        ok(Shell.sharepid("cleanup", "--all", "-n", cluster.ns));
        assertThat(cluster.exists(a) && !terminating(a)).isFalse();
        assertThat(cluster.exists("bystander")).isTrue();
        assertThat(cluster.exists("nginx")).isTrue();
    }

    @Test
    @DisplayName("debug of a pod that does not exist: one line, exit 1, nothing created")
    void debugMissingPod_failsCleanly() {
        long podsBefore = livePods();

        Shell.Result r = Shell.sharepid("debug", "no-such-pod", "-n", cluster.ns, "--attach=false");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr().strip()).isEqualTo("error: pod \"no-such-pod\" not found in namespace \"" + cluster.ns + "\"");
        assertThat(r.stdout()).isEmpty();
        assertThat(livePods()).isEqualTo(podsBefore);
    }

    /** Pods not being deleted: a copy an earlier test deleted may vanish at any moment. */
    private long livePods() {
        long n = 0;
        for (JsonNode pod : cluster.pods().at("/items")) {
            n += pod.at("/metadata/deletionTimestamp").isMissingNode() ? 1 : 0;
        }
        return n;
    }

    private boolean terminating(String pod) {
        return !cluster.pod(pod).at("/metadata/deletionTimestamp").isMissingNode();
    }

    private static void type(OutputStream keys, String text) throws Exception {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Collects what a process shows on its terminal, and waits for text to appear. */
    static final class Screen {
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();
        private final List<Thread> readers = new ArrayList<>();

        Screen(InputStream in) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[4096];
                try {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        synchronized (seen) {
                            seen.write(buf, 0, n);
                        }
                    }
                } catch (java.io.IOException e) {
                    // process ended
                }
            });
            t.setDaemon(true);
            t.start();
            readers.add(t);
        }

        String text() {
            synchronized (seen) {
                return seen.toString(StandardCharsets.UTF_8);
            }
        }

        void await(String needle, int seconds) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                if (text().contains(needle)) {
                    return;
                }
                Cluster.sleep(100);
            }
            throw new AssertionError("did not see \"" + needle + "\" within " + seconds + "s; screen:\n" + text());
        }
    }
}
