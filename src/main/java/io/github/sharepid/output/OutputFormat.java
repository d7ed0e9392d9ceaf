package io.github.sharepid.output;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.proc.Escapes;
import java.util.Locale;

/** The {@code -o} values of {@code ps}: the default table, {@code wide}, {@code json}, {@code yaml}. */
public enum OutputFormat {
    TABLE, WIDE, JSON, YAML;

    /** @throws SharepidException (USAGE) for an unknown value */
    public static OutputFormat parse(String value) {
        if (value == null || value.isEmpty()) {
            return TABLE;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "wide" -> WIDE;
            case "json" -> JSON;
            case "yaml" -> YAML;
            default -> throw SharepidException.usage("unknown output format \"" + Escapes.controlChars(value)
                    + "\"; valid: wide, json, yaml");
        };
    }
}
