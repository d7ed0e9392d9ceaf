package io.github.sharepid.kube.fabric8;

import io.github.sharepid.kube.fabric8.connect.FlagOverrides;
import io.github.sharepid.kube.fabric8.connect.ChannelHttpClientFactory;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.github.sharepid.text.Durations;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.CommandNotFound;
import io.github.sharepid.kube.Exec;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real {@link Exec}: one exec websocket of our own ({@link ChannelDialer}, v5 or v4
 * channel protocol) opened without any request before it. Output streams as it arrives, with
 * back-pressure; the exit code comes from the status channel, and a connection that ends without a
 * status is a failure, never a success.
 */
public final class Fabric8Executor implements Exec {
    /** How long to wait for the server's close once the status has arrived. */
    private static final long CLOSE_AFTER_STATUS_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final KubernetesClient client;
    private final ChannelDialer dialer;
    private final Duration idleLimit;

    /** Waits are bounded by the client's request timeout, if the user set one. */
    public Fabric8Executor(KubernetesClient client, ChannelHttpClientFactory negotiation) {
        this(client, negotiation, FlagOverrides.requestTimeout(client.getConfiguration()));
    }

    /** {@code idleLimit}: how long the server may stay silent before the exec is abandoned; null: forever. */
    Fabric8Executor(KubernetesClient client, ChannelHttpClientFactory negotiation, Duration idleLimit) {
        this.client = client;
        this.dialer = new ChannelDialer(client, negotiation);
        this.idleLimit = idleLimit;
    }

    /**
     * {@inheritDoc}
     * <p>{@code stdin} is sent alongside the output ({@link StdinPump}), then closed on a v5 server; a v4
     * server cannot close the remote stdin without ending the whole session, so there the command must not
     * wait for end-of-file.
     */
    @Override
    public int exec(String namespace, String pod, String container, List<String> argv,
                    InputStream stdin, OutputStream stdout, OutputStream stderr) {
        ExecErrors failures = new ExecErrors(client, namespace, pod, container);
        ChannelSocket socket = new ChannelSocket(stdout, stderr, false);
        try {
            dialer.open(dialer.execUri(namespace, pod, container, argv, stdin != null, false), socket);
        } catch (ExecutionException e) {
            throw failures.translate(e.getCause());
        } catch (InterruptedException e) {
            throw interrupted(failures, e);
        }
        try {
            StdinPump pump = stdin == null ? null : StdinPump.start(socket, stdin);
            return exitCode(socket, failures, pump);
        } finally {
            socket.close();
        }
    }

    private int exitCode(ChannelSocket socket, ExecErrors failures, StdinPump pump) {
        ChannelSocket.Ending ending;
        try {
            ending = awaitEnd(socket, failures);
        } catch (InterruptedException e) {
            throw interrupted(failures, e);
        } finally {
            socket.flushOutput();
        }
        if (socket.writeFailure() != null) {
            Exception cause = socket.writeFailure();
            throw new SharepidException(SharepidException.FAILURE, "writing the output of " + failures.where()
                    + " failed: " + cause.getMessage(), cause);
        }
        byte[] status = socket.status();
        if (status == null && pump != null && pump.failure() != null) {
            throw new SharepidException(SharepidException.FAILURE, failures.where() + ": cannot send stdin: "
                    + pump.failure().getMessage(), pump.failure());
        }
        if (status == null && ending.error() != null) {
            throw failures.lost(ending.error());
        }
        if (status == null) {
            throw SharepidException.failure(failures.where() + " ended without an exit status (connection lost?)");
        }
        ExecStatus result = ExecStatus.parse(status, client.getKubernetesSerialization());
        if (result.commandNotFound()) {
            throw new CommandNotFound(failures.where() + " failed: " + result.message());
        }
        if (result.exitCode() == null) {
            throw SharepidException.failure(failures.where() + " failed: " + result.message());
        }
        return result.exitCode();
    }

    /**
     * Until the server closes the connection (after the status, normally), the status has been followed by
     * a second of silence, or the server has been silent for longer than the idle limit.
     */
    private ChannelSocket.Ending awaitEnd(ChannelSocket socket, ExecErrors failures) throws InterruptedException {
        while (true) {
            long sinceActivity = System.nanoTime() - socket.lastActivityNanos();
            long wait = TimeUnit.MILLISECONDS.toNanos(200);
            if (socket.statusSeen()) {
                wait = CLOSE_AFTER_STATUS_NANOS - sinceActivity;
            } else if (idleLimit != null) {
                wait = Math.min(wait, idleLimit.toNanos() - sinceActivity);
            }
            if (wait <= 0 && socket.statusSeen()) {
                return new ChannelSocket.Ending(1000, "status received", null);
            }
            if (wait <= 0) {
                throw SharepidException.failure(failures.where() + ": no data from the server for "
                        + Durations.format(idleLimit) + " (--request-timeout)");
            }
            try {
                return socket.ended().get(wait, TimeUnit.NANOSECONDS);
            } catch (TimeoutException stillOpen) {
                // loop: output may have arrived meanwhile and moved the deadlines
            } catch (ExecutionException e) {
                throw new IllegalStateException("the session's end is never completed exceptionally", e);
            }
        }
    }

    private static SharepidException interrupted(ExecErrors failures, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new SharepidException(SharepidException.FAILURE, "interrupted during " + failures.where(), e);
    }
}
