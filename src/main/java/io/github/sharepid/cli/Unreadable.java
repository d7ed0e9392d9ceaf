package io.github.sharepid.cli;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The note of {@code ports} and {@code files} when some processes' descriptors could not be read: which, why,
 * and what would show them. Never silent: their sockets still show with owner {@code ?}.
 */
final class Unreadable {
    private static final int SHOWN_PIDS = 8;

    private Unreadable() {
    }

    /** {@link #note} of one of several pods: says which ({@code label}); null when everything was read. */
    static String note(String label, Map<Integer, String> unreadable, long toolUid, String execContainer, String what) {
        String note = note(unreadable, toolUid, execContainer, what);
        return note == null ? null : "note: pod " + label + ": " + note.substring("note: ".length());
    }

    /** Null when everything was read. */
    static String note(Map<Integer, String> unreadable, long toolUid, String execContainer, String what) {
        if (unreadable.isEmpty()) {
            return null;
        }
        String pids = unreadable.keySet().stream().sorted().limit(SHOWN_PIDS).map(String::valueOf)
                .collect(Collectors.joining(", ")) + (unreadable.size() > SHOWN_PIDS ? ", ..." : "");
        String why = unreadable.values().iterator().next();
        return "note: the file descriptors of " + unreadable.size() + " process" + (unreadable.size() == 1 ? "" : "es")
                + " (PID " + pids + ") could not be read (" + why + "): the tools ran in container " + execContainer
                + (toolUid >= 0 ? " as UID " + toolUid : "") + ", and reading another user's needs root with"
                + " SYS_PTRACE; " + what + ". A copy or a tools container (--ephemeral) with --profile general (the"
                + " default) or sysadmin shows them";
    }
}
