package io.github.sharepid.plan;

import io.github.sharepid.failure.SharepidException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Pure checks for the debug command's flags, so that bad input fails before any API call with one line
 * that names the flag and says what a valid value looks like.
 */
public final class SpecParsing {
    public static final String ENV_FLAG = "--env";
    public static final String SET_IMAGE_FLAG = "--set-image";

    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS_LABEL = Pattern.compile(LABEL);
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

    private SpecParsing() {}

    /**
     * Parses {@code NAME=VALUE} flag values in the order given; the value may be empty or contain '='.
     * With {@code --env} the name must be a valid variable name; with {@code --set-image} it must be
     * {@code *} or a container name, and the image must not be empty.
     */
    public static Map<String, String> parseAssignments(List<String> values, String flag) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String value : values) {
            int eq = value.indexOf('=');
            if (eq < 0) {
                throw SharepidException.usage(flag + " \"" + value + "\": expected NAME=VALUE");
            }
            String name = value.substring(0, eq);
            String rest = value.substring(eq + 1);
            validateAssignment(flag, value, name, rest);
            if (parsed.putIfAbsent(name, rest) != null) {
                throw SharepidException.usage(flag + " \"" + name + "\" is given more than once");
            }
        }
        return Collections.unmodifiableMap(parsed);
    }

    private static void validateAssignment(String flag, String value, String name, String rest) {
        if (name.isEmpty()) {
            throw SharepidException.usage(flag + " \"" + value + "\": the name before '=' is empty");
        }
        if (ENV_FLAG.equals(flag) && !ENV_NAME.matcher(name).matches()) {
            throw SharepidException.usage(flag + " \"" + value + "\": \"" + name + "\" is not a valid environment"
                    + " variable name (letters, digits, '_', '-' and '.', not starting with a digit)");
        }
        if (SET_IMAGE_FLAG.equals(flag)) {
            validateImageSetTarget(name, flag);
            if (rest.isEmpty()) {
                throw SharepidException.usage(flag + " \"" + value + "\": the image after '=' is empty");
            }
        }
    }

    /** A {@code --set-image} target: {@code *} (every copied container) or a container name. */
    public static void validateImageSetTarget(String name, String flag) {
        if (!CopiedContainers.ALL.equals(name)) {
            validateContainerName(name, flag);
        }
    }

    /** A pod name: a DNS-1123 subdomain (lowercase letters, digits, '-' and '.', at most 253 characters). */
    public static void validatePodName(String name, String flag) {
        if (name == null || name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            throw SharepidException.usage(flag + " \"" + name + "\": a pod name must be at most 253 lowercase"
                    + " letters, digits, '-' and '.', starting and ending with a letter or digit");
        }
    }

    /** A container name: a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters). */
    public static void validateContainerName(String name, String flag) {
        if (name == null || name.length() > 63 || !DNS_LABEL.matcher(name).matches()) {
            throw SharepidException.usage(flag + " \"" + name + "\": a container name must be at most 63 lowercase"
                    + " letters, digits and '-', starting and ending with a letter or digit");
        }
    }
}
