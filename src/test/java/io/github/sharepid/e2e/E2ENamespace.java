package io.github.sharepid.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The scratch namespace of one {@code *E2E} class: before the class's own {@code @BeforeAll} it creates
 * {@code sharepid-e2e-<prefix>-<random>} ({@link Cluster#namespace}), hands the {@link Cluster} to the class and
 * applies the fixtures asked for (the docs page's pod, further pods waited Ready); after the class's own
 * {@code @AfterAll} it deletes the namespace, also when a fixture failed half-way. Register it on a static field:
 * <pre>{@code
 * private static Cluster cluster;
 * @RegisterExtension
 * static final E2ENamespace NAMESPACE = E2ENamespace.named("debug", c -> cluster = c).withDocsPod();
 * }</pre>
 */
final class E2ENamespace implements BeforeAllCallback, AfterAllCallback {
    private final String prefix;
    private final Consumer<Cluster> handTo;
    private final List<Consumer<Cluster>> fixtures = new ArrayList<>();
    private Cluster cluster;

    private E2ENamespace(String prefix, Consumer<Cluster> handTo) {
        this.prefix = prefix;
        this.handTo = handTo;
    }

    /** A namespace named after {@code prefix}, given to {@code handTo} as soon as it exists. */
    static E2ENamespace named(String prefix, Consumer<Cluster> handTo) {
        return new E2ENamespace(prefix, handTo);
    }

    /** With the docs page's pod ({@code nginx}: containers nginx + shell), Ready. */
    E2ENamespace withDocsPod() {
        fixtures.add(Cluster::withDocsPod);
        return this;
    }

    /** With the pod of {@code manifestYaml}, waited for until pod {@code ready} is Ready. */
    E2ENamespace withPod(String manifestYaml, String ready) {
        fixtures.add(c -> c.applyAndWait(manifestYaml, ready));
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = Cluster.namespace(prefix);
        handTo.accept(cluster);
        fixtures.forEach(f -> f.accept(cluster));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }
}
