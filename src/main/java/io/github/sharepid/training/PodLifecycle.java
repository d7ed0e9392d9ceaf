package io.github.sharepid.training;

import static io.github.sharepid.training.ApiDocuments.now;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What happens to a pod in the training cluster, in the fields a real 1.20 API server and kubelet write: the
 * defaults of a create, every container Running on the first watch, a container Terminated once its attach ends.
 * It also keeps the cluster's resourceVersion, which each of these changes advances.
 */
final class PodLifecycle {
    private final AtomicLong resourceVersion = new AtomicLong(4000);

    long resourceVersion() {
        return resourceVersion.get();
    }

    /** {@code pod} as stored by a create in {@code namespace}: identity, defaults, Pending. */
    void created(ObjectNode pod, String namespace) {
        ((ObjectNode) pod.get("metadata")).put("namespace", namespace).put("uid", UUID.randomUUID().toString())
                .put("resourceVersion", nextVersion()).put("creationTimestamp", now());
        ObjectNode spec = (ObjectNode) pod.get("spec");
        spec.put("restartPolicy", spec.path("restartPolicy").asText("Always")).put("dnsPolicy", "ClusterFirst")
                .put("schedulerName", "default-scheduler").put("serviceAccountName", "default")
                .put("terminationGracePeriodSeconds", 30).put("enableServiceLinks", true).put("priority", 0);
        pod.putObject("status").put("phase", "Pending").put("qosClass", "BestEffort");
    }

    /** {@code pod} Running on this node, Ready, every container started. */
    void running(ObjectNode pod) {
        ((ObjectNode) pod.get("metadata")).put("resourceVersion", nextVersion());
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

    /** {@code container} of {@code pod} Terminated with exit code 0, as a shell whose stdin ended. */
    static void terminated(ObjectNode pod, String container) {
        for (JsonNode s : pod.at("/status/containerStatuses")) {
            if (s.path("name").asText().equals(container)) {
                ((ObjectNode) s).putObject("state").putObject("terminated").put("exitCode", 0).put("reason", "Completed")
                        .put("startedAt", now()).put("finishedAt", now()).put("containerID", s.path("containerID").asText());
                ((ObjectNode) s).put("ready", false).put("started", false);
            }
        }
    }

    /** {@code pod} as a DELETE answers it: a copy marked for deletion. */
    static ObjectNode deleting(ObjectNode pod) {
        ObjectNode gone = pod.deepCopy();
        ((ObjectNode) gone.get("metadata")).put("deletionTimestamp", now()).put("deletionGracePeriodSeconds", 1);
        return gone;
    }

    private String nextVersion() {
        return Long.toString(resourceVersion.incrementAndGet());
    }
}
