package io.github.sharepid.kube.fabric8.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** -v logs where a call went, never what it carried: no query string (an exec's argv), no headers. */
class RequestLogTest {
    private static HttpRequest get(String uri) {
        return new StandardHttpRequest.Builder().uri(URI.create(uri)).header("Authorization", "Bearer SECRET").build();
    }

    @Test
    void exec_isLoggedWithoutItsCommand() {
        String line = RequestLog.describe(get("https://k:6443/api/v1/namespaces/web/pods/p/exec"
                + "?command=sh&command=-c&command=cat%20%2Fsecret&container=x&stdout=true"));

        assertThat(line).isEqualTo("https://k:6443/api/v1/namespaces/web/pods/p/exec").doesNotContain("secret");
    }

    @Test
    void watch_isMarked_otherParametersDropped() {
        assertThat(RequestLog.describe(get("https://k:6443/api/v1/namespaces/web/pods?fieldSelector=a&watch=true")))
                .isEqualTo("https://k:6443/api/v1/namespaces/web/pods (watch)");
        assertThat(RequestLog.describe(get("https://k:6443/api/v1/pods?labelSelector=x"))).isEqualTo("https://k:6443/api/v1/pods");
    }

    /** A refused exec upgrade reached after() five times for one request: one line per API call. */
    @Test
    void oneRequest_isOneLine_howeverOftenItsAnswerIsReported() {
        RequestLog log = new RequestLog();
        HttpRequest exec = get("https://k:6443/api/v1/namespaces/web/pods/p/exec?command=ps");

        log.before(null, exec, null);

        assertThat(log.answered(exec, 400)).matches("GET https://k:6443/api/v1/namespaces/web/pods/p/exec 400 in \\d+ ms");
        assertThat(log.answered(exec, 400)).isNull();
        HttpRequest again = get("https://k:6443/api/v1/namespaces/web/pods/p/exec?command=ps");
        log.before(null, again, null);
        assertThat(log.answered(again, 101)).as("a second request of the same line is logged again").isNotNull();
    }

    /** A fan-out reads the same path for many pods at once: every call keeps its line. */
    @Test
    void concurrentCallsOfTheSameLine_eachGetALine() {
        RequestLog log = new RequestLog();
        HttpRequest first = get("https://k:6443/api/v1/namespaces/web/pods/p");
        HttpRequest second = get("https://k:6443/api/v1/namespaces/web/pods/p");

        log.before(null, first, null);
        log.before(null, second, null);

        assertThat(log.answered(first, 200)).matches("GET https://k:6443/api/v1/namespaces/web/pods/p 200 in \\d+ ms");
        assertThat(log.answered(first, 200)).as("the same answer reported again").isNull();
        assertThat(log.answered(second, 200)).matches("GET https://k:6443/api/v1/namespaces/web/pods/p 200 in \\d+ ms");
    }
}
