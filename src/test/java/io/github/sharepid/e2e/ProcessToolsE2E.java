package io.github.sharepid.e2e;

import static io.github.sharepid.e2e.Cluster.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The docs page's walkthrough (ps ax, kill -HUP, head /proc/PID/root/...) through {@code kubectl sharepid
 * ps | signal | peek-root} on a debug copy of the docs pod, on the real cluster.
 */
@Tag("e2e")
class ProcessToolsE2E {
    private static Cluster cluster;
    @RegisterExtension
    static final E2ENamespace NAMESPACE = E2ENamespace.named("tools", c -> cluster = c).withDocsPod();
    private static String copy;

    @BeforeAll
    static void copyOfTheDocsPod() {
        copy = ok(Shell.sharepid("debug", "nginx", "-n", cluster.ns, "--attach=false", "-q")).stdout().strip();
    }

    @Test
    @DisplayName("ps: PID 1 is the sandbox, nginx's master and workers belong to nginx, the shells to their containers")
    void ps_attributesEveryProcessToItsContainer() {
        JsonNode doc = Cluster.json(ok(sharepid("ps", copy, "-o", "json")).stdout());

        assertThat(doc.at("/pod").asText()).isEqualTo(copy);
        List<JsonNode> procs = list(doc.at("/processes"));
        assertThat(procs).anySatisfy(p -> {
            assertThat(p.at("/pid").asInt()).isEqualTo(1);
            assertThat(p.at("/container").asText()).isEqualTo("(sandbox)");
            assertThat(p.at("/command").asText()).isEqualTo("/pause");
        });
        assertThat(procs).anySatisfy(p -> {
            assertThat(p.at("/container").asText()).isEqualTo("nginx");
            assertThat(p.at("/command").asText()).startsWith("nginx: master process");
            assertThat(p.at("/user").asText()).isEqualTo("root");
        });
        assertThat(procs.stream().filter(p -> p.at("/command").asText().equals("nginx: worker process")))
                .isNotEmpty()
                .allSatisfy(p -> {
                    assertThat(p.at("/container").asText()).isEqualTo("nginx");
                    assertThat(p.at("/uid").asInt()).isEqualTo(101);
                    assertThat(p.at("/user").asText()).isEqualTo("nginx");
                });
        assertThat(procs).anySatisfy(p -> {
            assertThat(p.at("/container").asText()).isEqualTo("sharepid");
            assertThat(p.at("/command").asText()).isEqualTo("sh");
        });
        assertThat(procs).anySatisfy(p -> assertThat(p.at("/container").asText()).isEqualTo("shell"));
    }

    @Test
    @DisplayName("ps table: kubectl-style columns, --no-headers and -c filter")
    void ps_tableColumnsAndFilter() {
        String table = ok(sharepid("ps", copy)).stdout();
        assertThat(table.lines().findFirst().orElseThrow()).matches("PID +CONTAINER +USER +STAT +TIME +COMMAND");
        assertThat(table).contains("(sandbox)").contains("/pause");

        String nginxOnly = ok(sharepid("ps", copy, "-c", "nginx", "--no-headers")).stdout();
        assertThat(nginxOnly.lines()).isNotEmpty().allSatisfy(l -> assertThat(l.split(" +")[1]).isEqualTo("nginx"));
    }

    @Test
    @DisplayName("signal -c nginx --match master -s HUP: nginx replaces its workers")
    void signalHup_reloadsNginx() {
        List<Integer> before = workers();

        Shell.Result r = ok(sharepid("signal", copy, "--container", "nginx", "--match", "master", "-s", "HUP"));

        assertThat(r.stdout()).contains("HUP").contains("sent").contains("nginx: master process");
        List<Integer> after = waitForNewWorkers(before);
        assertThat(after).isNotEmpty().doesNotContainAnyElementsOf(before);
    }

    @Test
    @DisplayName("signal --dry-run sends nothing; PID 1 is refused without --force")
    void signal_dryRunAndSandboxGuard() {
        List<Integer> before = workers();
        ok(sharepid("signal", copy, "-c", "nginx", "--match", "worker", "--all", "--dry-run", "-s", "KILL"));
        assertThat(workers()).isEqualTo(before);

        Shell.Result pid1 = sharepid("signal", copy, "1");
        assertThat(pid1.exitCode()).isEqualTo(2);
        assertThat(pid1.stderr()).contains("sandbox").contains("--force");
    }

