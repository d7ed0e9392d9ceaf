package io.github.sharepid.cli;

import io.github.sharepid.kube.KubeContext;
import java.util.function.Function;

/**
 * Opens a command's use case on the invocation's one cluster connection, once the flags are parsed; closing
 * what it returns closes the client. {@link CommandFactory} hands each command its opener.
 */
@FunctionalInterface
interface Opener<T> {
    Opened<T> open();

    /** A use case and the connection under it. */
    record Opened<T>(T use, KubeContext kube) implements AutoCloseable {
        @Override
        public void close() {
            kube.close();
        }
    }

    /** Connects through {@code root} (its flags) and builds the use case on the connection. */
    static <T> Opener<T> on(RootCommand root, Function<KubeContext, T> build) {
        return () -> {
            KubeContext kube = root.connect();
            try {
                return new Opened<>(build.apply(kube), kube);
            } catch (RuntimeException e) {
                kube.close();
                throw e;
            }
        };
    }
}
