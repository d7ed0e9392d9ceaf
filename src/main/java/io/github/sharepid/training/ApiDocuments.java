package io.github.sharepid.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sharepid.training.ApiExchange.Answer;
import io.github.sharepid.training.ApiExchange.Document;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.function.Predicate;

/**
 * The JSON of the training cluster's answers, as the API server writes it: the captured objects read in, objects
 * written out, lists of a kind, and the {@code Status} of a refusal. {@link FakeCluster} decides what to answer;
 * this class only says it in the server's shape.
 */
final class ApiDocuments {
    private final ObjectMapper json = new ObjectMapper();

    /** A {@code kind} list at {@code resourceVersion} of those {@code items} that pass {@code filter}. */
    Answer list(String kind, Collection<ObjectNode> items, Predicate<JsonNode> filter, long resourceVersion) {
        ObjectNode list = json.createObjectNode().put("kind", kind).put("apiVersion", "v1");
        list.putObject("metadata").put("resourceVersion", Long.toString(resourceVersion));
        ArrayNode array = list.putArray("items");
        items.stream().filter(filter).forEach(array::add);
        return Document.json(200, write(list));
    }

    Answer notFound(String kind, String name) {
        return status(404, "NotFound", kind + " \"" + name + "\" not found", kind, name);
    }

    /** A failure {@code Status} with {@code code}, about the object {@code kind}/{@code name}. */
    Answer status(int code, String reason, String message, String kind, String name) {
        ObjectNode s = json.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
        s.putObject("metadata");
        s.put("status", "Failure").put("message", message).put("reason", reason);
        s.putObject("details").put("name", name).put("kind", kind);
        s.put("code", code);
        return Document.json(code, write(s));
    }

    /** The server's timestamps: UTC, to the second. */
    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    ObjectNode read(String text) {
        try {
            return (ObjectNode) json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("training data is not JSON", e);
        }
    }

    String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
