package io.github.sharepid.krew;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sharepid.krew.KrewRules.OsArch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A platform's selector as krew reads it: a Kubernetes label selector over the labels {@code os} and
 * {@code arch} only. Checks its shape as krew's validateSelector does, and evaluates it against one
 * (os, arch) pair with the label-selector semantics of apimachinery (matchLabels AND matchExpressions).
 */
final class Selectors {
    private static final Set<String> KEYS = Set.of("os", "arch");
    private static final Set<String> OPERATORS = Set.of("In", "NotIn", "Exists", "DoesNotExist");

    private Selectors() {
    }

    static void validate(List<String> v, String at, JsonNode selector) {
        if (!selector.isObject() || selector.isEmpty()) {
            v.add(at + " is required and must not be empty");
            return;
        }
        JsonNode labels = selector.path("matchLabels");
        JsonNode expressions = selector.path("matchExpressions");
        KrewRules.expect(v, labels.isMissingNode() || labels.isObject() && !labels.isEmpty(),
                at + ".matchLabels is given but empty");
        KrewRules.expect(v, expressions.isMissingNode() || expressions.isArray() && !expressions.isEmpty(),
                at + ".matchExpressions is given but empty");
        List<String> keys = new ArrayList<>();
        labels.fieldNames().forEachRemaining(keys::add);
        expressions.forEach(e -> keys.add(e.path("key").asText()));
        keys.stream().filter(k -> !KEYS.contains(k)).forEach(k -> v.add(at + " uses the key '" + k
                + "': krew selects platforms by os and arch only"));
        for (JsonNode e : expressions) {
            String op = e.path("operator").asText();
            boolean needsValues = op.equals("In") || op.equals("NotIn");
            KrewRules.expect(v, OPERATORS.contains(op), at + " has an unknown operator '" + op + "'");
            KrewRules.expect(v, !OPERATORS.contains(op) || needsValues == (e.path("values").size() > 0),
                    at + ": operator " + op + (needsValues ? " needs values" : " takes no values"));
        }
    }

    /** Whether the selector picks this platform; a missing or malformed selector picks none. */
    static boolean matches(JsonNode selector, OsArch platform) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        Map<String, String> labels = platform.labels();
        for (Map.Entry<String, JsonNode> label : selector.path("matchLabels").properties()) {
            if (!label.getValue().asText().equals(labels.get(label.getKey()))) {
                return false;
            }
        }
        for (JsonNode e : selector.path("matchExpressions")) {
            if (!expressionMatches(e, labels.get(e.path("key").asText()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean expressionMatches(JsonNode e, String value) {
        List<String> values = new ArrayList<>();
        e.path("values").forEach(x -> values.add(x.asText()));
        return switch (e.path("operator").asText()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> false;
        };
    }
}
