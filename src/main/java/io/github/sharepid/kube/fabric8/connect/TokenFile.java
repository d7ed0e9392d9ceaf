package io.github.sharepid.kube.fabric8.connect;

import io.fabric8.kubernetes.client.OAuthTokenProvider;
import io.github.sharepid.failure.SharepidException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token of a kubeconfig user's {@code tokenFile}, re-read as client-go re-reads it, so that a
 * rotated token (a projected ServiceAccount token, a CI system's short-lived one) is picked up during a long
 * session. client-go's rule ({@code transport.NewCachedFileTokenSource}): a read token is good for one
 * minute less ten seconds of leeway, so the file is read again on the first request 50 s or more after the
 * last read; a failed or empty re-read keeps the last token; the content is trimmed of white space.
 * Without an inline {@code token} the file must be readable when the client is built.
 */
public final class TokenFile implements OAuthTokenProvider {
    /** client-go: period {@code time.Minute} minus leeway {@code 10 * time.Second}. */
    public static final Duration REREAD_AFTER = Duration.ofSeconds(50);
    private static final Logger LOG = LoggerFactory.getLogger(TokenFile.class);

    private final Path path;
    private final LongSupplier nanoTime;
    private String token;
    private long readAt;

    private TokenFile(Path path, LongSupplier nanoTime, String token, long readAt) {
        this.path = path;
        this.nanoTime = nanoTime;
        this.token = token;
        this.readAt = readAt;
    }

    /**
     * Reads {@code path} now. If it cannot be read, {@code inlineToken} (the same user's {@code token}) is
     * used until a re-read succeeds, as client-go does; without one that is a failure naming the file.
     */
    static TokenFile open(Path path, String inlineToken, String user, LongSupplier nanoTime) {
        long now = nanoTime.getAsLong();
        try {
            return new TokenFile(path, nanoTime, read(path), now);
        } catch (IOException e) {
            if (inlineToken != null && !inlineToken.isBlank()) {
                return new TokenFile(path, nanoTime, inlineToken, now - REREAD_AFTER.toNanos());
            }
            throw SharepidException.failure("cannot read the token file " + path + " of user \"" + user
                    + "\" in the kubeconfig: " + reason(e));
        }
    }

    /** The token for the next request: the cached one, or the file's content once the cache is 50 s old. */
    @Override
    public synchronized String getToken() {
        long now = nanoTime.getAsLong();
        if (now - readAt >= REREAD_AFTER.toNanos()) {
            try {
                token = read(path);
                readAt = now;
            } catch (IOException e) {
                LOG.warn("cannot re-read the token file {} ({}); keeping the last token", path, reason(e));
            }
        }
        return token;
    }

    private static String read(Path path) throws IOException {
        String text = Files.readString(path).strip();
        if (text.isEmpty()) {
            throw new IOException("the file is empty");
        }
        return text;
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
