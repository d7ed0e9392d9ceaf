package io.github.sharepid.proc;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything one run of {@link PsScript} (or {@link SignalScript}) reported, parsed but not yet attributed.
 *
 * @param selfPid       the collecting process (to leave out of the listing), 0 if not reported
 * @param uptimeSeconds seconds since boot, from {@code /proc/uptime}
 * @param bootTime      boot time, from the {@code btime} line of {@code /proc/stat}
 * @param processes     by PID; only processes whose stat line was read completely
 * @param passwd        {@code /etc/passwd} contents by the PID whose root they were read through
 */
public record ProcSnapshot(int selfPid, double uptimeSeconds, Instant bootTime,
                           SortedMap<Integer, RawProcess> processes, Map<Integer, String> passwd) {

    public ProcSnapshot {
        processes = Collections.unmodifiableSortedMap(new TreeMap<>(processes));
        passwd = Map.copyOf(passwd);
    }
}
