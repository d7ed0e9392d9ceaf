package io.github.sharepid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.kube.fabric8.KubeErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** The one place errors become output: one line, the right exit code, a stack trace only with -v. */
class ErrorHandlerTest {
    private final StringWriter err = new StringWriter();

    private int handle(Exception e, boolean verbose) {
        return new ErrorHandler(new PrintWriter(err, true), () -> verbose, t -> KubeErrors.translate(t, null))
                .handleExecutionException(e, null, null);
    }

    @Test
    void sharepidException_isItsMessageAndExitCode() {
        assertThat(handle(SharepidException.usage("bad flag"), false)).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: bad flag" + System.lineSeparator());
    }

    @Test
    void forbidden_namesTheRefusedVerbFromTheServersStatus() {
        KubernetesClientException e = new KubernetesClientException(new StatusBuilder().withCode(403)
                .withMessage("pods is forbidden: User \"ro\" cannot create resource \"pods\" in the namespace \"web\"")
                .build());

        assertThat(handle(e, false)).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("error: forbidden: pods is forbidden: User \"ro\" cannot create"
                + " resource \"pods\" in the namespace \"web\"");
    }

    @Test
    void connectionRefused_namesTheServer() {
        Exception e = new KubernetesClientException("Failed to execute: GET at: https://10.1.2.3:6443/api/v1/pods",
                new ConnectException("Connection refused"));

        assertThat(handle(e, false)).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo(
                "error: cannot connect to the API server at https://10.1.2.3:6443: Connection refused");
    }

    @Test
    void connectionRefusedWithoutUrl_namesTheServerTheClientWasBuiltFor() {
        // what fabric8 7.8 throws for a refused connection: no URL anywhere in the chain
        Exception e = new KubernetesClientException("An error has occurred.", new ConnectException());

        int code = new ErrorHandler(new PrintWriter(err, true), () -> false, t -> KubeErrors.translate(t, "https://127.0.0.1:1/"))
                .handleExecutionException(e, null, null);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo(
                "error: cannot connect to the API server at https://127.0.0.1:1: connection refused");
    }

    @Test
    void timeoutWithoutUrl_namesTheServerTheClientWasBuiltFor() {
        Exception e = new KubernetesClientException("An error has occurred.",
                new java.net.http.HttpTimeoutException("request timed out"));

        int code = new ErrorHandler(new PrintWriter(err, true), () -> false, t -> KubeErrors.translate(t, "https://127.0.0.1:40000"))
                .handleExecutionException(e, null, null);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("error: the API server at https://127.0.0.1:40000 did not"
                + " answer in time (see --request-timeout)");
    }

    @Test
    void closedPipe_endsQuietlyWith141() {
        Exception e = new SharepidException(1, "writing the output failed", new IOException("Broken pipe"));

        assertThat(handle(e, false)).isEqualTo(ErrorHandler.CLOSED_PIPE);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void unexpected_isOneLineWithAHintAndNoStackTrace() {
        assertThat(handle(new IllegalStateException("boom\nsecond line"), false)).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly(
                "error: unexpected IllegalStateException: boom second line (run with -v for details)");
    }

    @Test
    void verbose_addsTheStackTrace() {
        handle(new IllegalStateException("boom"), true);
        assertThat(err.toString()).contains("at io.github.sharepid.cli.ErrorHandlerTest");
    }
}
