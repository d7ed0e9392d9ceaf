package io.github.sharepid.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What the training cluster serves, captured from a real cluster (resources {@code io/github/sharepid/training/},
 * described in the README there): API objects as the API server sent them, and the bytes the fixed scripts
 * wrote in a real debug copy.
 */
record TrainingData(String sourcePod, String copyPod, String namespace, String claim, String events,
                    byte[] ps, byte[] signalDryRun, byte[] peekFile) {
    /** The file peek-root reads in training (in the nginx container of the copy). */
    static final String PEEK_FILE = "/etc/nginx/nginx.conf";

    static TrainingData load() {
        return new TrainingData(text("source-pod.json"), text("copy-pod.json"), text("namespace.json"),
                text("claim.json"), text("events.json"), resource("ps.bin"),
                resource("signal-dry.bin"), resource("nginx.conf"));
    }

    private static String text(String name) {
        return new String(resource(name), StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) {
        try (InputStream in = TrainingData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("training resource " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
