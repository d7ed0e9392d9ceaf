package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.proc.ProcessInfo;
import io.github.sharepid.proc.PsScript;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ps: one exec of the fixed script in the debug container, each process with its container, and -c. */
class ProcessTableTest {
    private final FakeToolPorts ports = new FakeToolPorts(SamplePods.copy());
    private final FakeExec exec = ports.exec;
    private final ProcessTable table = ports.table();
    private final ToolPod copy = ToolPod.of("web-1-sharepid-abcde", null);

    @ParameterizedTest(name = "-c {0} → PIDs {1}")
    @CsvSource(value = {"null | 1 8 9 14", "nginx | 8 9", "sharepid | 14", "(sandbox) | 1"}, delimiter = '|',
            nullValues = "null")
    void list_keepsTheProcessesOfTheContainerAsked(String container, String pids) {
        exec.answer(PsReply.nginxCopy().bytes());

        ProcessTable.Listing listing = table.list(copy, container);

        assertThat(listing.processes()).extracting(p -> String.valueOf(p.pid())).containsExactly(pids.split(" "));
        assertThat(exec.calls).containsExactly(new FakeExec.Call("ns/web-1-sharepid-abcde/sharepid", PsScript.argv()));
    }

    @Test
    void list_attributesEachProcessToItsContainer() {
        exec.answer(PsReply.nginxCopy().bytes());

        List<ProcessInfo> rows = table.list(copy, null).processes();

        assertThat(rows).extracting(ProcessInfo::container).containsExactly("(sandbox)", "nginx", "nginx", "sharepid");
    }

    @Test
    void list_saysWhichUidTheToolsRanAs_evenWhenTheirContainerIsFilteredOut() {
        String reply = new String(PsReply.nginxCopy().bytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("14/status:Uid:\t0\t0\t0\t0", "14/status:Uid:\t1000\t1000\t1000\t1000");
        exec.answer(PsReply.nginxCopy().bytes()).answer(reply.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(table.list(copy, null).toolUid()).isZero();
        assertThat(table.list(copy, "nginx").toolUid()).isEqualTo(1000L);
    }

    @Test
    void list_unknownContainer_isAUsageErrorNamingTheValidOnes() {
        exec.answer(PsReply.nginxCopy().bytes());

        assertThatThrownBy(() -> table.list(copy, "redis"))
                .isInstanceOf(SharepidException.class)
                .hasMessage("container \"redis\" not found in pod \"web-1-sharepid-abcde\"; valid: nginx, sharepid, (sandbox)");
    }

    @Test
    void list_scriptFails_saysWhatTheContainerNeeds() {
        exec.answer(new byte[0], "sh: grep: not found\n", 127);

        assertThatThrownBy(() -> table.list(copy, null))
                .hasMessage("reading /proc in container sharepid of pod web-1-sharepid-abcde failed (exit 127):"
                        + " sh: grep: not found; the container needs sh and grep (busybox has them)");
    }

    /** A process that ended between the script's glob and grep's read: grep says so and exits 2. */
    @Test
    void list_aProcessVanishedMidScan_isStillAListing() {
        exec.answer(PsReply.nginxCopy().bytes(), "grep: 31/cmdline: No such file or directory\n", 2);

        assertThat(table.list(copy, null).processes())
                .extracting(ProcessInfo::pid).containsExactly(1, 8, 9, 14);
    }

    @Test
    void list_exit2WithoutTheListing_isAFailure() {
        exec.answer("self:99\0".getBytes(java.nio.charset.StandardCharsets.UTF_8), "grep: uptime: Permission denied\n", 2);

        assertThatThrownBy(() -> table.list(copy, null))
                .hasMessageStartingWith("reading /proc in container sharepid of pod web-1-sharepid-abcde failed (exit 2)");
    }

    @Test
    void mainPid_isTheContainersProcessWhoseParentIsOutsideIt() {
        exec.answer(PsReply.nginxCopy().bytes());
        SiteLookup.Judged<List<ProcessInfo>> read = table.readWhileLooking(table.start(copy));

        assertThat(ProcessTable.mainPid(read.result(), read.target(), "nginx")).isEqualTo(8);
    }
}
