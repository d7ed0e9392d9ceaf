package io.github.sharepid.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A stand-in Kubernetes API server for the launcher's training run, so that the class-data archive holds what
 * a real command loads: TLS with a client certificate, HTTP/1.1, websocket exec/attach/watch and the JSON of
 * real pods. It listens on 127.0.0.1 only, on an ephemeral port, keeps everything in memory, and
 * {@link #close} stops every thread it started. Never a cluster of anyone's: its kubeconfig is built here
 * and never touches the user's.
 */
public final class TrainingCluster implements AutoCloseable {
    private final FakeCluster cluster;
    private final LoopbackApiServer server;

    private TrainingCluster(FakeCluster cluster, LoopbackApiServer server) {
        this.cluster = cluster;
        this.server = server;
    }

    public static TrainingCluster start() {
        FakeCluster cluster = new FakeCluster(TrainingData.load());
        try {
            return new TrainingCluster(cluster, LoopbackApiServer.start(TrainingPki.serverContext(), cluster::handle));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1 for the training run", e);
        }
    }

    /** A kubeconfig naming this server, its CA and a client certificate; kept in memory by the caller. */
    public String kubeconfig() {
        return TrainingPki.kubeconfig(server.port(), FakeCluster.NAMESPACE);
    }

    public String namespace() {
        return FakeCluster.NAMESPACE;
    }

    /** The pod to copy with {@code debug}. */
    public String sourcePod() {
        return cluster.sourceName();
    }

    /** A running debug copy, for {@code ps}, {@code signal} and {@code peek-root}. */
    public String copyPod() {
        return cluster.copyName();
    }

    /** The file {@code peek-root COPY -c nginx} can read. */
    public String peekFile() {
        return TrainingData.PEEK_FILE;
    }

    /** {@code METHOD PATH} of every request so far, marked {@code (websocket)} or {@code (watch)}. */
    public List<String> requests() {
        return cluster.requests();
    }

    /** TLS connections accepted so far. */
    public int connections() {
        return server.connections();
    }

    /** Server threads still alive; 0 after {@link #close}. */
    public long liveThreads() {
        return server.liveThreads();
    }

    @Override
    public void close() {
        server.close();
    }
}
