package io.github.sharepid.cli;

import io.github.sharepid.failure.SharepidException;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -o/--output} and {@code --no-headers}, shared by the commands that print data. */
public class OutputFlags {
    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table (default), wide, json or yaml, as the command supports.")
    String format;

    @Option(names = "--no-headers", description = "Print tables without their header line.")
    boolean noHeaders;

    /** A usage error unless the format is one of {@code allowed}. */
    String requireOneOf(String... allowed) {
        if (!List.of(allowed).contains(format)) {
            throw SharepidException.usage("-o " + format + " is not supported here; choose one of "
                    + String.join(", ", allowed));
        }
        return format;
    }

    boolean structured() {
        return format.equals("json") || format.equals("yaml");
    }
}
