package io.github.sharepid.cli;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.output.OutputFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code -o/--output} (bound to {@link OutputFormat}) and {@code --no-headers}, shared by the commands that print data. */
public class OutputFlags {
    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table", converter = Format.class,
            description = "Output format: table (default), wide, json or yaml, as the command supports.")
    OutputFormat format;

    @Option(names = "--no-headers", description = "Print tables without their header line.")
    boolean noHeaders;

    /** A usage error unless the format is one of {@code allowed}. */
    OutputFormat requireOneOf(OutputFormat... allowed) {
        if (!List.of(allowed).contains(format)) {
            throw SharepidException.usage("-o " + format.flagValue() + " is not supported here; choose one of "
                    + Stream.of(allowed).map(OutputFormat::flagValue).collect(Collectors.joining(", ")));
        }
        return format;
    }

    boolean structured() {
        return format.structured();
    }

    /** {@code -o} as typed ({@code json}, {@code JSON}); an unknown value names the flag and the valid ones. */
    static final class Format implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.parse(value);
            } catch (SharepidException e) {
                throw new TypeConversionException("-o " + value + ": " + e.getMessage());
            }
        }
    }
}
