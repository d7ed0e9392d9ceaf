package io.github.sharepid.failure;

/**
 * A failure the user can act on: carries the one-line message printed on stderr and the exit code.
 * Thrown by every layer; only {@code cli.ErrorHandler} turns it into output.
 */
public class SharepidException extends RuntimeException {
    /** Exit code for runtime and API failures. */
    public static final int FAILURE = 1;
    /** Exit code for bad input: flags, arguments, names. */
    public static final int USAGE = 2;

    private final int exitCode;

    public SharepidException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    public SharepidException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static SharepidException failure(String message) {
        return new SharepidException(FAILURE, message);
    }

    public static SharepidException usage(String message) {
        return new SharepidException(USAGE, message);
    }

    public int exitCode() {
        return exitCode;
    }

    /** A message on one line: surrounding space stripped, inner line breaks (and their indent) made one space. */
    public static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The SharepidException in {@code failure}'s cause chain (itself included), or null. */
    public static SharepidException within(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SharepidException s) {
                return s;
            }
        }
        return null;
    }
}
