package io.github.sharepid.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sharepid.training.ApiExchange.Answer;
import io.github.sharepid.training.ApiExchange.Document;
import io.github.sharepid.training.ApiExchange.Frames;
import io.github.sharepid.training.ApiExchange.Message;
import io.github.sharepid.training.ApiExchange.Request;
import io.github.sharepid.training.ApiExchange.Stream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster behind the training server: one namespace holding pods captured from a real Kubernetes 1.20
 * (a source pod and a debug copy, see {@code training/README.md}), and just the API a command needs: get, list,
 * create (and its dry run), delete, watch over websocket or HTTP, namespaces, claims, events, and exec and
 * attach over websocket with {@code v5.channel.k8s.io} or {@code v4.channel.k8s.io}. A created pod is Running on
 * its first watch event; the fixed scripts get the answers the real containers gave. This class routes the
 * requests and keeps the pods; {@link PodLifecycle} changes them as a kubelet would, {@link ApiDocuments} writes
 * the answers, {@link ExecAnswers} answers the scripts.
 */
final class FakeCluster {
    static final String NAMESPACE = "sharepid-training";
    private static final Pattern POD = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)(/[a-z]+)?");
    private static final Pattern NAMESPACED = Pattern.compile("/api/v1/namespaces/([^/]+)/([a-z]+)(?:/([^/]+))?");
    private static final String BY_NAME = "metadata.name=";

    private final ApiDocuments documents = new ApiDocuments();
    private final PodLifecycle lifecycle = new PodLifecycle();
    private final Map<String, ObjectNode> pods = new LinkedHashMap<>();
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
        ObjectNode p = documents.read(podJson);
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
            return podList(r);
        }
        if (r.path().equals("/api/v1/namespaces")) {
            return documents.list("NamespaceList", List.of(documents.read(data.namespace())), p -> true,
                    lifecycle.resourceVersion());
        }
        if (r.path().equals("/api/v1/namespaces/" + NAMESPACE)) {
            return Document.json(200, data.namespace());
        }
        Matcher m = NAMESPACED.matcher(r.path());
        if (!m.matches()) {
            return documents.notFound("", r.path());
        }
        return switch (m.group(2)) {
            case "pods" -> "POST".equals(r.method()) ? create(r) : "true".equals(r.param("watch")) ? watch(r)
                    : podList(r);
            case "persistentvolumeclaims" -> claim(m.group(3));
            case "events" -> Document.json(200, data.events());
            default -> documents.notFound(m.group(2), m.group(3));
        };
    }

    private Answer podList(Request r) {
        return documents.list("PodList", pods.values(), selector(r), lifecycle.resourceVersion());
    }

    /** Any claim exists, ReadWriteOnce and bound, as most claims are. */
    private Answer claim(String name) {
        ObjectNode claim = documents.read(data.claim());
        ((ObjectNode) claim.get("metadata")).put("name", name).put("namespace", NAMESPACE);
        return Document.json(200, documents.write(claim));
    }

    private Answer pod(Request r, String name, String sub) {
        ObjectNode pod = pods.get(name);
        if (pod == null) {
            return documents.notFound("pods", name);
        }
        if (sub == null) {
            if ("DELETE".equals(r.method())) {
                pods.remove(name);
                return Document.json(200, documents.write(PodLifecycle.deleting(pod)));
            }
            return Document.json(200, documents.write(pod));
        }
        return switch (sub) {
            case "/exec" -> execs.answer(r);
            case "/attach" -> attach(r, pod);
            case "/log" -> new Document(200, "text/plain", new byte[0]);
            default -> documents.notFound("pods/" + sub.substring(1), name);
        };
    }

    private Answer create(Request r) {
        ObjectNode pod = documents.read(new String(r.body(), StandardCharsets.UTF_8));
        String name = pod.at("/metadata/name").asText();
        if (pods.containsKey(name)) {
            return documents.status(409, "AlreadyExists", "pods \"" + name + "\" already exists", "pods", name);
        }
        lifecycle.created(pod, NAMESPACE);
        if (!"All".equals(r.param("dryRun"))) {
            pods.put(name, pod);
        }
        return Document.json(201, documents.write(pod));
    }

    /** The watched pod starts at once: one MODIFIED event with every container running. */
    private Answer watch(Request r) {
        String field = r.param("fieldSelector");
        String name = field != null && field.startsWith(BY_NAME) ? field.substring(BY_NAME.length()) : null;
        ObjectNode pod = name == null ? null : pods.get(name);
        List<String> events = new ArrayList<>();
        if (pod != null) {
            if ("Pending".equals(pod.at("/status/phase").asText())) {
                lifecycle.running(pod);
            }
            events.add("{\"type\":\"MODIFIED\",\"object\":" + documents.write(pod) + "}");
        }
        if (!r.websocket()) {
            return new Stream(events);
        }
        return new Frames(null, events.stream().map(Message::text).toList(), false);
    }

    /** The debug shell prints a prompt and exits 0 once its stdin ends; the pod then shows it terminated. */
    private Answer attach(Request r, ObjectNode pod) {
        PodLifecycle.terminated(pod, r.param("container"));
        return new Frames(ExecAnswers.protocol(r), List.of(Message.channel(1, "/ # ".getBytes(StandardCharsets.UTF_8))), true);
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
        if (field != null && field.startsWith(BY_NAME)) {
            String name = field.substring(BY_NAME.length());
            match = match.and(p -> name.equals(p.at("/metadata/name").asText()));
        }
        return match;
    }
}
