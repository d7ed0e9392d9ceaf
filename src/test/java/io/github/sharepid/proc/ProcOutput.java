package io.github.sharepid.proc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds hand-made script output in the {@code NAME:CONTENT\0} format, for cases no capture shows. */
final class ProcOutput {
    static final long BTIME = 1_795_355_980L;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long uid;

    /** Starts with {@code uptime} 1000 s and {@code btime} {@link #BTIME}. */
    static ProcOutput booted() {
        return new ProcOutput().record("uptime", "1000.00 1900.00\n")
                .record("stat", "cpu  1 2 3\ncpu0 1 2 3\nbtime " + BTIME + "\nprocesses 9\n");
    }

    /** The effective UID of the processes added after this call (default 0). */
    ProcOutput uid(long uid) {
        this.uid = uid;
        return this;
    }

    ProcOutput record(String name, String content) {
        byte[] bytes = (name + ":" + content).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        out.write(0);
        return this;
    }

    /** A sleeping, single-threaded session leader without a terminal, started 100 s after boot. */
    ProcOutput process(int pid, int ppid, String comm, String cgroup, String... args) {
        return process(pid, statLine(pid, comm, 'S', ppid, pid, pid, -1, 0, 1), cgroup, args);
    }

    ProcOutput process(int pid, String statLine, String cgroup, String... args) {
        record(pid + "/status", "Uid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid);
        record(pid + "/status", "VmRSS:\t    1024 kB");
        record(pid + "/cgroup", cgroup);
        for (String arg : args) {
            record(pid + "/cmdline", arg);
        }
        return record(pid + "/stat", statLine);
    }

    /** A stat line with the fields ps reads; utime 250, stime 50 ticks, start 10000 ticks (100 s). */
    static String statLine(int pid, String comm, char state, int ppid, int pgrp, int session, int tpgid,
                           int nice, int threads) {
        return pid + " (" + comm + ") " + state + " " + ppid + " " + pgrp + " " + session + " 0 " + tpgid
                + " 4194560 100 0 0 0 250 50 0 0 20 " + nice + " " + threads + " 0 10000 2322432 380"
                + " 18446744073709551615 4198400 5785993 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n";
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** The bytes cut after {@code length}, as when the stream ends mid-record. */
    byte[] truncated(int cut) {
        byte[] all = bytes();
        return java.util.Arrays.copyOf(all, all.length - cut);
    }
}
