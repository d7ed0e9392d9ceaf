package io.github.sharepid.proc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the captures under {@code src/test/resources/proc/} (see the README there for how they were made). */
public final class Fixtures {
    private Fixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/proc/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Pod pod(String name) {
        try {
            return new ObjectMapper().readValue(bytes(name), Pod.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
