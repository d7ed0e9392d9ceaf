package io.github.sharepid.training;

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
                text("claim.json"), text("events.json"), FakeCluster.resource("ps.bin"),
                FakeCluster.resource("signal-dry.bin"), FakeCluster.resource("nginx.conf"));
    }

    private static String text(String name) {
        return new String(FakeCluster.resource(name), StandardCharsets.UTF_8);
    }
}
