package io.github.sharepid.proc;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sample of {@code top}: per process %CPU between the two readings of {@link TopScript}, RSS and %MEM, and per
 * container totals against its limits.
 * <p>
 * CPU ticks are {@code utime + stime} of {@code /proc/PID/stat}, {@code unsigned long} in the kernel: 64 bits on
 * every architecture Kubernetes nodes run (amd64, arm64, ppc64le, s390x), so at USER_HZ 100 they do not wrap in
 * any process's lifetime; no 32-bit wrap is corrected for. A process seen only in the second reading started in
 * between (or its PID was reused: its start time differs) and counts all its ticks; one seen only in the first
 * has ended and is left out; a difference below zero (not expected) counts as zero.
 *
 * @param intervalSeconds the time between the readings, measured in the pod by {@code /proc/uptime}
 * @param nodeMemoryKiB   the node's {@code MemTotal}, base of %MEM for containers without a memory limit
 */
public record TopSample(double intervalSeconds, long nodeMemoryKiB, List<ContainerUsage> containers,
                        List<TopRow> processes) {
    /** The {@code --sort} keys: CPU, RSS and CPU time largest first; PID ascending. */
    public enum Sort { CPU, MEM, PID, TIME }

    public TopSample {
        containers = List.copyOf(containers);
        processes = List.copyOf(processes);
    }

    /** @param rows the second reading attributed ({@link Attribution}); the snapshot it came from gives threads */
    public static TopSample of(FirstReading first, ProcSnapshot second, List<ProcessInfo> rows, Pod pod, Sort sort) {
        double interval = second.uptimeSeconds() - first.uptimeSeconds();
        ContainerLimits limits = ContainerLimits.of(pod);
        List<TopRow> processes = new ArrayList<>();
        for (ProcessInfo p : rows) {
            RawProcess raw = second.processes().get(p.pid());
            if (raw == null) {
                continue;
            }
            long now = raw.stat().utime() + raw.stat().stime();
            FirstReading.Ticks before = first.ticks().get(p.pid());
            long used = before != null && before.startTicks() == raw.stat().startTicks() ? now - before.cpuTicks() : now;
            double cpu = interval > 0 ? Math.max(0, used) * 100.0 / RowBuilder.USER_HZ / interval : 0;
            Long memLimit = limits.memoryBytes().get(p.container());
            double base = memLimit != null ? memLimit / 1024.0 : first.memTotalKiB();
            processes.add(new TopRow(p.pid(), p.container(), p.user(), p.state(), raw.stat().threads(),
                    round(cpu), p.cpuSeconds(), p.rssKiB(), base > 0 ? round(p.rssKiB() * 100.0 / base) : null,
                    p.command()));
        }
        processes.sort(order(sort));
        return new TopSample(round(Math.max(0, interval)), first.memTotalKiB(), usage(processes, limits), processes);
    }

    private static List<ContainerUsage> usage(List<TopRow> processes, ContainerLimits limits) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        processes.stream().sorted(Comparator.comparing(TopRow::container)).forEach(p -> {
            double[] sum = sums.computeIfAbsent(p.container(), c -> new double[2]);
            sum[0] += p.cpuPercent();
            sum[1] += p.rssKiB();
        });
        List<ContainerUsage> usage = new ArrayList<>();
        sums.forEach((name, sum) -> usage.add(new ContainerUsage(name, round(sum[0]), limits.cpuCores().get(name),
                (long) sum[1], limits.memoryBytes().get(name))));
        return usage;
    }

    private static Comparator<TopRow> order(Sort sort) {
        Comparator<TopRow> byPid = Comparator.comparingInt(TopRow::pid);
        return switch (sort) {
            case CPU -> Comparator.comparingDouble(TopRow::cpuPercent).reversed().thenComparing(byPid);
            case MEM -> Comparator.comparingLong(TopRow::rssKiB).reversed().thenComparing(byPid);
            case TIME -> Comparator.comparingDouble(TopRow::cpuSeconds).reversed().thenComparing(byPid);
            case PID -> byPid;
        };
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
