package io.github.sharepid.kube.fabric8;

import io.github.sharepid.kube.fabric8.connect.ChannelHttpClientFactory;
import io.github.sharepid.kube.fabric8.connect.ClientCertificate;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.ConnectionOptions;
import io.github.sharepid.kube.KubeConnector;
import io.github.sharepid.kube.KubeContext;
import io.github.sharepid.kube.fabric8.connect.FlagOverrides;
import io.github.sharepid.kube.fabric8.connect.KubeconfigFiles;
import io.github.sharepid.kube.fabric8.connect.KubeconfigSelection;
import io.github.sharepid.kube.fabric8.connect.RequestLog;
import io.github.sharepid.kube.fabric8.connect.ServerNameHttpClientFactory;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.github.sharepid.kube.fabric8.connect.WireSerialization;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * Builds the fabric8 client from kubeconfig and the kubectl flags, the way kubectl resolves them.
 * Never falls back to fabric8's auto-configuration (system properties, in-cluster service account):
 * what the user did not configure is not used. The environment is read in {@link #connect}, never earlier.
 */
public final class Fabric8Connector implements KubeConnector {
    private final UnaryOperator<String> env;
    private final LongSupplier nanoTime;
    private final String kubeconfigText;

    public Fabric8Connector() {
        this(System::getenv);
    }

    /** For tests: {@code env} stands in for the process environment ({@code KUBECONFIG}, {@code HOME}, proxies). */
    Fabric8Connector(UnaryOperator<String> env) {
        this(env, System::nanoTime);
    }

    /** For tests: {@code nanoTime} is the clock that decides when a kubeconfig {@code tokenFile} is re-read. */
    Fabric8Connector(UnaryOperator<String> env, LongSupplier nanoTime) {
        this(env, nanoTime, null);
    }

    private Fabric8Connector(UnaryOperator<String> env, LongSupplier nanoTime, String kubeconfigText) {
        this.env = env;
        this.nanoTime = nanoTime;
        this.kubeconfigText = kubeconfigText;
    }

    /**
     * For the training run: {@code kubeconfig} (YAML, held in memory) stands in for every kubeconfig file, and the
     * environment is empty, so neither the user's kubeconfig nor their proxy variables are ever read.
     */
    public static Fabric8Connector ofKubeconfig(String kubeconfig) {
        return new Fabric8Connector(name -> null, System::nanoTime, kubeconfig);
    }

    @Override
    public KubeContext connect(ConnectionOptions options) {
        KubernetesSerialization json = WireSerialization.create(); // one mapper: the kubeconfig's and the client's
        Config config = configFor(options, json);
        try {
            String serverName = config.getTlsServerName();
            boolean named = serverName != null && !serverName.isBlank();
            ChannelHttpClientFactory http = named
                    ? new ServerNameHttpClientFactory(serverName, config.getTlsVersions())
                    : new ChannelHttpClientFactory();
            if (named) {
                config.setTlsServerName(null); // else fabric8 logs that its JDK client ignores the name
            }
            http.useClientCertificate(ClientCertificate.takeFrom(config));
            KubernetesClientBuilder builder = new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(http)
                    .withKubernetesSerialization(json);
            if (RequestLog.enabled()) {
                builder.withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor(RequestLog.NAME, new RequestLog()));
            }
            KubernetesClient client = builder.build();
            return new Fabric8Context(client, http);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new SharepidException(SharepidException.FAILURE, "cannot set up the connection to "
                    + config.getMasterUrl() + ": " + e.getMessage(), e);
        } catch (KubernetesClientException e) {
            throw new SharepidException(SharepidException.FAILURE, "cannot set up the connection to "
                    + config.getMasterUrl() + ": " + rootMessage(e), e);
        }
    }

    /** The fabric8 Config for {@code options}: the kubeconfig selection, then the flags laid over it. */
    Config configFor(ConnectionOptions options) {
        return configFor(options, WireSerialization.create());
    }

    private Config configFor(ConnectionOptions options, KubernetesSerialization json) {
        FlagOverrides.validate(options);
        KubeconfigFiles files = new KubeconfigFiles(env, json);
        List<io.fabric8.kubernetes.api.model.Config> kubeconfigs = kubeconfigText != null
                ? List.of(json.unmarshal(kubeconfigText, io.fabric8.kubernetes.api.model.Config.class))
                : files.load(options.kubeconfig());
        Config config = new KubeconfigSelection(kubeconfigs, options, nanoTime)
                .toConfig(() -> kubeconfigText != null ? "the training kubeconfig" : files.describeSearch(options.kubeconfig()));
        FlagOverrides.apply(options, config, env);
        return config;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
