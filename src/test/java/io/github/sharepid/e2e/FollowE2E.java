package io.github.sharepid.e2e;

import static io.github.sharepid.e2e.Cluster.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code peek-root --follow} on a debug copy, on the real cluster: lines appended in the app container after
 * it started arrive, rotation and truncation are followed as {@code tail -F} does, Ctrl-C ends it with 130 and
 * leaves nothing running in the copy, and the target process's exit ends it with 0 and one note.
 */
@Tag("e2e")
class FollowE2E {
    private static final String POD = String.join("\n",
            "apiVersion: v1",
            "kind: Pod",
            "metadata: {name: app}",
            "spec:",
            "  containers:",
            "  - name: app",
            "    image: busybox",
            "    command: [sh, -c, 'echo started > /tmp/app.log; exec sleep 3600']",
            "");
    private static Cluster cluster;
    private static String copy;

    @BeforeAll
    static void copyOfTheApp() {
        cluster = Cluster.namespace("follow").applyAndWait(POD, "app");
        copy = ok(Shell.sharepid("debug", "app", "-n", cluster.ns, "--attach=false", "-q")).stdout().strip();
    }

    @AfterAll
    static void removeNamespace() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @DisplayName("appends, a rotation and a truncation all arrive; Ctrl-C: exit 130 and no script left in the copy")
    void follow_seesAppendsRotationAndTruncation_untilCtrlC() throws Exception {
        Process p = Shell.start(sigintDefault("peek-root", copy, "-n", cluster.ns, "-c", "app", "--follow",
                "/tmp/app.log"));
        DebugE2E.Screen out = new DebugE2E.Screen(p.getInputStream());
        DebugE2E.Screen err = new DebugE2E.Screen(p.getErrorStream());
        out.await("started\n", 60);

        inApp("echo one >> /tmp/app.log; echo two >> /tmp/app.log");
        out.await("two\n", 20);
        inApp("mv /tmp/app.log /tmp/app.log.1; echo rotated > /tmp/app.log");
        out.await("rotated\n", 20);
        inApp(": > /tmp/app.log; sleep 1; echo after truncation >> /tmp/app.log");
        out.await("after truncation\n", 20);
        ok(Shell.run(null, List.of("kill", "-s", "INT", String.valueOf(p.pid()))));

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(err.text()).isTrue();
        assertThat(p.exitValue()).as(err.text()).isEqualTo(130);
        assertThat(out.text()).isEqualTo("started\none\ntwo\nrotated\nafter truncation\n");
        assertThat(err.text())
                .contains("note: /tmp/app.log has been replaced; following the new file")
                .contains("note: /tmp/app.log was truncated; following it from its start")
                .doesNotContain("error:");
        awaitNoFollowScript();
    }

    @Test
    @DisplayName("the followed process exits: exit 0, what it wrote last arrives, and one note says why it ended")
    void follow_endsWithTheTargetProcess() throws Exception {
        String pid = ok(Shell.kubectl("-n", cluster.ns, "exec", copy, "-c", "app", "--", "sh", "-c",
                "echo old > /tmp/short.log; sleep 300 >/dev/null 2>&1 & echo $!")).stdout().strip();
        Process p = Shell.start(Shell.prepend("kubectl", List.of("sharepid", "peek-root", copy, "-n", cluster.ns, pid,
                "--follow", "--tail", "0", "/tmp/short.log")));
        DebugE2E.Screen out = new DebugE2E.Screen(p.getInputStream());
        DebugE2E.Screen err = new DebugE2E.Screen(p.getErrorStream());
        awaitFollowScript(true);

        inApp("echo last words >> /tmp/short.log; kill " + pid);

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(err.text()).isTrue();
        assertThat(p.exitValue()).as(err.text()).isZero();
        assertThat(out.text()).isEqualTo("last words\n");
        assertThat(err.text().lines().toList()).as(err.text())
                .noneMatch(line -> line.startsWith("error"))
                .filteredOn(line -> line.contains("exited"))
                .containsExactly("process " + pid + " exited; stopped following /tmp/short.log");
        awaitNoFollowScript();
    }

    private static void inApp(String script) {
        ok(Shell.kubectl("-n", cluster.ns, "exec", copy, "-c", "app", "--", "sh", "-c", script));
    }

    /** Our stdin closed with the connection, so the script stopped: nothing of it in the debug container. */
    private static void awaitNoFollowScript() {
        awaitFollowScript(false);
    }

    /** Until the follow script runs in the debug container (or, {@code running} false, until it does not). */
    private static void awaitFollowScript(boolean running) {
        String ps = "";
        for (int i = 0; i < 300; i++) {
            ps = ok(Shell.kubectl("-n", cluster.ns, "exec", copy, "-c", "sharepid", "--", "ps", "-o", "pid,args"))
                    .stdout();
            if (ps.contains("# peek-root --follow") == running) {
                return;
            }
            Cluster.sleep(200);
        }
        throw new AssertionError("the follow script " + (running ? "never ran" : "still runs") + " in the copy:\n" + ps);
    }

    /** The JVM ignores SIGINT when started with it ignored (a background job of a script): reset it first. */
    private static List<String> sigintDefault(String... sharepidArgs) {
        List<String> argv = new ArrayList<>(List.of("python3", "-c",
                "import os,signal,sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])",
                "kubectl", "sharepid"));
        argv.addAll(List.of(sharepidArgs));
        return argv;
    }
}
