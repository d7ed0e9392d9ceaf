package io.github.sharepid.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.OpenIDConnectionUtils;
import io.github.sharepid.kube.fabric8.GatewayTraffic;
import io.github.sharepid.kube.fabric8.WireTypes;
import io.github.sharepid.kube.fabric8.connect.WireSerialization;
import io.github.sharepid.output.PsDocument;
import io.github.sharepid.proc.Fixtures;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The native image's reflection registrations for Jackson cover everything Jackson touches in our flows,
 * proven on the JVM: Jackson runs with a {@link JacksonRecorder} over what the commands really send,
 * receive and print (every pod-gateway call against the mock API server, the exec status channel, a
 * kubeconfig with every kind of entry, an exec plugin's and an OIDC server's answers, the ps document),
 * and then over the full type graph of every class it met; each class, member and handler it used must
 * be in the {@link ReflectionPlan} that {@link JacksonReflectionFeature} registers. A fabric8 upgrade
 * that adds a field, or a call that brings a new type, fails here and not in a user's terminal.
 */
@EnableKubernetesMockClient(crud = true)
@Timeout(60)
class JacksonCoverageTest {
    static KubernetesMockServer server;
    private static final JacksonRecorder RECORDED = new JacksonRecorder();
    private static final ReflectionPlan PLAN = JacksonReach.kubectlSharepid();

