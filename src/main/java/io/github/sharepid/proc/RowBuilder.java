package io.github.sharepid.proc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns attributed raw processes into {@link ProcessInfo} rows: user names through the owning container's
 * {@code /etc/passwd}, times from clock ticks. Assumes USER_HZ = 100, the value of the kernel ABI
 * ({@code sysconf(_SC_CLK_TCK)}) on every architecture Kubernetes nodes run (x86, arm64, ppc64le, s390x).
 */
final class RowBuilder {
    static final int USER_HZ = 100;

    private final ProcSnapshot snapshot;
    private final Map<Integer, String> owners;
    private final Map<String, Map<Long, String>> usersByContainer = new HashMap<>();

    RowBuilder(ProcSnapshot snapshot, Map<Integer, String> owners) {
        this.snapshot = snapshot;
        this.owners = owners;
        new TreeMap<>(snapshot.passwd()).forEach((pid, content) -> {
            String container = owners.get(pid);
            if (container != null && !container.equals(Attribution.UNKNOWN)) {
                usersByContainer.computeIfAbsent(container, c -> Passwd.parse(content));
            }
        });
    }

    List<ProcessInfo> rows() {
        List<ProcessInfo> rows = new ArrayList<>();
        snapshot.processes().forEach((pid, process) -> {
            if (pid != snapshot.selfPid()) {
                rows.add(row(process, owners.get(pid)));
            }
        });
        return rows;
    }

    private ProcessInfo row(RawProcess process, String container) {
        ProcStat stat = process.stat();
        long uid = process.uid().orElse(-1);
        String user = uid < 0 ? "?"
                : usersByContainer.getOrDefault(container, Map.of()).getOrDefault(uid, Long.toString(uid));
        Instant start = snapshot.bootTime().plusMillis(stat.startTicks() * 1000 / USER_HZ);
        long elapsed = Math.max(0, (long) Math.floor(snapshot.uptimeSeconds() - (double) stat.startTicks() / USER_HZ));
        return new ProcessInfo(stat.pid(), stat.ppid(), container, uid, user, String.valueOf(stat.state()),
                stat.psStat(), (double) (stat.utime() + stat.stime()) / USER_HZ, process.rssKiB(), start,
                elapsed, stat.comm(), process.args(), stat.startTicks());
    }
}
