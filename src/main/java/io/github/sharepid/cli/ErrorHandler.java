package io.github.sharepid.cli;

import io.github.sharepid.failure.SharepidException;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place errors become output: one line on stderr ({@code error: ...}) and an exit code
 * (1 failure, 2 usage). Stack traces only with {@code -v}.
 */
public final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final PrintWriter err;
    private final BooleanSupplier verbose;
    private final Function<Throwable, SharepidException> explain;

    /**
     * {@code explain}: the user-facing form of a client failure (from the invocation's connection, which
     * knows its API server), or null when it is a bug rather than a condition.
     */
    public ErrorHandler(PrintWriter err, BooleanSupplier verbose, Function<Throwable, SharepidException> explain) {
        this.err = err;
        this.verbose = verbose;
        this.explain = explain;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        String help = ex.getCommandLine().getCommandSpec().qualifiedName() + " --help";
        err.println("error: " + oneLine(firstCause(ex)) + " (see '" + help + "')");
        err.flush();
        return SharepidException.USAGE;
    }

    /**
     * picocli checks required parameters before unknown options, so {@code peek-root POD -c nginx -rf}
     * said "Missing required parameter" about a word the user did type; the unknown option is the cause.
     */
    private static String firstCause(ParameterException ex) {
        java.util.List<String> unmatched = ex.getCommandLine().getUnmatchedArguments();
        if (ex instanceof CommandLine.MissingParameterException && !unmatched.isEmpty()
                && unmatched.get(0).startsWith("-")) {
            return "Unknown option: '" + unmatched.get(0) + "' (a value that starts with '-' goes after --)";
        }
        return ex.getMessage();
    }

    /** 128 + SIGPIPE: what a shell tool's status is when the reader of its output went away. */
    public static final int CLOSED_PIPE = 141;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        if (closedPipe(ex)) {
            return CLOSED_PIPE; // `peek-root ... | head`: the reader has all it wanted; no error to report
        }
        SharepidException known = translate(ex);
        if (verbose.getAsBoolean()) {
            ex.printStackTrace(err);
        }
        if (known != null) {
            err.println("error: " + oneLine(known.getMessage()));
            err.flush();
            return known.exitCode();
        }
        err.println("error: unexpected " + ex.getClass().getSimpleName() + ": " + oneLine(String.valueOf(ex.getMessage()))
                + (verbose.getAsBoolean() ? "" : " (run with -v for details)"));
        err.flush();
        return SharepidException.FAILURE;
    }

    /** The user-facing form of {@code ex}, or null when it is a bug rather than a condition. */
    private SharepidException translate(Throwable ex) {
        SharepidException known = SharepidException.within(ex);
        if (known != null) {
            return known;
        }
        if (ex instanceof ParameterException pe) {
            return SharepidException.usage(pe.getMessage());
        }
        return explain.apply(ex);
    }

    static boolean closedPipe(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException && t.getMessage() != null && t.getMessage().contains("Broken pipe")) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String message) {
        return SharepidException.oneLine(message);
    }
}
