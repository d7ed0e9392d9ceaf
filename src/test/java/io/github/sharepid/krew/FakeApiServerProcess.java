package io.github.sharepid.krew;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * krew/fake-apiserver.py as a child process for tests that run the command line in a fresh JVM, with a
 * kubeconfig the way kubectl and minikube write them: a {@code fake} context on it (with minikube's cluster
 * extension) and a {@code gone} one on a port nothing listens on.
 */
final class FakeApiServerProcess implements AutoCloseable {
    private final Process process;
    final Path kubeconfig;

    private FakeApiServerProcess(Process process, Path kubeconfig) {
        this.process = process;
        this.kubeconfig = kubeconfig;
    }

    /** python3 or python on PATH, or null. */
    static String python() {
        for (String candidate : List.of("python3", "python")) {
            for (String path : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(path, candidate))) {
                    return Path.of(path, candidate).toString();
                }
            }
        }
        return null;
    }

    static FakeApiServerProcess start(Path dir) throws IOException, InterruptedException {
        Path port = dir.resolve("port");
        Process process = new ProcessBuilder(python(), "krew/fake-apiserver.py", port.toString())
                .redirectError(dir.resolve("server.log").toFile()).start();
        for (int i = 0; i < 100 && !Files.exists(port); i++) {
            Thread.sleep(100);
        }
        assertThat(port).as(Files.readString(dir.resolve("server.log"))).exists();
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), String.join("\n", "apiVersion: v1",
                "kind: Config", "clusters:", "- name: fake",
                "  cluster:", "    server: 'http://127.0.0.1:" + Files.readString(port).strip() + "'",
                "    extensions:", "    - name: cluster_info",
                "      extension: {provider: minikube.sigs.k8s.io, version: v1.36.0}",
                "- name: gone", "  cluster: {server: 'https://127.0.0.1:1', insecure-skip-tls-verify: true}",
                "users:", "- name: u", "  user: {token: not-a-credential}", "contexts:",
                "- name: fake", "  context: {cluster: fake, user: u, namespace: default}",
                "- name: gone", "  context: {cluster: gone, user: u, namespace: default}",
                "current-context: fake", ""));
        return new FakeApiServerProcess(process, kubeconfig);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
