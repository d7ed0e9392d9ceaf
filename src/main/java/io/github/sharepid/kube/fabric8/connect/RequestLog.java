package io.github.sharepid.kube.fabric8.connect;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code -v}: one line per API call on stderr, like {@code kubectl -v=6}: method, path, status, time.
 * Never headers (tokens) and never the query string: an exec's query carries the command's argv.
 */
public final class RequestLog implements Interceptor {
    public static final String NAME = "sharepid-request-log";
    private static final Logger LOG = LoggerFactory.getLogger("io.github.sharepid.api");

    private final Map<String, Long> started = new ConcurrentHashMap<>();

    public static boolean enabled() {
        return LOG.isDebugEnabled();
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        started.put(key(request), System.nanoTime());
    }

    @Override
    public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        String line = answered(request, response.code());
        if (line != null) {
            LOG.debug(line);
        }
    }

    @Override
    public void afterConnectionFailure(HttpRequest request, Throwable failure) {
        Long ms = millis(request);
        if (ms != null) {
            LOG.debug("{} {} failed after {} ms: {}", request.method(), describe(request), ms,
                    failure.getClass().getSimpleName());
        }
    }

    /**
     * The line for a request's answer, or null when this request was logged already: fabric8 calls
     * {@code after} again for a refused websocket upgrade (once per listener it tells), and -v promises one
     * line per API call.
     */
    String answered(HttpRequest request, int code) {
        Long ms = millis(request);
        return ms == null ? null : request.method() + " " + describe(request) + " " + code + " in " + ms + " ms";
    }

    /** The request id changes between before() and after() (the builder makes a new request): use its line. */
    private static String key(HttpRequest request) {
        return request.method() + " " + request.uri();
    }

    /** Scheme, host and path; a watch is marked, every other query parameter is left out. */
    static String describe(HttpRequest request) {
        var uri = request.uri();
        String query = uri.getRawQuery();
        boolean watch = query != null && query.matches("(^|.*&)watch=(true|1)(&.*|$)");
        return uri.getScheme() + "://" + uri.getAuthority() + uri.getRawPath() + (watch ? " (watch)" : "");
    }

    /** Milliseconds since {@link #before}, or null when no request of this line is outstanding. */
    private Long millis(HttpRequest request) {
        Long t = started.remove(key(request));
        return t == null ? null : (System.nanoTime() - t) / 1_000_000;
    }
}
