package io.github.sharepid.output;

import java.util.List;

/** One pod's rows for a printer over several pods, in the order the single-pod command gives them. */
public record PodRows<T>(String namespace, String pod, List<T> rows) {
}