    @BeforeAll
    static void runTheFlowsUnderTheRecorder() throws IOException {
        ObjectMapper fabric8Mapper = RECORDED.attachTo(new ObjectMapper());
        KubernetesSerialization serialization = WireSerialization.create(fabric8Mapper);
        try (KubernetesClient client = server.createClient(b -> b.withKubernetesSerialization(serialization))) {
            GatewayTraffic.drive(client);
        }
        serialization.unmarshal(EXEC_EXIT_3, Status.class); // what ExecWebSocketListener reads from channel 3
        serialization.unmarshal(KUBECONFIG, io.fabric8.kubernetes.api.model.Config.class);
        serialization.unmarshal(EXEC_CREDENTIAL, io.fabric8.kubernetes.client.Config.ExecCredential.class);
        serialization.unmarshal(OIDC_CONFIGURATION, OpenIDConnectionUtils.OpenIdConfiguration.class);
        serialization.unmarshal(OIDC_TOKEN, OpenIDConnectionUtils.OAuthToken.class);
        serialization.asJson(serialization.unmarshal(new String(Fixtures.bytes("docs-pod.json"),
                StandardCharsets.UTF_8), Pod.class));
        // what EphemeralContainerGateway reads and writes: discovery, 1.20's EphemeralContainers, 1.22's patch
        serialization.unmarshal("{\"kind\":\"APIResourceList\",\"groupVersion\":\"v1\",\"resources\":[{\"name\":"
                + "\"pods/ephemeralcontainers\",\"kind\":\"EphemeralContainers\",\"verbs\":[\"get\"]}]}",
                io.fabric8.kubernetes.api.model.APIResourceList.class);
        io.fabric8.kubernetes.api.model.EphemeralContainer tools = new io.fabric8.kubernetes.api.model
                .EphemeralContainerBuilder().withName("sharepid-tools-abcde").withImage("busybox")
                .withCommand("sleep", "1").withNewSecurityContext().withNewCapabilities().addToAdd("SYS_PTRACE")
                .endCapabilities().endSecurityContext().build();
        io.fabric8.kubernetes.api.model.GenericKubernetesResource old = serialization.unmarshal("{\"kind\":"
                + "\"EphemeralContainers\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"nginx\"},"
                + "\"ephemeralContainers\":[]}", io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
        old.setAdditionalProperty("ephemeralContainers", List.of(serialization.convertValue(tools, java.util.Map.class)));
        serialization.asJson(old);
        serialization.asJson(java.util.Map.of("spec", java.util.Map.of("ephemeralContainers", List.of(tools))));

        PsDocument.Document ps = new PsDocument.Document("nginx", "default", List.of(new PsDocument.Row(8, 1,
                "nginx", 0L, "root", "S", "Ss", 0.25, 7124, "2026-11-22T14:28:52Z", 1755, "nginx: master process",
                List.of("nginx: master process"))));
        RECORDED.attachTo(new ObjectMapper()).writeValueAsString(ps);
        RECORDED.attachTo(new YAMLMapper()).writeValueAsString(ps);

        everyTypeJacksonCanReachFrom(fabric8Mapper);
    }

    @Test
    void theFlowsReachWhatIssue9SawFail() throws NoSuchMethodException {
        assertThat(RECORDED.members).as("so that this test cannot pass by recording nothing")
                .contains(ListOptions.class.getMethod("getShardSelector"),
                        io.fabric8.kubernetes.api.model.Config.class.getMethod("setClusters", List.class),
                        io.fabric8.kubernetes.api.model.NamedCluster.class.getMethod("setCluster",
                                io.fabric8.kubernetes.api.model.Cluster.class),
                        PsDocument.Row.class.getMethod("pid"));
        assertThat(RECORDED.beans).contains(io.fabric8.kubernetes.api.model.WatchEvent.class,
                io.fabric8.kubernetes.api.model.DeleteOptions.class, io.fabric8.kubernetes.api.model.EventList.class,
                io.fabric8.kubernetes.api.model.NamespaceList.class, io.fabric8.kubernetes.api.model.AuthInfo.class,
                io.fabric8.kubernetes.api.model.EphemeralContainer.class,
                io.fabric8.kubernetes.api.model.runtime.RawExtension.class,
                io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
    }

    @Test
    void everyClassJacksonIntrospected_andItsSupertypes_areRegistered() {
        Set<String> missing = new TreeSet<>();
        for (Class<?> bean : RECORDED.beans) {
            if (!JacksonReach.outside(bean) && !PLAN.beans().contains(bean)) {
                missing.add(bean.getName());
            }
            supertypes(bean).stream()
                    .filter(s -> !JacksonReach.outside(s) && !PLAN.beans().contains(s))
                    .forEach(s -> missing.add(s.getName() + " (supertype of " + bean.getName() + ")"));
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyGetterSetterFieldAndCreatorJacksonUsed_isRegistered() {
        Set<Member> registered = new HashSet<>(PLAN.methods());
        registered.addAll(PLAN.fields());
        registered.addAll(PLAN.constructors());
        Set<String> missing = new TreeSet<>();
        RECORDED.members.stream()
                .filter(m -> !JacksonReach.outside(m.getDeclaringClass()) && !registered.contains(m))
                .forEach(m -> missing.add(m.getDeclaringClass().getName() + "." + m.getName() + " (" + kind(m) + ")"));
        assertThat(missing).isEmpty();
    }

    @Test
    void everyHandlerJacksonInstantiated_hasItsConstructorRegistered() throws NoSuchMethodException {
        Set<Constructor<?>> registered = new HashSet<>(PLAN.constructors());
        assertThat(RECORDED.instantiated).as("custom (de)serializers named in fabric8's annotations").isNotEmpty();
        for (Class<?> handler : RECORDED.instantiated) {
            assertThat(registered).as(handler.getName()).contains(handler.getDeclaredConstructor());
        }
    }

    @Test
    void recordsArePlannedWithTheirComponents() {
        assertThat(PLAN.records()).contains(PsDocument.Document.class, PsDocument.Row.class);
    }

    @Test
    void onlyWhatIsReachableIsRegistered_notEveryModelClass() {
        assertThat(PLAN.beans()).doesNotContain(Deployment.class);
        assertThat(PLAN.classes()).as("issue #9: the 364 classes of model-core, -common and client-api sufficed")
                .hasSizeLessThan(364);
    }

    /** Our own types that carry Jackson annotations are the ones printers hand to Jackson: all planned. */
    @Test
    void ownTypesWithJacksonAnnotations_arePlanned() throws IOException, ClassNotFoundException {
        Set<Class<?>> annotated = new HashSet<>();
        for (String name : ownClassNames()) {
            Class<?> c = Class.forName(name, false, getClass().getClassLoader());
            if (hasJacksonAnnotation(c)) {
                annotated.add(c);
            }
        }
        assertThat(annotated).contains(PsDocument.Document.class).allSatisfy(c -> assertThat(PLAN.beans()).contains(c));
    }

    /**
     * Jackson's own view of the static graph, beyond the data the flows happened to carry: a reader and a
     * writer for every root and every class met, until nothing new turns up (property deserializers are
     * resolved eagerly; writers make Jackson introspect each class for serialization too).
     */
    private static void everyTypeJacksonCanReachFrom(ObjectMapper mapper) {
        WireTypes.ROOTS.forEach(mapper::readerFor);
        Set<Class<?>> done = new HashSet<>();
        while (!done.containsAll(RECORDED.beans)) {
            for (Class<?> bean : List.copyOf(RECORDED.beans)) {
                if (done.add(bean) && !JacksonReach.outside(bean)) {
                    mapper.readerFor(bean);
                    mapper.writerFor(bean);
                }
            }
        }
    }

    /** Superclasses and interfaces, all the way up: Jackson reads the members of each. */
    private static Set<Class<?>> supertypes(Class<?> c) {
        Set<Class<?>> all = new HashSet<>();
        List<Class<?>> direct = new java.util.ArrayList<>(List.of(c.getInterfaces()));
        if (c.getSuperclass() != null) {
            direct.add(c.getSuperclass());
        }
        for (Class<?> s : direct) {
            all.add(s);
            all.addAll(supertypes(s));
        }
        return all;
    }

    private static boolean hasJacksonAnnotation(Class<?> c) {
        Stream<java.lang.reflect.AnnotatedElement> elements = Stream.of(Stream.of(c),
                Stream.of(c.getDeclaredFields()), Stream.of(c.getDeclaredMethods()),
                Stream.of(c.getRecordComponents() == null ? new java.lang.reflect.RecordComponent[0] : c.getRecordComponents()))
                .flatMap(s -> s);
        return elements.flatMap(e -> Stream.of(e.getDeclaredAnnotations()))
                .anyMatch(a -> a.annotationType().getName().startsWith("com.fasterxml.jackson."));
    }

    private static List<String> ownClassNames() throws IOException {
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes.resolve("io/github/sharepid"))) {
            return files.map(f -> classes.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.endsWith(".class") && !f.startsWith("io/github/sharepid/nativeimage/"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .toList();
        }
    }

    private static String kind(Member m) {
        return m instanceof Method ? "method" : m instanceof Field ? "field" : "constructor";
    }

    private static final String EXEC_EXIT_3 = """
            {"metadata":{},"status":"Failure","message":"command terminated with non-zero exit code: 3",
             "reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"3"}]}}""";
    private static final String EXEC_CREDENTIAL = """
            {"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","spec":{},
             "status":{"token":"t","clientCertificateData":"c","clientKeyData":"k","expirationTimestamp":"2026-01-01T00:00:00Z"}}""";
    private static final String OIDC_CONFIGURATION = "{\"token_endpoint\":\"https://idp.example/token\",\"issuer\":\"x\"}";
    private static final String OIDC_TOKEN = "{\"id_token\":\"i\",\"refresh_token\":\"r\",\"access_token\":\"a\"}";
    /** Every kind of kubeconfig entry kubectl writes: exec and auth-provider users, extensions, preferences. */
    private static final String KUBECONFIG = """
            # a comment, as kubeconfigs written by hand have
            apiVersion: v1
            kind: Config
            preferences:
              colors: true
              extensions:
              - name: p
                extension: {a: b}
            current-context: one
            clusters:
            - name: one
              cluster:
                server: https://one.example:6443
                certificate-authority-data: Y2E=
                insecure-skip-tls-verify: false
                tls-server-name: one
                proxy-url: http://proxy.example:3128
                disable-compression: true
                extensions:
                - name: e
                  extension: {a: b}
            users:
            - name: exec
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: aws
                  args: [eks, get-token]
                  env: [{name: AWS_PROFILE, value: x}]
                  interactiveMode: Never
                  provideClusterInfo: false
                  installHint: install aws
            - name: oidc
              user:
                auth-provider:
                  name: oidc
                  config: {client-id: x, idp-issuer-url: https://idp.example}
            - name: cert
              user:
                client-certificate-data: Y2VydA==
                client-key-data: a2V5
                token: t
                username: u
                password: p
                as: someone
                as-uid: "1"
                as-groups: [g]
                as-user-extra: {k: [v]}
            contexts:
            - name: one
              context: {cluster: one, user: exec, namespace: default, extensions: [{name: e, extension: {a: b}}]}
            - name: two
              context: {cluster: one, user: cert}
            extensions:
            - name: minikube-style
              extension: {last-update: "Mon, 01 Jan 2026 00:00:00 UTC", provider: minikube.sigs.k8s.io}
            - name: with-a-kind
              extension: {apiVersion: example.io/v1, kind: Unknown, metadata: {name: x}}
            """;
}
