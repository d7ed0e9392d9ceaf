package io.github.sharepid.proc;

/**
 * One process in {@code top}.
 *
 * @param cpuPercent  CPU used over the interval, in percent of one core (200 = two cores busy)
 * @param cpuSeconds  CPU time since the process started
 * @param memPercent  RSS against its container's memory limit, else the node's memory; null when neither is known
 */
public record TopRow(int pid, String container, String user, String state, int threads, double cpuPercent,
                     double cpuSeconds, long rssKiB, Double memPercent, String command) {
}
