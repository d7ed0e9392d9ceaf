package io.github.sharepid.e2e;

import static io.github.sharepid.e2e.Cluster.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Load: {@code ps} over 2,000 processes, {@code peek-root} of a 1 GiB file, 20 concurrent {@code ps}.
 * Figures (wall time, the launcher JVM's peak RSS from {@code /usr/bin/time}) are printed; the asserts are
 * about correctness and bounds, not speed.
 */
@Tag("e2e")
class LoadE2E {
    private static final int PROCESSES = 2000;
    private static final long GIB = 1L << 30;
    private static final long RSS_BOUND_KIB = 400L * 1024;
    /** The pod of {@link #PROCESSES} processes, shared with bench/run.sh. */
    private static final String MANY_POD = manifest("e2e/many-processes.yaml");
    private static final Pattern RSS = Pattern.compile("(?m)^SHAREPID_RSS_KIB=(\\d+)$");

    private static Cluster cluster;
    // until it runs, its status (and resourceVersion) keeps changing: wait for Ready
    @RegisterExtension
    static final E2ENamespace NAMESPACE = E2ENamespace.named("load", c -> cluster = c).withDocsPod()
            .withPod(MANY_POD, "many");

    @Test
    @DisplayName("ps on a pod with 2,000 processes: at least 2,000 rows, every one attributed")
    void ps_twoThousandProcesses() {
        awaitProcessCount(PROCESSES);
        long t0 = System.nanoTime();

        Shell.Result r = ok(timed("ps", "many", "--exec-container", "tools", "--no-headers", "-n", cluster.ns));

        double took = seconds(t0);
        List<String> rows = r.stdout().lines().toList();
        System.out.printf("ps over %d processes: %d rows in %.1f s, peak RSS %d MiB%n", PROCESSES, rows.size(), took,
                rss(r) / 1024);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(PROCESSES);
        assertThat(rows.stream().filter(l -> l.contains("busy") && l.endsWith("sleep 100000"))).hasSize(PROCESSES);
    }

    @Test
    @DisplayName("peek-root of a 1 GiB file: exactly its bytes (same sha256), the JVM's RSS stays under 400 MiB")
    void peekRoot_oneGibibyte() throws Exception {
        ok(Shell.kubectl("-n", cluster.ns, "exec", "many", "-c", "busy", "--", "sh", "-c",
                "head -c " + GIB + " /dev/urandom > /tmp/big"));
        String remoteSum = ok(Shell.kubectl("-n", cluster.ns, "exec", "many", "-c", "busy", "--",
                "sha256sum", "/tmp/big")).stdout().split("\\s+")[0];
        long t0 = System.nanoTime();

        Process p = Shell.start(timedArgv("peek-root", "many", "-c", "busy", "/tmp/big", "--exec-container", "tools",
                "-n", cluster.ns));
        CompletableFuture<byte[]> err = Shell.drain(p.getErrorStream());
        Digest local = Digest.of(p.getInputStream());
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        Shell.Result r = new Shell.Result(p.exitValue(), new byte[0], new String(err.join(), StandardCharsets.UTF_8));

        double took = seconds(t0);
        System.out.printf("peek-root of 1 GiB: %.1f s (%.0f MiB/s), peak RSS %d MiB%n", took, 1024 / took, rss(r) / 1024);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(local.bytes).isEqualTo(GIB);
        assertThat(local.sha256).isEqualTo(remoteSum);
        assertThat(rss(r)).isLessThan(RSS_BOUND_KIB);
        ok(Shell.kubectl("-n", cluster.ns, "exec", "many", "-c", "busy", "--", "rm", "/tmp/big"));
    }

    @Test
    @DisplayName("20 concurrent ps on one copy: all exit 0 with the same PID set")
    void ps_twentyAtOnce() throws Exception {
        String copy = ok(Shell.sharepid("debug", "nginx", "--attach=false", "-q", "-n", cluster.ns)).stdout().strip();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        long t0 = System.nanoTime();
        List<Future<Shell.Result>> runs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            runs.add(pool.submit(() -> Shell.sharepid("ps", copy, "--no-headers", "-n", cluster.ns)));
        }
        List<Set<String>> pidSets = new ArrayList<>();
        List<String> transients = new ArrayList<>();
        for (Future<Shell.Result> f : runs) {
            Shell.Result r = f.get(3, TimeUnit.MINUTES);
            assertThat(r.exitCode()).as(r.toString()).isZero();
            pidSets.add(pids(r.stdout()));
            transients.addAll(r.stdout().lines().filter(l -> !l.split("\\s+")[1].matches("\\(sandbox\\)|nginx|shell"))
                    .toList());
        }
        pool.shutdown();
        System.out.printf("20 concurrent ps: all done in %.1f s%n", seconds(t0));
        assertThat(pidSets.get(0)).contains("1").hasSizeGreaterThanOrEqualTo(4);
        assertThat(pidSets).allSatisfy(s -> assertThat(s).isEqualTo(pidSets.get(0)));
        // What the other 19 runs leave in the table: their collectors, in the container the tools run in, and
        // a runtime's `runc init` while it sets up an exec (unattributed: ?). Anything else is misattributed.
        assertThat(transients).as("transient rows").allSatisfy(row -> assertThat(row)
                .matches("\\S+\\s+(sharepid\\s.*|\\?\\s.*(runc|sh -c|grep|cat|stat|sleep).*)"));
        Shell.kubectl("-n", cluster.ns, "delete", "pod", copy, "--grace-period=1", "--wait=false");
    }

    /**
     * The PIDs of the docs pod's own containers and its sandbox. Processes of the debug container, where
     * the tools run, and unattributed ones ({@code ?}: another run's exec while the runtime sets it up)
     * come and go with the other 19 invocations.
     */
    private static String manifest(String resource) {
        try (java.io.InputStream in = LoadE2E.class.getClassLoader().getResourceAsStream(resource)) {
            String yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(yaml).contains("seq " + PROCESSES);
            return yaml;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> pids(String table) {
        Set<String> stable = Set.of("(sandbox)", "nginx", "shell");
        Set<String> pids = new TreeSet<>();
        table.lines().map(l -> l.split("\\s+")).filter(cols -> stable.contains(cols[1]))
                .forEach(cols -> pids.add(cols[0]));
        return pids;
    }

    private static void awaitProcessCount(int atLeast) {
        for (int i = 0; i < 120; i++) {
            String n = Shell.kubectl("-n", cluster.ns, "exec", "many", "-c", "tools", "--", "sh", "-c",
                    "ls /proc | grep -c '^[0-9]'").stdout().strip();
            if (!n.isEmpty() && Integer.parseInt(n) >= atLeast) {
                return;
            }
            Cluster.sleep(500);
        }
        throw new AssertionError("the pod never had " + atLeast + " processes");
    }

    /** {@code kubectl sharepid ARGS} under {@code /usr/bin/time}, which adds the peak RSS as the last stderr line. */
    private static Shell.Result timed(String... args) {
        return Shell.run(null, timedArgv(args));
    }

    private static List<String> timedArgv(String... args) {
        List<String> argv = new ArrayList<>(List.of("/usr/bin/time", "-f", "SHAREPID_RSS_KIB=%M", "kubectl", "sharepid"));
        argv.addAll(List.of(args));
        return argv;
    }

    private static long rss(Shell.Result r) {
        Matcher m = RSS.matcher(r.stderr());
        assertThat(m.find()).as(r.stderr()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Bytes and sha256 of a stream, read to its end without keeping it. */
    private record Digest(long bytes, String sha256) {
        static Digest of(InputStream in) throws IOException, NoSuchAlgorithmException {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long n = 0;
            byte[] buf = new byte[1 << 16];
            try (in) {
                int k;
                while ((k = in.read(buf)) >= 0) {
                    sha.update(buf, 0, k);
                    n += k;
                }
            }
            return new Digest(n, HexFormat.of().formatHex(sha.digest()));
        }
    }
}
