package io.github.sharepid.output;

import java.time.Instant;

/** One debug copy as {@code list} shows it; {@code created} may be null when the server did not say. */
public record CopyRow(String namespace, String name, String source, String container, Instant created, String phase) {
}
