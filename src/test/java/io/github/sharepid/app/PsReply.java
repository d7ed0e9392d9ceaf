package io.github.sharepid.app;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What the ps script prints ({@code NAME:CONTENT\0} records) for the processes a test adds. */
final class PsReply {
    private final List<String> records = new ArrayList<>(List.of("self:99", "uptime:1757.17 1430.71\n",
            "stat:cpu  1 2 3 4\nbtime 1795353000\n"));

    /** A process of the container whose runtime ID is {@code containerId}, with its command line. */
    PsReply process(int pid, int ppid, String containerId, String comm, String... args) {
        records.add(pid + "/status:Uid:\t0\t0\t0\t0");
        records.add(pid + "/cgroup:8:pids:/kubepods/besteffort/podx/" + containerId + "\n");
        for (String arg : args) {
            records.add(pid + "/cmdline:" + arg);
        }
        records.add(pid + "/stat:" + pid + " (" + comm + ") S " + ppid + " " + pid + " " + pid
                + " 0 -1 4194560 98 0 0 0 0 2 0 0 20 0 1 0 96 1040384 1 18446744073709551615\n");
        return this;
    }

    /** The pause process, nginx's master (8) and worker (9), and the debug shell (14). */
    static PsReply nginxCopy() {
        return new PsReply().process(1, 0, SamplePods.SANDBOX_ID, "pause", "/pause")
                .process(8, 0, SamplePods.NGINX_ID, "nginx", "nginx: master process nginx")
                .process(9, 8, SamplePods.NGINX_ID, "nginx", "nginx: worker process")
                .process(14, 0, SamplePods.DEBUG_ID, "sh", "sh");
    }

    byte[] bytes() {
        return (String.join("\0", records) + "\0").getBytes(StandardCharsets.UTF_8);
    }
}
