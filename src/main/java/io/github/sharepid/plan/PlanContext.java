package io.github.sharepid.plan;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the planner needs from the outside world, looked up by the caller so that planning stays pure:
 * the time, a random name suffix, and which of the source pod's claims only one node can attach.
 *
 * @param now                 stamped on the copy as {@code sharepid.io/created}
 * @param randomSuffix        5 lowercase letters or digits, for the generated copy name
 * @param readWriteOnceClaims names of the source's PersistentVolumeClaims that are ReadWriteOnce(Pod)
 */
public record PlanContext(Instant now, String randomSuffix, Set<String> readWriteOnceClaims) {
    private static final Pattern SUFFIX = Pattern.compile("[a-z0-9]{5}");

    public PlanContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(randomSuffix, "randomSuffix");
        if (!SUFFIX.matcher(randomSuffix).matches()) {
            throw new IllegalArgumentException("randomSuffix must be 5 lowercase letters or digits: " + randomSuffix);
        }
        readWriteOnceClaims = Set.copyOf(readWriteOnceClaims);
    }
}
