package io.github.sharepid.kube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.List;

/**
 * The launcher's training run for the class-data archive: walks the client paths the commands use
 * (client creation with TLS, JSON of a pod, get, list, watch, exec) against a closed local port, so
 * every path fails fast and no cluster, kubeconfig or credential is ever touched.
 */
public final class Training {
    static final String SAMPLE_POD = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-1","namespace":"default",
             "labels":{"app":"web"},"ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web",
             "uid":"1","controller":true}]},
             "spec":{"containers":[{"name":"nginx","image":"nginx","readinessProbe":{"httpGet":{"path":"/","port":80}},
             "securityContext":{"capabilities":{"add":["NET_ADMIN"]}}}],
             "volumes":[{"name":"data","persistentVolumeClaim":{"claimName":"data"}}],"nodeName":"node-1"},
             "status":{"phase":"Running","containerStatuses":[{"name":"nginx","ready":true,"restartCount":0,
             "image":"nginx","imageID":"x","containerID":"containerd://0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
             "state":{"running":{"startedAt":"2026-01-01T00:00:00Z"}}}]}}
            """;

    private Training() {
    }

    /** Runs the client paths; returns the sample pod for the caller to plan and print. */
    public static Pod exercise() {
        Config config = new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").withOauthToken("training")
                .withNamespace("default").withConnectionTimeout(300).withRequestTimeout(300)
                .withRequestRetryBackoffLimit(0).build();
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            Pod pod = client.getKubernetesSerialization().unmarshal(SAMPLE_POD, Pod.class);
            client.getKubernetesSerialization().asJson(pod);
            PodGateway pods = new KubePodGateway(client);
            attempt(() -> pods.get("default", "web-1"));
            attempt(() -> pods.listManaged(null));
            attempt(() -> pods.awaitRunning(pod, "nginx", Duration.ofMillis(300), s -> { }));
            attempt(() -> pods.create(pod));
            attempt(() -> new Fabric8Attacher(client).attach("default", "web-1", "nginx", false,
                    java.io.InputStream.nullInputStream(), java.io.OutputStream.nullOutputStream(),
                    java.io.OutputStream.nullOutputStream()));
            attempt(() -> List.of(KubeErrors.translate(new java.net.ConnectException("refused"))));
            return pod;
        }
    }

    private static void attempt(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException expected) {
            // the port is closed: failing is the point, the classes on the way are what we keep
        }
    }
}
