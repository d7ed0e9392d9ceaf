package io.github.sharepid.kube;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The pods a {@code TYPE/NAME} or a label selector names: one GET of the workload for its {@code spec.selector},
 * one LIST of pods with a selector the API server evaluates (kubectl's syntax, set-based included). Errors come
 * back as {@link io.github.sharepid.failure.SharepidException}, a missing workload naming kind, name and namespace.
 */
public interface PodSelections {
    /** The workload kinds whose pods a {@code TYPE/NAME} selects, with kubectl's resource names and short names. */
    enum Kind {
        DEPLOYMENT("deployment", "deployments", "deploy"),
        STATEFULSET("statefulset", "statefulsets", "sts"),
        DAEMONSET("daemonset", "daemonsets", "ds"),
        REPLICASET("replicaset", "replicasets", "rs"),
        JOB("job", "jobs", "job");

        private final String singular;
        private final String plural;
        private final String shortName;

        Kind(String singular, String plural, String shortName) {
            this.singular = singular;
            this.plural = plural;
            this.shortName = shortName;
        }

        /** The kind's name as kubectl prints it ({@code deployment}). */
        public String singular() {
            return singular;
        }

        /** Its short name ({@code deploy}), for completion. */
        public String shortName() {
            return shortName;
        }

        /** {@code deploy}, {@code deployment}, {@code deployments} or {@code deployments.apps} (any case); empty if none. */
        public static Optional<Kind> parse(String type) {
            String t = type.toLowerCase(Locale.ROOT);
            String bare = t.endsWith(".apps") || t.endsWith(".batch") ? t.substring(0, t.lastIndexOf('.')) : t;
            for (Kind k : values()) {
                if (bare.equals(k.singular) || bare.equals(k.plural) || bare.equals(k.shortName)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The workload's {@code spec.selector} as a label selector string ({@code app=web,tier in (a,b)}); a FAILURE
     * {@code deployment "web" not found in namespace "ns"} when it does not exist.
     */
    String selectorOf(String namespace, Kind kind, String name);

    /** The pods {@code selector} matches, in {@code namespace} or in all namespaces when it is null. */
    List<Pod> select(String namespace, String selector);

    /** Names of the workloads of {@code kind} in {@code namespace}, sorted (for completion). */
    List<String> names(String namespace, Kind kind);
}
