package io.github.sharepid.kube.fabric8;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the status channel said at the end of an exec: {@code Success} is exit code 0; a {@code Failure}
 * with reason {@code NonZeroExitCode} carries the code as the message of its {@code ExitCode} cause;
 * any other status is a failure with the server's message (the command could not be started, say).
 *
 * @param exitCode the remote exit code, or null when the exec failed
 * @param message  the server's message for a failure (never null then)
 */
record ExecStatus(Integer exitCode, String message) {
    private static final String UNREADABLE = "unreadable exit status";

    static ExecStatus parse(byte[] json, KubernetesSerialization serialization) {
        Status status;
        try {
            status = serialization.unmarshal(new String(json, StandardCharsets.UTF_8), Status.class);
        } catch (RuntimeException e) {
            return new ExecStatus(null, UNREADABLE);
        }
        return status == null ? new ExecStatus(null, UNREADABLE) : of(status);
    }

    static ExecStatus of(Status status) {
        if ("Success".equals(status.getStatus())) {
            return new ExecStatus(0, null);
        }
        Integer code = "NonZeroExitCode".equals(status.getReason()) ? exitCodeCause(status) : null;
        if (code != null) {
            return new ExecStatus(code, null);
        }
        String message = status.getMessage();
        return new ExecStatus(null, message == null || message.isBlank() ? UNREADABLE : message.strip());
    }

    /**
     * True when the runtime could not start the command because the container has no such executable:
     * runc's {@code exec: "sh": executable file not found in $PATH}, or {@code stat /bin/sh: no such file or
     * directory} for an absolute path. Nothing ran in the container.
     */
    boolean commandNotFound() {
        return exitCode == null && message != null && (message.contains("executable file not found")
                || message.contains("exec failed") && message.contains("no such file or directory"));
    }

    private static Integer exitCodeCause(Status status) {
        List<StatusCause> causes = status.getDetails() == null ? null : status.getDetails().getCauses();
        if (causes == null) {
            return null;
        }
        for (StatusCause cause : causes) {
            if ("ExitCode".equals(cause.getReason()) && cause.getMessage() != null
                    && cause.getMessage().strip().matches("[0-9]{1,9}")) {
                return Integer.parseInt(cause.getMessage().strip());
            }
        }
        return null;
    }
}
