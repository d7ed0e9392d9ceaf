package io.github.sharepid.kube.fabric8.connect;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code -v}: one line per API call on stderr, like {@code kubectl -v=6}: method, path, status, time.
 * Never headers (tokens) and never the query string: an exec's query carries the command's argv.
 * Requests of the same line may be in flight at once (a fan-out over pods reads the same paths): each
 * gets its own start time, answers are matched to the oldest outstanding one, and none is lost.
 */
public final class RequestLog implements Interceptor {
    public static final String NAME = "sharepid-request-log";
    private static final Logger LOG = LoggerFactory.getLogger("io.github.sharepid.api");

    /** How many answered requests are remembered to recognise a repeated report of the same answer. */
    private static final int RECENT = 64;

    /** Guarded by {@code this}: start times of the requests in flight, oldest first, per line. */
    private final Map<String, Deque<Long>> started = new HashMap<>();
    /** Guarded by {@code this}: the requests answered last, compared by identity. */
    private final Deque<HttpRequest> answered = new ArrayDeque<>();

    public static boolean enabled() {
        return LOG.isDebugEnabled();
    }

    @Override
    public synchronized void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        started.computeIfAbsent(key(request), k -> new ArrayDeque<>()).addLast(System.nanoTime());
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

    /**
     * Milliseconds since the oldest outstanding {@link #before} of this line, or null when this very request
     * was answered already or none of its line is outstanding.
     */
    private synchronized Long millis(HttpRequest request) {
        if (answered.stream().anyMatch(r -> r == request)) {
            return null;
        }
        Deque<Long> times = started.get(key(request));
        Long t = times == null ? null : times.pollFirst();
        if (times != null && times.isEmpty()) {
            started.remove(key(request));
        }
        if (t == null) {
            return null;
        }
        answered.addLast(request);
        if (answered.size() > RECENT) {
            answered.removeFirst();
        }
        return (System.nanoTime() - t) / 1_000_000;
    }
}
