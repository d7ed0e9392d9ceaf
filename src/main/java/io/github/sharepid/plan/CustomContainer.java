package io.github.sharepid.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.github.sharepid.failure.SharepidException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --custom}: a partial container merged into the debug container after the profile, as kubectl debug
 * does it (a strategic merge patch of the parsed container): objects merge field by field, {@code env},
 * {@code ports}, {@code volumeMounts} and {@code volumeDevices} merge by their Kubernetes merge keys, any other
 * list or value replaces the debug container's. What the flags set, and what the session needs, is refused.
 */
final class CustomContainer {
    /** Fields of the debug container that belong to a flag (or to the session), and which one. */
    static final Map<String, String> OWNED = owned();

    /** The patchMergeKey of each list of a core/v1 Container that has one. */
    static final Map<String, String> MERGE_KEYS = Map.of("env", "name", "ports", "containerPort",
            "volumeMounts", "mountPath", "volumeDevices", "devicePath");

    private CustomContainer() {}

    /** {@code debug} with {@code custom} merged into it; {@code debug} itself when there is no custom part. */
    static Container merge(Container debug, Container custom) {
        if (custom == null) {
            return debug;
        }
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode patch = requireNoOwnedField(custom);
        ObjectNode merged = mapper.valueToTree(debug);
        mergeObject(merged, patch);
        try {
            return mapper.treeToValue(merged, Container.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a merged container did not read back: " + e.getOriginalMessage(), e);
        }
    }

    /** Refuses (usage) a custom part that sets what a flag or the session sets; returns it as JSON. */
    static ObjectNode requireNoOwnedField(Container custom) {
        ObjectNode patch = new ObjectMapper().valueToTree(custom);
        OWNED.forEach((field, owner) -> {
            if (patch.has(field)) {
                throw SharepidException.usage("--custom may not set \"" + field + "\": " + owner);
            }
        });
        return patch;
    }

    private static void mergeObject(ObjectNode into, ObjectNode patch) {
        patch.properties().forEach(field -> {
            JsonNode have = into.get(field.getKey());
            JsonNode want = field.getValue();
            String key = MERGE_KEYS.get(field.getKey());
            if (have instanceof ObjectNode haveObject && want instanceof ObjectNode wantObject) {
                mergeObject(haveObject, wantObject);
            } else if (key != null && have instanceof ArrayNode haveList && want instanceof ArrayNode wantList) {
                mergeByKey(haveList, wantList, key);
            } else {
                into.set(field.getKey(), want.deepCopy());
            }
        });
    }

    /** Entries of {@code patch} whose key matches an entry of {@code into} merge into it; the others are appended. */
    private static void mergeByKey(ArrayNode into, ArrayNode patch, String key) {
        for (JsonNode entry : patch) {
            ObjectNode same = null;
            for (JsonNode have : into) {
                if (have instanceof ObjectNode o && entry.has(key) && entry.get(key).equals(o.get(key))) {
                    same = o;
                }
            }
            if (same != null && entry instanceof ObjectNode patchEntry) {
                mergeObject(same, patchEntry);
            } else {
                into.add(entry.deepCopy());
            }
        }
    }

    private static Map<String, String> owned() {
        Map<String, String> owned = new LinkedHashMap<>();
        owned.put("name", "the debug container's name is set by -c/--container");
        owned.put("image", "the debug container's image is set by --image");
        owned.put("command", "the debug container's command is given after --");
        owned.put("args", "the debug container's command and arguments are given after --");
        owned.put("stdin", "the session needs the debug container's stdin");
        owned.put("stdinOnce", "the session sets it (a terminal or piped input)");
        owned.put("tty", "the session sets it (a terminal or piped input)");
        owned.put("livenessProbe", "the debug container never has a probe");
        owned.put("readinessProbe", "the debug container never has a probe");
        owned.put("startupProbe", "the debug container never has a probe");
        owned.put("restartPolicy", "the debug container is not an init container");
        return java.util.Collections.unmodifiableMap(owned);
    }
}
