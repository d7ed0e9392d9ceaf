package io.github.sharepid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The note of ports/files when descriptors could not be read: which processes, why, and what shows them. */
class UnreadableTest {
    @Test
    void nothingUnreadable_noNote() {
        assertThat(Unreadable.note(Map.of(), 0, "shell", "x")).isNull();
    }

    @Test
    void namesThePidsTheReasonTheUserAndTheProfile() {
        Map<Integer, String> denied = new TreeMap<>();
        for (int pid = 1; pid <= 10; pid++) {
            denied.put(pid, "Permission denied");
        }

        assertThat(Unreadable.note(denied, 65534, "sharepid", "a socket they may hold shows owner ?")).isEqualTo(
                "note: the file descriptors of 10 processes (PID 1, 2, 3, 4, 5, 6, 7, 8, ...) could not be read"
                        + " (Permission denied): the tools ran in container sharepid as UID 65534, and reading another"
                        + " user's needs root with SYS_PTRACE; a socket they may hold shows owner ?. A copy or a tools"
                        + " container (--ephemeral) with --profile general (the default) or sysadmin shows them");
    }

    @Test
    void ofOneOfSeveralPods_namesThePod() {
        assertThat(Unreadable.note("team/web-b", Map.of(14, "Permission denied"), 1000, "shell", "x"))
                .startsWith("note: pod team/web-b: the file descriptors of 1 process (PID 14) could not be read");
        assertThat(Unreadable.note("web-a", Map.of(), 0, "shell", "x")).isNull();
    }
}
