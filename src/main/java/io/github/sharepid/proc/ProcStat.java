package io.github.sharepid.proc;

import java.util.Optional;

/**
 * The fields of one {@code /proc/PID/stat} line that {@code ps} needs. The comm sits between the first
 * {@code (} and the LAST {@code )}, because a comm may itself contain spaces, parentheses and newlines.
 *
 * @param utime      user CPU time in clock ticks (field 14)
 * @param stime      system CPU time in clock ticks (field 15)
 * @param startTicks start time in clock ticks after boot (field 22), also the PID-reuse guard of {@code signal}
 */
public record ProcStat(int pid, String comm, char state, int ppid, int pgrp, int session, int tpgid,
                       long utime, long stime, int nice, int threads, long startTicks) {

    /** Field 3 (state) is the first field after the comm; field N is at index N - 3 of the rest. */
    private static final int FIRST_FIELD = 3;
    private static final int LAST_NEEDED_FIELD = 22;

    /** The parsed line, or empty when it is truncated or malformed (the process vanished mid-read). */
    public static Optional<ProcStat> parse(String line) {
        int open = line.indexOf(" (");
        int close = line.lastIndexOf(')');
        if (open < 1 || close < open) {
            return Optional.empty();
        }
        String[] rest = line.substring(close + 1).trim().split(" ");
        if (rest.length < LAST_NEEDED_FIELD - FIRST_FIELD + 1 || rest[0].length() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProcStat(
                    Integer.parseInt(line.substring(0, open)), line.substring(open + 2, close),
                    rest[0].charAt(0), field(rest, 4), field(rest, 5), field(rest, 6), field(rest, 8),
                    longField(rest, 14), longField(rest, 15), field(rest, 19), field(rest, 20),
                    longField(rest, 22)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The {@code ps} STAT column: state, then {@code <}/{@code N} (nice), {@code s}, {@code l}, {@code +}. */
    public String psStat() {
        StringBuilder stat = new StringBuilder().append(state);
        if (nice < 0) {
            stat.append('<');
        } else if (nice > 0) {
            stat.append('N');
        }
        if (session == pid) {
            stat.append('s');
        }
        if (threads > 1) {
            stat.append('l');
        }
        if (tpgid == pgrp) {
            stat.append('+');
        }
        return stat.toString();
    }

    private static int field(String[] rest, int number) {
        return Integer.parseInt(rest[number - FIRST_FIELD]);
    }

    private static long longField(String[] rest, int number) {
        return Long.parseLong(rest[number - FIRST_FIELD]);
    }
}
