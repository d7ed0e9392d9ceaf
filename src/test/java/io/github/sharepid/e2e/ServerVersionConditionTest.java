package io.github.sharepid.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sharepid.e2e.ServerVersionCondition.ServerVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** {@link RequiresServer} without a cluster: kubectl's version output parsed, and the decision it leads to. */
class ServerVersionConditionTest {
    @Test
    void parse_readsTheServerNotTheClient() {
        ServerVersion v = ServerVersion.parse("""
                {"clientVersion": {"major": "1", "minor": "32+", "gitVersion": "v1.32.4"},
                 "kustomizeVersion": "v5.5.0",
                 "serverVersion": {"major": "1", "minor": "20", "gitVersion": "v1.20.2"}}""");

        assertThat(v).isEqualTo(new ServerVersion(1, 20, "v1.20.2"));
    }

    @Test
    void parse_acceptsAManagedClustersPlusSuffixAndFallsBackToGitVersion() {
        assertThat(ServerVersion.parse("{\"serverVersion\": {\"major\": \"1\", \"minor\": \"27+\","
                + " \"gitVersion\": \"v1.27.16-gke.1\"}}")).isEqualTo(new ServerVersion(1, 27, "v1.27.16-gke.1"));
        assertThat(ServerVersion.parse("{\"serverVersion\": {\"major\": \"\", \"minor\": \"\","
                + " \"gitVersion\": \"v1.33.1+k3s1\"}}")).isEqualTo(new ServerVersion(1, 33, "v1.33.1+k3s1"));
    }

    @Test
    void parse_withoutAServerVersion_fails() {
        assertThatThrownBy(() -> ServerVersion.parse("{\"clientVersion\": {\"major\": \"1\", \"minor\": \"32\"}}"))
                .hasMessageStartingWith("no server version in kubectl's output");
    }

    @Test
    void olderServer_isSkippedWithTheVersionItNeedsAndWhy() {
        ConditionEvaluationResult r = ServerVersionCondition.decide(needs22(), new ServerVersion(1, 20, "v1.20.2"));

        assertThat(r.isDisabled()).isTrue();
        assertThat(r.getReason()).contains("needs Kubernetes 1.22+, the server is v1.20.2: the ephemeral-container API");
    }

    @Test
    void sameOrNewerServer_runsTheTest() {
        assertThat(ServerVersionCondition.decide(needs22(), new ServerVersion(1, 22, "v1.22.0")).isDisabled()).isFalse();
        assertThat(ServerVersionCondition.decide(needs22(), new ServerVersion(1, 36, "v1.36.0")).isDisabled()).isFalse();
        assertThat(ServerVersionCondition.decide(needs22(), new ServerVersion(2, 0, "v2.0.0")).isDisabled()).isFalse();
    }

    @Test
    void aTestOfOldServers_isSkippedOnNewerOnes() {
        assertThat(ServerVersionCondition.decide(upTo22(), new ServerVersion(1, 20, "v1.20.2")).isDisabled()).isFalse();
        ConditionEvaluationResult r = ServerVersionCondition.decide(upTo22(), new ServerVersion(1, 30, "v1.30.0"));
        assertThat(r.isDisabled()).isTrue();
        assertThat(r.getReason()).contains("needs Kubernetes 1.0 to 1.22, the server is v1.30.0: newer servers allow it");
    }

    @RequiresServer(maxMinor = 22, why = "newer servers allow it")
    private static RequiresServer upTo22() {
        try {
            return ServerVersionConditionTest.class.getDeclaredMethod("upTo22").getAnnotation(RequiresServer.class);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    @RequiresServer(minor = 22, why = "the ephemeral-container API")
    private static RequiresServer needs22() {
        try {
            return ServerVersionConditionTest.class.getDeclaredMethod("needs22").getAnnotation(RequiresServer.class);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
