package io.github.sharepid.output;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.proc.Escapes;
import java.util.Locale;

/** The {@code -o} values: the default table, {@code wide} (ps only), {@code json}, {@code yaml}. */
public enum OutputFormat {
    TABLE, WIDE, JSON, YAML;

    /** @throws SharepidException (USAGE) for an unknown value */
    public static OutputFormat parse(String value) {
        if (value == null || value.isEmpty()) {
            return TABLE;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "table" -> TABLE;
            case "wide" -> WIDE;
            case "json" -> JSON;
            case "yaml" -> YAML;
            default -> throw SharepidException.usage("unknown output format \"" + Escapes.controlChars(value)
                    + "\"; valid: table, wide, json, yaml");
        };
    }

    /** JSON or YAML: a document rather than a table. */
    public boolean structured() {
        return this == JSON || this == YAML;
    }

    /** The value as typed after {@code -o}. */
    public String flagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
