package io.github.sharepid.pod;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A workload's {@code spec.selector} as the label selector string the API server takes ({@code ?labelSelector=}),
 * the form kubectl prints: {@code matchLabels} as {@code k=v}, then {@code matchExpressions} as {@code k in (a,b)},
 * {@code k notin (a,b)}, {@code k} and {@code !k}, joined by commas (all must hold).
 */
public final class LabelSelectors {
    private LabelSelectors() {
    }

    /** The query for {@code selector}; empty when it selects everything (no labels, no expressions) or is null. */
    public static String query(LabelSelector selector) {
        if (selector == null) {
            return "";
        }
        List<String> terms = new ArrayList<>();
        Map<String, String> labels = selector.getMatchLabels() == null ? Map.of()
                : new TreeMap<>(selector.getMatchLabels());
        labels.forEach((k, v) -> terms.add(k + "=" + v));
        if (selector.getMatchExpressions() != null) {
            selector.getMatchExpressions().forEach(e -> terms.add(term(e)));
        }
        return String.join(",", terms);
    }

    private static String term(LabelSelectorRequirement e) {
        String values = "(" + String.join(",", e.getValues() == null ? List.of() : e.getValues()) + ")";
        return switch (e.getOperator()) {
            case "In" -> e.getKey() + " in " + values;
            case "NotIn" -> e.getKey() + " notin " + values;
            case "Exists" -> e.getKey();
            case "DoesNotExist" -> "!" + e.getKey();
            default -> throw new IllegalArgumentException("unknown selector operator " + e.getOperator());
        };
    }
}
