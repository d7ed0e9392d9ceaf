package io.github.sharepid.kube.fabric8.connect;

import io.github.sharepid.kube.ConnectionOptions;
import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Context;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.github.sharepid.failure.SharepidException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Picks the context, cluster and user from the parsed kubeconfig files as kubectl does ({@code --context},
 * {@code --cluster} and {@code --user} win; a name the user gave must exist) and lets fabric8 turn exactly
 * that selection into a {@link Config}, so nothing else in the files can leak in. A user's {@code tokenFile},
 * which fabric8 does not read, becomes the client's token provider ({@link TokenFile}).
 */
public final class KubeconfigSelection {
    private final List<io.fabric8.kubernetes.api.model.Config> files;
    private final ConnectionOptions options;
    private final LongSupplier nanoTime;

    /** {@code nanoTime} times the re-reads of a user's {@code tokenFile} ({@link System#nanoTime} outside tests). */
    public KubeconfigSelection(List<io.fabric8.kubernetes.api.model.Config> files, ConnectionOptions options,
                        LongSupplier nanoTime) {
        this.files = files;
        this.options = options;
        this.nanoTime = nanoTime;
    }

    /** The selected kubeconfig entries merged into a fresh Config; {@code searched} names where we looked. */
    public Config toConfig(Supplier<String> searched) {
        String contextName = options.context() != null ? options.context() : currentContext();
        NamedContext context = contextName == null ? null
                : find(io.fabric8.kubernetes.api.model.Config::getContexts, NamedContext::getName, contextName);
        if (context == null && options.context() != null) {
            throw SharepidException.failure("context \"" + options.context() + "\" not found in kubeconfig");
        }
        Context selected = context == null || context.getContext() == null ? new Context() : context.getContext();
        NamedCluster cluster = named("cluster", options.cluster(), selected.getCluster(),
                io.fabric8.kubernetes.api.model.Config::getClusters, NamedCluster::getName);
        NamedAuthInfo user = named("user", options.user(), selected.getUser(),
                io.fabric8.kubernetes.api.model.Config::getUsers, NamedAuthInfo::getName);
        if ((cluster == null || cluster.getCluster() == null) && options.server() == null) {
            throw SharepidException.failure("no cluster configured: "
                    + whyNoCluster(contextName, context, selected, searched));
        }
        AuthInfo auth = user == null ? null : user.getUser();
        boolean tokenFile = auth != null && usesTokenFile(auth);
        Config config = merge(effectiveContext(contextName, context, selected, cluster, user), cluster, user);
        if (tokenFile) {
            config.setOauthTokenProvider(TokenFile.open(tokenPath(auth.getTokenFile(), config), auth.getToken(),
                    user.getName(), nanoTime));
        }
        return config;
    }

    /**
     * Whether the user's {@code tokenFile} is the credential; drops the credential sources that must then not
     * run: all of them under {@code --token}, the exec plugin under a token file (client-go uses a token first).
     */
    private boolean usesTokenFile(AuthInfo auth) {
        if (options.token() != null) {
            auth.setExec(null);
            auth.setAuthProvider(null);
            return false;
        }
        if (auth.getTokenFile() == null || auth.getTokenFile().isBlank()) {
            return false;
        }
        auth.setExec(null);
        return true;
    }

    /** A relative {@code tokenFile} is relative to the kubeconfig file that defines the user, as in kubectl. */
    private static Path tokenPath(String tokenFile, Config config) {
        Path path = Path.of(tokenFile);
        File definedIn = KubeConfigUtils.getFileWithNamedAuthInfo(config.getCurrentContext());
        if (path.isAbsolute() || definedIn == null) {
            return path.toAbsolutePath();
        }
        return definedIn.toPath().toAbsolutePath().resolveSibling(path).normalize();
    }

    /**
     * The parsed context itself when no --cluster/--user override applies (fabric8 can then re-read its
     * file to refresh exec-plugin tokens), else a new context naming the overriding entries (no refresh,
     * so a refresh can never swap in another user's credentials).
     */
    private NamedContext effectiveContext(String contextName, NamedContext context, Context selected,
                                          NamedCluster cluster, NamedAuthInfo user) {
        if (options.cluster() == null && options.user() == null && context != null) {
            return context;
        }
        Context merged = new Context(cluster == null ? null : cluster.getName(), null, selected.getNamespace(),
                user == null ? null : user.getName());
        return new NamedContext(merged, contextName == null ? "kubectl-sharepid" : contextName);
    }

    private static Config merge(NamedContext context, NamedCluster cluster, NamedAuthInfo user) {
        io.fabric8.kubernetes.api.model.Config only = new io.fabric8.kubernetes.api.model.Config();
        only.setContexts(List.of(context));
        only.setClusters(cluster == null ? List.of() : List.of(cluster));
        only.setUsers(user == null ? List.of() : List.of(user));
        Config config = Config.empty();
        KubeConfigUtils.merge(config, context.getName(), only);
        return config;
    }

    private String currentContext() {
        return files.stream().map(io.fabric8.kubernetes.api.model.Config::getCurrentContext)
                .filter(c -> c != null && !c.isBlank()).findFirst().orElse(null);
    }

    private <T> T named(String kind, String flag, String fromContext,
                        Function<io.fabric8.kubernetes.api.model.Config, List<T>> list, Function<T, String> name) {
        String wanted = flag != null ? flag : fromContext;
        T found = wanted == null ? null : find(list, name, wanted);
        if (found == null && flag != null) {
            throw SharepidException.failure(kind + " \"" + flag + "\" not found in kubeconfig");
        }
        return found;
    }

    private <T> T find(Function<io.fabric8.kubernetes.api.model.Config, List<T>> list, Function<T, String> name,
                       String wanted) {
        return files.stream().map(list).filter(Objects::nonNull).flatMap(List::stream)
                .filter(item -> wanted.equals(name.apply(item))).findFirst().orElse(null);
    }

    private String whyNoCluster(String contextName, NamedContext context, Context selected, Supplier<String> searched) {
        if (files.isEmpty()) {
            return "no kubeconfig found (" + searched.get() + ") and no --server given";
        }
        if (contextName == null) {
            return "the kubeconfig has no current-context; pass --context, --cluster or --server";
        }
        if (context == null) {
            return "current-context \"" + contextName + "\" is not defined in the kubeconfig";
        }
        return selected.getCluster() == null
                ? "context \"" + contextName + "\" names no cluster"
                : "context \"" + contextName + "\" names cluster \"" + selected.getCluster()
                        + "\", which is not in the kubeconfig";
    }
}
