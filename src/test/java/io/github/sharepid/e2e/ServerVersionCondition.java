package io.github.sharepid.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The condition behind {@link RequiresServer}: compares the annotation with the cluster's server version,
 * which is read once for the whole run and kept in the root extension store.
 */
final class ServerVersionCondition implements ExecutionCondition {
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(ServerVersionCondition.class);

    /** The API server's version as {@code kubectl version -o json} reports it. */
    record ServerVersion(int major, int minor, String gitVersion) {
        private static final Pattern GIT_VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)");

        /**
         * Parses kubectl's output; {@code minor} may carry a suffix ({@code "27+"} on some managed clusters),
         * and when the numbers are missing {@code gitVersion} ({@code v1.20.2}) says them.
         */
        static ServerVersion parse(String kubectlVersionJson) {
            JsonNode server = Cluster.json(kubectlVersionJson).path("serverVersion");
            String git = server.path("gitVersion").asText("");
            Matcher m = GIT_VERSION.matcher(git);
            int major = leadingNumber(server.path("major").asText(""));
            int minor = leadingNumber(server.path("minor").asText(""));
            if ((major < 0 || minor < 0) && m.lookingAt()) {
                major = Integer.parseInt(m.group(1));
                minor = Integer.parseInt(m.group(2));
            }
            if (major < 0 || minor < 0) {
                throw new IllegalStateException("no server version in kubectl's output: " + kubectlVersionJson);
            }
            return new ServerVersion(major, minor, git.isEmpty() ? "v" + major + "." + minor : git);
        }

        private static int leadingNumber(String s) {
            Matcher m = Pattern.compile("^\\d+").matcher(s);
            return m.find() ? Integer.parseInt(m.group()) : -1;
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<RequiresServer> required = AnnotationSupport.findAnnotation(context.getElement(), RequiresServer.class);
        if (required.isEmpty()) {
            return ConditionEvaluationResult.enabled("no server version required");
        }
        ServerVersion server = context.getRoot().getStore(STORE)
                .getOrComputeIfAbsent(ServerVersion.class, k -> readFromCluster(), ServerVersion.class);
        return decide(required.get(), server);
    }

    /** Enabled on Kubernetes 1.{minor} to 1.{maxMinor}; else disabled with the versions it needs and why. */
    static ConditionEvaluationResult decide(RequiresServer required, ServerVersion server) {
        boolean newEnough = server.major() > 1 || server.major() == 1 && server.minor() >= required.minor();
        boolean oldEnough = required.maxMinor() == Integer.MAX_VALUE || server.major() < 1
                || server.major() == 1 && server.minor() <= required.maxMinor();
        String versions = "needs Kubernetes 1." + required.minor()
                + (required.maxMinor() == Integer.MAX_VALUE ? "+" : " to 1." + required.maxMinor())
                + ", the server is " + server.gitVersion();
        return newEnough && oldEnough ? ConditionEvaluationResult.enabled(versions)
                : ConditionEvaluationResult.disabled(versions + ": " + required.why());
    }

    private static ServerVersion readFromCluster() {
        Shell.Result r = Shell.kubectl("version", "-o", "json");
        if (r.exitCode() != 0) {
            throw new IllegalStateException("cannot read the server version with kubectl version -o json: " + r);
        }
        return ServerVersion.parse(r.stdout());
    }
}
