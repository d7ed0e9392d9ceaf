package io.github.sharepid.proc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads container IDs out of {@code /proc/PID/cgroup} content, whatever the layout: cgroupfs
 * ({@code /kubepods/besteffort/pod<uid>/<id>}), systemd ({@code cri-containerd-<id>.scope},
 * {@code crio-<id>.scope}, {@code docker-<id>.scope}) and cgroup v2 namespaces ({@code 0::/../<id>}).
 */
final class Cgroups {
    /** containerd, CRI-O and Docker all name containers by 64 hex digits. */
    private static final int ID_LENGTH = 64;

    private Cgroups() {
    }

    /** Every maximal run of exactly 64 hex digits, lower-cased, in order of appearance. */
    static List<String> ids(String cgroup) {
        List<String> ids = new ArrayList<>();
        int run = 0;
        for (int i = 0; i <= cgroup.length(); i++) {
            if (i < cgroup.length() && Character.digit(cgroup.charAt(i), 16) >= 0) {
                run++;
                continue;
            }
            if (run == ID_LENGTH) {
                ids.add(cgroup.substring(i - run, i).toLowerCase(Locale.ROOT));
            }
            run = 0;
        }
        return ids;
    }

    /**
     * True if every {@code hierarchy:controllers:path} line has the path {@code /}: a process of the
     * container whose private cgroup namespace the collector runs in. False for empty content.
     */
    static boolean allRoot(String cgroup) {
        boolean any = false;
        for (String line : cgroup.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int second = line.indexOf(':', line.indexOf(':') + 1);
            if (second < 0 || !line.substring(second + 1).equals("/")) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
