package io.github.sharepid.kube.fabric8;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.TtyExecOutputErrorable;
import io.github.sharepid.text.Durations;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.Exec;
import io.github.sharepid.kube.fabric8.connect.FlagOverrides;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real {@link Exec}: fabric8's exec over websocket ({@code v4.channel.k8s.io}). Each output
 * frame is written to the caller's stream before fabric8 asks the server for the next one, so a slow
 * reader slows the remote command down instead of filling memory. The exit code comes from the status
 * channel; a connection that ends without one is a failure, never a success.
 */
public final class Fabric8Executor implements Exec {
    private final KubernetesClient client;
    private final Duration idleLimit;

    /** Waits are bounded by the client's request timeout, if the user set one. */
    public Fabric8Executor(KubernetesClient client) {
        this(client, FlagOverrides.requestTimeout(client.getConfiguration()));
    }

    /** {@code idleLimit}: how long the server may stay silent before the exec is abandoned; null: forever. */
    Fabric8Executor(KubernetesClient client, Duration idleLimit) {
        this.client = client;
        this.idleLimit = idleLimit;
    }

    /**
     * {@inheritDoc}
     * <p>{@code stdin} is sent and flushed, but v4.channel.k8s.io (the newest protocol fabric8 7.8 speaks)
     * has no way to close the remote stdin without ending the whole session: the command must not wait
     * for end-of-file.
     */
    @Override
    public int exec(String namespace, String pod, String container, List<String> argv,
                    InputStream stdin, OutputStream stdout, OutputStream stderr) {
        ExecSession session = new ExecSession();
        ExecFailures failures = new ExecFailures(client, namespace, pod, container);
        ExecWatch watch;
        try {
            ContainerResource target = client.pods().inNamespace(namespace).withName(pod).inContainer(container);
            TtyExecOutputErrorable streams = stdin == null ? target : target.redirectingInput();
            watch = streams.writingOutput(session.track(stdout)).writingError(session.track(stderr))
                    .usingListener(session).exec(argv.toArray(String[]::new));
        } catch (KubernetesClientException e) {
            throw failures.translate(e);
        }
        try (watch) {
            session.opened(watch);
            if (stdin != null) {
                feed(watch, stdin, failures);
                session.touch();
            }
            return exitCode(watch, session, failures);
        }
    }

    private static void feed(ExecWatch watch, InputStream stdin, ExecFailures failures) {
        try {
            OutputStream remote = watch.getInput();
            stdin.transferTo(remote);
            remote.flush();
        } catch (IOException e) {
            throw new SharepidException(SharepidException.FAILURE, failures.where() + ": cannot send stdin: "
                    + e.getMessage(), e);
        } catch (KubernetesClientException e) {
            throw failures.translate(e);
        }
    }

    private int exitCode(ExecWatch watch, ExecSession session, ExecFailures failures) {
        Integer code;
        try {
            code = awaitExit(watch, session, failures);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof KubernetesClientException k) {
                throw failures.translate(k);
            }
            // A socket or TLS error mid-stream (e.g. "BUFFER_UNDERFLOW with EOF"): say what it means.
            throw new SharepidException(SharepidException.FAILURE, failures.where() + (connectionError(cause)
                    ? ": the connection to the API server was lost (" + cause.getMessage() + ")"
                    : " failed: " + cause.getMessage()), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SharepidException(SharepidException.FAILURE, "interrupted during " + failures.where(), e);
        }
        if (session.writeFailure() != null) {
            throw new SharepidException(SharepidException.FAILURE, "writing the output of " + failures.where()
                    + " failed: " + session.writeFailure().getMessage(), session.writeFailure());
        }
        if (code == null) {
            throw SharepidException.failure(failures.where() + " ended without an exit status (connection lost?)");
        }
        if (code < 0) {
            Status status = session.status();
            throw SharepidException.failure(failures.where() + " failed: "
                    + (status == null || status.getMessage() == null ? "unreadable exit status" : status.getMessage()));
        }
        return code;
    }

    private static boolean connectionError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private Integer awaitExit(ExecWatch watch, ExecSession session, ExecFailures failures)
            throws ExecutionException, InterruptedException {
        if (idleLimit == null) {
            return watch.exitCode().get();
        }
        while (true) {
            long left = idleLimit.toNanos() - (System.nanoTime() - session.lastActivityNanos());
            if (left <= 0) {
                throw SharepidException.failure(failures.where() + ": no data from the server for "
                        + Durations.format(idleLimit) + " (--request-timeout)");
            }
            try {
                return watch.exitCode().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException stillSilent) {
                // loop: output may have arrived meanwhile and moved the idle deadline
            }
        }
    }
}
