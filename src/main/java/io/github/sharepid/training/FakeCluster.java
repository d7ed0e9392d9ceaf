package io.github.sharepid.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sharepid.training.ApiExchange.Answer;
import io.github.sharepid.training.ApiExchange.Document;
import io.github.sharepid.training.ApiExchange.Frames;
import io.github.sharepid.training.ApiExchange.Message;
import io.github.sharepid.training.ApiExchange.Request;
import io.github.sharepid.training.ApiExchange.Stream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster behind the training server: one namespace holding pods captured from a real Kubernetes 1.20
 * (a source pod and a debug copy, see {@code training/README.md}), and just the API a command needs: get, list,
 * create (and its dry run), delete, watch over websocket or HTTP, namespaces, claims, events, and exec and
 * attach over websocket with {@code v5.channel.k8s.io} or {@code v4.channel.k8s.io}. A created pod is Running on
 * its first watch event; the fixed scripts get the answers the real containers gave.
 */
final class FakeCluster {
    static final String NAMESPACE = "sharepid-training";
    private static final Pattern POD = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)(/[a-z]+)?");
    private static final Pattern NAMESPACED = Pattern.compile("/api/v1/namespaces/([^/]+)/([a-z]+)(?:/([^/]+))?");

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, ObjectNode> pods = new LinkedHashMap<>();
    private final AtomicLong resourceVersion = new AtomicLong(4000);
    private final TrainingData data;
    private final ExecAnswers execs;
    private final List<String> log = new ArrayList<>();

    private final String sourceName;
    private final String copyName;

    FakeCluster(TrainingData data) {
        this.data = data;
        this.execs = new ExecAnswers(data);
        this.sourceName = add(data.sourcePod());
        this.copyName = add(data.copyPod());
    }

    private String add(String podJson) {
        ObjectNode p = (ObjectNode) read(podJson);
        ((ObjectNode) p.get("metadata")).put("namespace", NAMESPACE);
        String name = p.at("/metadata/name").asText();
        pods.put(name, p);
        return name;
    }

    String sourceName() {
        return sourceName;
    }

    String copyName() {
        return copyName;
    }

    /** Method, path and protocol of every request so far, for tests. */
    synchronized List<String> requests() {
        return List.copyOf(log);
    }

    /** One request at a time: the answers only build documents, the waiting happens in the server's threads. */
    synchronized Answer handle(Request r) {
        log.add(r.method() + " " + r.path() + (r.websocket() ? " (websocket)" : "")
                + ("true".equals(r.param("watch")) ? " (watch)" : ""));
        Matcher pod = POD.matcher(r.path());
        if (pod.matches()) {
            return pod(r, pod.group(2), pod.group(3));
        }
        if (r.path().equals("/api/v1/pods")) {
            return list(r, "PodList", pods.values(), selector(r));
        }
        if (r.path().equals("/api/v1/namespaces")) {
            return list(r, "NamespaceList", List.of((ObjectNode) read(data.namespace())), p -> true);
        }
        if (r.path().equals("/api/v1/namespaces/" + NAMESPACE)) {
            return Document.json(200, data.namespace());
        }
        Matcher m = NAMESPACED.matcher(r.path());
        if (!m.matches()) {
            return notFound("", r.path());
        }
        return switch (m.group(2)) {
            case "pods" -> "POST".equals(r.method()) ? create(r) : "true".equals(r.param("watch")) ? watch(r)
                    : list(r, "PodList", pods.values(), selector(r));
            case "persistentvolumeclaims" -> claim(m.group(3));
            case "events" -> Document.json(200, data.events());
            default -> notFound(m.group(2), m.group(3));
        };
    }

    /** Any claim exists, ReadWriteOnce and bound, as most claims are. */
    private Answer claim(String name) {
        ObjectNode claim = (ObjectNode) read(data.claim());
        ((ObjectNode) claim.get("metadata")).put("name", name).put("namespace", NAMESPACE);
        return Document.json(200, write(claim));
    }

    private Answer pod(Request r, String name, String sub) {
        ObjectNode pod = pods.get(name);
        if (pod == null) {
            return notFound("pods", name);
        }
        if (sub == null) {
            if ("DELETE".equals(r.method())) {
                pods.remove(name);
                ObjectNode gone = pod.deepCopy();
                ((ObjectNode) gone.get("metadata")).put("deletionTimestamp", now()).put("deletionGracePeriodSeconds", 1);
                return Document.json(200, write(gone));
            }
            return Document.json(200, write(pod));
        }
        return switch (sub) {
            case "/exec" -> execs.answer(r);
            case "/attach" -> attach(r, name);
            case "/log" -> new Document(200, "text/plain", new byte[0]);
            default -> notFound("pods/" + sub.substring(1), name);
        };
    }

    private Answer create(Request r) {
        ObjectNode pod = (ObjectNode) read(new String(r.body(), StandardCharsets.UTF_8));
        ObjectNode meta = (ObjectNode) pod.get("metadata");
        String name = meta.path("name").asText();
        if (pods.containsKey(name)) {
            return status(409, "AlreadyExists", "pods \"" + name + "\" already exists", "pods", name);
        }
        meta.put("namespace", NAMESPACE).put("uid", UUID.randomUUID().toString())
                .put("resourceVersion", Long.toString(resourceVersion.incrementAndGet())).put("creationTimestamp", now());
        ObjectNode spec = (ObjectNode) pod.get("spec");
        spec.put("restartPolicy", spec.path("restartPolicy").asText("Always")).put("dnsPolicy", "ClusterFirst")
                .put("schedulerName", "default-scheduler").put("serviceAccountName", "default")
                .put("terminationGracePeriodSeconds", 30).put("enableServiceLinks", true).put("priority", 0);
        pod.putObject("status").put("phase", "Pending").put("qosClass", "BestEffort");
        if (!"All".equals(r.param("dryRun"))) {
            pods.put(name, pod);
        }
        return Document.json(201, write(pod));
    }

    /** The watched pod starts at once: one MODIFIED event with every container running. */
    private Answer watch(Request r) {
        String field = r.param("fieldSelector");
        String name = field != null && field.startsWith("metadata.name=") ? field.substring("metadata.name=".length()) : null;
        ObjectNode pod = name == null ? null : pods.get(name);
        List<String> events = new ArrayList<>();
        if (pod != null) {
            if ("Pending".equals(pod.at("/status/phase").asText())) {
                running(pod);
            }
            events.add("{\"type\":\"MODIFIED\",\"object\":" + write(pod) + "}");
        }
        if (!r.websocket()) {
            return new Stream(events);
        }
        return new Frames(null, events.stream().map(Message::text).toList(), false);
    }

    private void running(ObjectNode pod) {
        ((ObjectNode) pod.get("metadata")).put("resourceVersion", Long.toString(resourceVersion.incrementAndGet()));
        String started = now();
        ObjectNode status = pod.putObject("status");
        status.put("phase", "Running");
        ArrayNode conditions = status.putArray("conditions");
        for (String type : List.of("Initialized", "Ready", "ContainersReady", "PodScheduled")) {
            conditions.addObject().put("type", type).put("status", "True").putNull("lastProbeTime")
                    .put("lastTransitionTime", started);
        }
        status.put("hostIP", "127.0.0.1").put("podIP", "10.88.0.42").put("startTime", started).put("qosClass", "BestEffort");
        status.putArray("podIPs").addObject().put("ip", "10.88.0.42");
        ArrayNode statuses = status.putArray("containerStatuses");
        int i = 0;
        for (JsonNode c : pod.at("/spec/containers")) {
            ObjectNode s = statuses.addObject();
            s.put("name", c.path("name").asText()).put("ready", true).put("restartCount", 0).put("started", true)
                    .put("image", c.path("image").asText()).put("imageID", "docker.io/library/busybox@sha256:" + "0".repeat(64))
                    .put("containerID", "containerd://" + String.format("%064x", ++i));
            s.putObject("state").putObject("running").put("startedAt", started);
            s.putObject("lastState");
        }
    }

    /** The debug shell prints a prompt and exits 0 once its stdin ends; the pod then shows it terminated. */
    private Answer attach(Request r, String name) {
        String container = r.param("container");
        ObjectNode pod = pods.get(name);
        for (JsonNode s : pod.at("/status/containerStatuses")) {
            if (s.path("name").asText().equals(container)) {
                ((ObjectNode) s).putObject("state").putObject("terminated").put("exitCode", 0).put("reason", "Completed")
                        .put("startedAt", now()).put("finishedAt", now()).put("containerID", s.path("containerID").asText());
                ((ObjectNode) s).put("ready", false).put("started", false);
            }
        }
        return new Frames(ExecAnswers.protocol(r), List.of(Message.channel(1, "/ # ".getBytes(StandardCharsets.UTF_8))), true);
    }

    private Answer list(Request r, String kind, java.util.Collection<ObjectNode> items, Predicate<JsonNode> filter) {
        ObjectNode list = json.createObjectNode().put("kind", kind).put("apiVersion", "v1");
        list.putObject("metadata").put("resourceVersion", Long.toString(resourceVersion.get()));
        ArrayNode array = list.putArray("items");
        items.stream().filter(filter).forEach(array::add);
        return Document.json(200, write(list));
    }

    /** {@code labelSelector=k=v,k2=v2} and {@code fieldSelector=metadata.name=x}; other selectors match all. */
    private static Predicate<JsonNode> selector(Request r) {
        Predicate<JsonNode> match = p -> true;
        String labels = r.param("labelSelector");
        if (labels != null) {
            for (String term : labels.split(",")) {
                String[] kv = term.split("=", 2);
                if (kv.length == 2) {
                    match = match.and(p -> kv[1].equals(p.at("/metadata/labels").path(kv[0]).asText(null)));
                }
            }
        }
        String field = r.param("fieldSelector");
        if (field != null && field.startsWith("metadata.name=")) {
            String name = field.substring("metadata.name=".length());
            match = match.and(p -> name.equals(p.at("/metadata/name").asText()));
        }
        return match;
    }

    private Answer notFound(String kind, String name) {
        return status(404, "NotFound", kind + " \"" + name + "\" not found", kind, name);
    }

    private Answer status(int code, String reason, String message, String kind, String name) {
        ObjectNode s = json.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
        s.putObject("metadata");
        s.put("status", "Failure").put("message", message).put("reason", reason);
        s.putObject("details").put("name", name).put("kind", kind);
        s.put("code", code);
        return Document.json(code, write(s));
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("training data is not JSON", e);
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = FakeCluster.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("training resource " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
