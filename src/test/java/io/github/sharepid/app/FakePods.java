package io.github.sharepid.app;

import io.fabric8.kubernetes.api.model.Pod;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Pods;
import io.github.sharepid.pod.CopyMarks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pods in memory, keyed {@code namespace/name}: get, create and delete work on the map; every call is
 * written to {@link #calls} ({@code "create ns/name"}) so tests can assert what a use case did, in order.
 * A failure for one verb is set with {@link #failOn}.
 */
class FakePods implements Pods {
    final Map<String, Pod> pods = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    /** The grace period of each delete, in order (null: the pod's own). */
    final List<Long> graces = new ArrayList<>();
    private final Map<String, RuntimeException> failures = new LinkedHashMap<>();
    /** What the server stores of a created pod (an old server drops fields); unchanged by default. */
    java.util.function.UnaryOperator<Pod> stored = pod -> pod;
    /** Whether {@link #goneOrDeleting} says the pod is gone (the copy deleted under the session). */
    boolean deletedDuringSession;

    FakePods with(Pod... given) {
        for (Pod p : given) {
            pods.put(key(p.getMetadata().getNamespace(), p.getMetadata().getName()), p);
        }
        return this;
    }

    /** {@code verb}'s next calls throw {@code failure}. */
    FakePods failOn(String verb, RuntimeException failure) {
        failures.put(verb, failure);
        return this;
    }

    @Override
    public Pod get(String namespace, String name) {
        record("get", namespace + "/" + name);
        Pod pod = pods.get(key(namespace, name));
        if (pod == null) {
            throw SharepidException.failure("pod \"" + name + "\" not found in namespace \"" + namespace + "\"");
        }
        return pod;
    }

    @Override
    public Pod create(Pod pod) {
        record("create", pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
        Pod kept = stored.apply(pod);
        pods.put(key(pod.getMetadata().getNamespace(), pod.getMetadata().getName()), kept);
        return kept;
    }

    @Override
    public void dryRunCreate(Pod pod) {
        record("dryRunCreate", pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
    }

    @Override
    public boolean goneOrDeleting(String namespace, String name) {
        record("goneOrDeleting", namespace + "/" + name);
        return deletedDuringSession || !pods.containsKey(key(namespace, name));
    }

    @Override
    public boolean delete(String namespace, String name, Long gracePeriodSeconds) {
        record("delete", namespace + "/" + name);
        graces.add(gracePeriodSeconds);
        return pods.remove(key(namespace, name)) != null;
    }

    @Override
    public List<Pod> listManaged(String namespace) {
        record("listManaged", String.valueOf(namespace));
        return pods.values().stream()
                .filter(p -> namespace == null || namespace.equals(p.getMetadata().getNamespace()))
                .filter(p -> p.getMetadata().getLabels() != null && CopyMarks.MANAGED_BY_VALUE.equals(
                        p.getMetadata().getLabels().get(CopyMarks.MANAGED_BY_LABEL)))
                .toList();
    }

    /** The calls with {@code verb}, e.g. {@code deletes("delete")} → {@code ["ns/a", "ns/b"]}. */
    List<String> calls(String verb) {
        return calls.stream().filter(c -> c.startsWith(verb + " ")).map(c -> c.substring(verb.length() + 1)).toList();
    }

    private void record(String verb, String what) {
        calls.add(verb + " " + what);
        RuntimeException failure = failures.get(verb);
        if (failure != null) {
            throw failure;
        }
    }

    private static String key(String namespace, String name) {
        return Objects.requireNonNull(namespace) + "/" + name;
    }
}
