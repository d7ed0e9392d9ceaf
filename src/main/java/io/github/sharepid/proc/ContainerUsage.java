package io.github.sharepid.proc;

/**
 * The line of one container above {@code top}'s rows: its processes' CPU and RSS added up, and its limits from the
 * pod spec.
 *
 * @param cpuPercent       percent of one core
 * @param cpuLimitCores    {@code resources.limits.cpu} in cores, null when unset
 * @param memoryLimitBytes {@code resources.limits.memory}, null when unset
 */
public record ContainerUsage(String name, double cpuPercent, Double cpuLimitCores, long rssKiB,
                             Long memoryLimitBytes) {
}
