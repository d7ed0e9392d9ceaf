package io.github.sharepid.kube.fabric8.connect;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.github.sharepid.failure.SharepidException;
import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Finds and parses the kubeconfig files kubectl would read: {@code --kubeconfig} (must exist), else every
 * file in {@code $KUBECONFIG} (missing ones skipped, first one wins on conflicts), else {@code ~/.kube/config}.
 */
public final class KubeconfigFiles {
    // The keys under which fabric8's KubeConfigUtils.parseConfig notes, in each context, cluster and user, the
    // file it came from; KubeConfigUtils.getFileWith* read them (relative paths, where a refreshed token is
    // written). KubeconfigFilesTest holds these to what parseConfig itself does.
    private static final String CONTEXT_FILE = "KUBERNETES_CONFIG_CONTEXT_FILE_KEY";
    private static final String CLUSTER_FILE = "KUBERNETES_CONFIG_CLUSTER_FILE_KEY";
    private static final String USER_FILE = "KUBERNETES_CONFIG_AUTH_INFO_FILE_KEY";

    private final UnaryOperator<String> env;
    private final KubernetesSerialization json;

    /**
     * {@code env} looks up environment variables; it is only called from {@link #load}. {@code json} reads the
     * files: fabric8's own KubeConfigUtils.parseConfig would read them through its static serialization, whose
     * first kubeconfig loads every model class there is ({@link WireSerialization}).
     */
    public KubeconfigFiles(UnaryOperator<String> env, KubernetesSerialization json) {
        this.env = env;
        this.json = json;
    }

    /** The parsed files in precedence order; empty when there is no kubeconfig at all. */
    public List<Config> load(String explicitPath) {
        List<Config> configs = new ArrayList<>();
        if (explicitPath != null && !explicitPath.isBlank()) {
            configs.add(parse(Path.of(explicitPath)));
            return configs;
        }
        for (Path path : candidates()) {
            if (Files.exists(path)) {
                configs.add(parse(path));
            }
        }
        return configs;
    }

    /** Where {@link #load} looked, for the "no cluster configured" message. */
    public String describeSearch(String explicitPath) {
        if (explicitPath != null && !explicitPath.isBlank()) {
            return explicitPath;
        }
        String list = env.apply("KUBECONFIG");
        return list != null && !list.isBlank() ? "$KUBECONFIG=" + list : homeConfig().toString();
    }

    private Set<Path> candidates() {
        String list = env.apply("KUBECONFIG");
        Set<Path> paths = new LinkedHashSet<>();
        if (list == null || list.isBlank()) {
            paths.add(homeConfig());
            return paths;
        }
        for (String entry : list.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                paths.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        return paths;
    }

    private Path homeConfig() {
        String home = env.apply("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home");
        }
        return Path.of(home, ".kube", "config");
    }

    private Config parse(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw cannotRead(path, ioReason(e), e);
        }
        if (text.isBlank()) {
            return new Config();
        }
        try {
            return read(text, path.toFile(), json);
        } catch (RuntimeException e) {
            // the cause stays attached: -v prints Jackson's own path and message under our line
            throw cannotRead(path, parseReason(rootCause(e)), e);
        }
    }

    /** What KubeConfigUtils.parseConfig(file) makes of {@code text}, read by {@code json}. */
    static Config read(String text, File file, KubernetesSerialization json) {
        Config config = json.unmarshal(text, Config.class);
        if (config.getContexts() != null) {
            for (NamedContext context : config.getContexts()) {
                context.getAdditionalProperties().put(CONTEXT_FILE, file);
            }
        }
        if (config.getClusters() != null) {
            for (NamedCluster cluster : config.getClusters()) {
                cluster.getAdditionalProperties().put(CLUSTER_FILE, file);
            }
        }
        if (config.getUsers() != null) {
            for (NamedAuthInfo user : config.getUsers()) {
                user.getAdditionalProperties().put(USER_FILE, file);
            }
        }
        return config;
    }

    /**
     * YAML syntax errors keep the parser's first line; a document of the wrong shape (a plain string, a
     * list, a field of the wrong type) is said in kubeconfig terms, not as Jackson's message about
     * fabric8's model classes. A model class Jackson cannot bind at all is not the document's fault (in a
     * native image: a missing reflection registration), so that one keeps Jackson's message.
     */
    public static String parseReason(Throwable root) {
        if (root instanceof com.fasterxml.jackson.databind.exc.InvalidDefinitionException d) {
            return "the kubeconfig model cannot be read here, whatever the file says (" + reason(d)
                    + "); a bug in kubectl-sharepid, run with -v for details";
        }
        if (root instanceof com.fasterxml.jackson.databind.JsonMappingException j) {
            String field = j.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining(".")).replace(".[", "[");
            // no line number: fabric8 reads the YAML into a tree first, so Jackson's location is always unknown
            return "not a valid kubeconfig (" + (field.isEmpty() ? "the document is not a mapping of kubeconfig fields"
                    : "field " + field + " has the wrong type") + ")";
        }
        return "not a valid kubeconfig (" + reason(root) + ")";
    }

    private static String ioReason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return reason(e);
    }

    private static SharepidException cannotRead(Path path, String why, Throwable cause) {
        return new SharepidException(SharepidException.FAILURE, "cannot read kubeconfig " + path + ": " + why, cause);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String reason(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = m.indexOf('\n');
        return newline < 0 ? m : m.substring(0, newline);
    }
}
