package io.github.sharepid.krew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sharepid.Main;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command loads the model classes of the kinds it reads, not every kind fabric8 has: {@code ps} against
 * krew/fake-apiserver.py in a fresh JVM ({@code -verbose:class}), with a minikube-style kubeconfig. fabric8's
 * default kind mapping, built at the first kubeconfig, loaded every kind of every model jar (720 model classes
 * for one ps, 480 without it); see WireSerialization. The sentinels are core/v1 kinds no command reads.
 * Skipped without python3 (fails under CI=true, as the other fake-apiserver tests).
 */
@Timeout(120)
class ModelClassesLoadedTest {
    private static final List<String> NEVER_READ = List.of("ComponentStatus", "LimitRange", "ResourceQuota",
            "PersistentVolume", "Binding", "Endpoints", "ConfigMap", "Secret", "Node", "authorization.v1.SubjectAccessReview");
    private static final String MODEL = "io.fabric8.kubernetes.api.model.";

    @TempDir
    Path dir;

    @Test
    void ps_loadsNoModelClassOfAKindItNeverReads() throws Exception {
        if ("true".equals(System.getenv("CI"))) {
            assertThat(FakeApiServerProcess.python()).as("python3 (CI=true: .ci/run requires it)").isNotNull();
        }
        assumeTrue(FakeApiServerProcess.python() != null, "needs python3 for krew/fake-apiserver.py");
        try (FakeApiServerProcess fake = FakeApiServerProcess.start(dir)) {
            ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "-Xshare:off", "-verbose:class", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "ps", "nginx", "-n", "fixtures-proc", "--exec-container", "shell")
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().put("KUBECONFIG", fake.kubeconfig.toString());
            Process p = pb.start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            String out = read(p.getInputStream());
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(p.exitValue()).as(err.join()).isZero();
            assertThat(out).contains("nginx: master process");
            List<String> model = out.lines().filter(l -> l.contains(MODEL)).toList();
            assertThat(model).as("model classes loaded").isNotEmpty();
            for (String kind : NEVER_READ) {
                assertThat(model).as("%d model classes loaded; %s is not read by ps", model.size(), kind)
                        .noneMatch(l -> l.contains(MODEL + kind + " "));
            }
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
