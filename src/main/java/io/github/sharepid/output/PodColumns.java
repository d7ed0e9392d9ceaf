package io.github.sharepid.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the commands over several pods add to a single-pod row, the same way for ps, top, ports and files: in a
 * table the {@code POD} column first ({@code NAMESPACE} before it with {@code -A}); in JSON/YAML each row carries
 * {@code pod} and {@code namespace} before its own fields, so {@code jq 'group_by(.pod)'} works.
 */
final class PodColumns {
    private static final ObjectMapper FIELDS = new ObjectMapper();

    private PodColumns() {
    }

    static List<String> headers(boolean namespaces, List<String> columns) {
        List<String> all = new ArrayList<>(namespaces ? List.of("NAMESPACE", "POD") : List.of("POD"));
        all.addAll(columns);
        return all;
    }

    static List<String> cells(boolean namespaces, String namespace, String pod, List<String> row) {
        List<String> all = new ArrayList<>(namespaces ? List.of(namespace, pod) : List.of(pod));
        all.addAll(row);
        return all;
    }

    /** {@code row}'s fields (a single-pod document's row record, in its field order) after pod and namespace. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> fields(String namespace, String pod, Object row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pod", pod);
        m.put("namespace", namespace);
        m.putAll(FIELDS.convertValue(row, LinkedHashMap.class));
        return m;
    }

    /** One document: {@code key} holds every pod's rows, each with its pod and namespace. */
    static <T> Map<String, Object> document(String key, List<PodRows<T>> pods, java.util.function.Function<T, ?> row) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(key, pods.stream().flatMap(p -> p.rows().stream().map(r -> fields(p.namespace(), p.pod(), row.apply(r))))
                .toList());
        return doc;
    }
}