    @Test
    @DisplayName("peek-root -c nginx /etc/nginx/nginx.conf is byte-identical to kubectl exec cat")
    void peekRoot_fileIsByteIdenticalToExecCat() {
        byte[] viaExec = ok(Shell.kubectl("-n", cluster.ns, "exec", copy, "-c", "nginx", "--",
                "cat", "/etc/nginx/nginx.conf")).stdoutBytes();

        byte[] viaPeek = ok(sharepid("peek-root", copy, "-c", "nginx", "/etc/nginx/nginx.conf")).stdoutBytes();

        assertThat(viaPeek).isNotEmpty().isEqualTo(viaExec);
    }

    @Test
    @DisplayName("peek-root streams a binary file with the same sha256 as inside the container")
    void peekRoot_binaryRoundTrip() throws Exception {
        ok(Shell.kubectl("-n", cluster.ns, "exec", copy, "-c", "nginx", "--", "sh", "-c",
                "head -c 3000000 /dev/urandom > /tmp/blob.bin"));
        String remote = ok(Shell.kubectl("-n", cluster.ns, "exec", copy, "-c", "nginx", "--",
                "sha256sum", "/tmp/blob.bin")).stdout().split(" ")[0];

        byte[] local = ok(sharepid("peek-root", copy, "-c", "nginx", "/tmp/blob.bin")).stdoutBytes();

        assertThat(local).hasSize(3_000_000);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(local))).isEqualTo(remote);
    }

    @ParameterizedTest(name = "literal path: {0}")
    @ValueSource(strings = {"/tmp/with space", "/tmp/quo'te\"s", "/tmp/semi;colon", "/tmp/$(touch pwned)",
        "/tmp/`touch pwned`", "/tmp/new\nline", "/tmp/-rf", "/tmp/--help"})
    void peekRoot_hostilePathsAreTakenLiterally(String path) {
        String content = "content of " + path + "\n";
        // write the file with a printf whose arguments are argv elements too: no shell parsing of the name
        ok(Shell.kubectl("-n", cluster.ns, "exec", copy, "-c", "nginx", "--", "sh", "-c",
                "printf '%s' \"$1\" > \"$2\"", "sh", content, path));

        Shell.Result r = ok(sharepid("peek-root", copy, "-c", "nginx", path));

        assertThat(r.stdout()).isEqualTo(content);
        assertThat(Shell.kubectl("-n", cluster.ns, "exec", copy, "-c", "sharepid", "--", "ls", "/pwned", "/proc/1/root/pwned")
                .exitCode()).isNotZero();
    }

    @Test
    @DisplayName("peek-root follows an absolute symlink inside the target's root, not the debug container's")
    void peekRoot_absoluteSymlinkResolvesInTheTargetRoot() {
        ok(Shell.kubectl("-n", cluster.ns, "exec", copy, "-c", "nginx", "--", "ln", "-sf",
                "/etc/nginx/nginx.conf", "/tmp/conf-link"));
        byte[] viaExec = ok(Shell.kubectl("-n", cluster.ns, "exec", copy, "-c", "nginx", "--",
                "cat", "/etc/nginx/nginx.conf")).stdoutBytes();

        assertThat(ok(sharepid("peek-root", copy, "-c", "nginx", "/tmp/conf-link")).stdoutBytes()).isEqualTo(viaExec);
    }

    @Test
    @DisplayName("ps on a pod that does not share its process namespace suggests debug")
    void ps_unsharedPod_suggestsDebug() {
        ok(Shell.kubectl("-n", cluster.ns, "run", "lonely", "--image=busybox", "--restart=Never", "--", "sleep", "3600"));

        Shell.Result r = sharepid("ps", "lonely");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr().strip()).startsWith("error: pod lonely").contains("kubectl sharepid debug lonely")
                .doesNotContain("\n");
    }

    private static Shell.Result sharepid(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("-n");
        all.add(cluster.ns);
        return Shell.sharepid(all.toArray(String[]::new));
    }

    private static List<Integer> workers() {
        JsonNode doc = Cluster.json(ok(sharepid("ps", copy, "-c", "nginx", "-o", "json")).stdout());
        return list(doc.at("/processes")).stream()
                .filter(p -> p.at("/command").asText().equals("nginx: worker process"))
                .map(p -> p.at("/pid").asInt()).sorted().toList();
    }

    private static List<Integer> waitForNewWorkers(List<Integer> before) {
        List<Integer> now = workers();
        for (int i = 0; i < 50 && (now.isEmpty() || now.stream().anyMatch(before::contains)); i++) {
            Cluster.sleep(200);
            now = workers();
        }
        return now;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

}
