package io.github.sharepid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.stream.Collectors;

/**
 * A scratch namespace on the real cluster with the docs page's pod in it (nginx + busybox shell,
 * shared process namespace), read and checked through plain kubectl.
 */
final class Cluster implements AutoCloseable {
    /** The docs page's pod manifest, from this project's test resources (no checkout beside it needed). */
    static final Path DOCS_POD = resource("e2e/share-process-namespace.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    final String ns;

    private Cluster(String ns) {
        this.ns = ns;
    }

    /** A fresh namespace {@code sharepid-e2e-<prefix>-<random>}. */
    static Cluster namespace(String prefix) {
        String ns = "sharepid-e2e-" + prefix + "-" + new SecureRandom().ints(5, 0, 26)
                .mapToObj(i -> String.valueOf((char) ('a' + i))).collect(Collectors.joining());
        ok(Shell.kubectl("create", "namespace", ns));
        waitForServiceAccount(ns);
        return new Cluster(ns);
    }

    /** The docs page's pod ({@code nginx}: containers nginx + shell), Ready. */
    Cluster withDocsPod() {
        ok(Shell.kubectl("-n", ns, "apply", "-f", DOCS_POD.toString()));
        ok(Shell.kubectl("-n", ns, "wait", "--for=condition=Ready", "pod/nginx", "--timeout=120s"));
        return this;
    }

    /** Applies a manifest given as YAML text and waits until pod {@code ready} is Ready. */
    Cluster applyAndWait(String manifestYaml, String ready) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("sharepid-e2e", ".yaml");
            try {
                java.nio.file.Files.writeString(file, manifestYaml);
                ok(Shell.kubectl("-n", ns, "apply", "-f", file.toString()));
            } finally {
                java.nio.file.Files.delete(file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ok(Shell.kubectl("-n", ns, "wait", "--for=condition=Ready", "pod/" + ready, "--timeout=120s"));
        return this;
    }

    /** A file under src/test/resources, as a path kubectl can read. */
    static Path resource(String name) {
        java.net.URL url = Cluster.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource " + name + " is not on the class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode pod(String name) {
        return json(ok(Shell.kubectl("-n", ns, "get", "pod", name, "-o", "json")).stdout());
    }

    JsonNode pods() {
        return json(ok(Shell.kubectl("-n", ns, "get", "pods", "-o", "json")).stdout());
    }

    boolean exists(String pod) {
        return Shell.kubectl("-n", ns, "get", "pod", pod).exitCode() == 0;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    static Shell.Result ok(Shell.Result r) {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    private static void waitForServiceAccount(String ns) {
        for (int i = 0; i < 100; i++) {
            if (Shell.kubectl("-n", ns, "get", "serviceaccount", "default").exitCode() == 0) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("no default service account in " + ns);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        Shell.kubectl("delete", "namespace", ns, "--wait=false");
    }
}
