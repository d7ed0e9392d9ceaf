package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.proc.FdScript;
import io.github.sharepid.proc.FileRow;
import io.github.sharepid.proc.FileRows;
import io.github.sharepid.proc.PortRow;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** ports and files: one exec of the fixed fd script where ps runs, joined with the attributed process table. */
class PodActivityTest {
    private final FakeToolPorts ports = new FakeToolPorts(SamplePods.copy());
    private final FakeExec exec = ports.exec;
    private final PodActivity activity = new PodActivity(ports.table());
    private final ToolPod copy = ToolPod.of("web-1-sharepid-abcde", null);

    /** nginx's master (8) and worker (9) share the listener on :80; the worker holds a deleted log; 14 is the shell. */
    static byte[] reply(String extra) {
        String fd = "99/net/tcp:  sl  local_address rem_address   st\0"
                + "99/net/tcp:   0: 00000000:0050 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0 0 3000 1\0"
                + "99/net/tcp6:   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A"
                + " 00000000:00000000 00:00000000 00000000  1000 0 3001 1\0"
                + "fds:8/fd/6|c1ff|0|3000|1\n9/fd/6|c1ff|0|3000|1\n9/fd/2|81a4|2147483648|55|0\n"
                + "9/fd/4|81a4|10|56|0\n14/fd/0|21b6|0|3|1\n31/fd/3|c1ff|0|3001|1\n" + extra + "\0"
                + "links:8/fd/6|'8/fd/6' -> 'socket:[3000]'\n9/fd/6|'9/fd/6' -> 'socket:[3000]'\n"
                + "9/fd/2|'9/fd/2' -> '/var/log/nginx/error.log (deleted)'\n9/fd/4|'9/fd/4' -> '/tmp/x (deleted)'\n"
                + "14/fd/0|'14/fd/0' -> '/dev/null'\n\0";
        byte[] ps = PsReply.nginxCopy().bytes();
        byte[] head = fd.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + ps.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(ps, 0, all, head.length, ps.length);
        return all;
    }

    @Test
    void ports_oneExecOfTheFdScript_ownersWithTheirContainers() {
        exec.answer(reply(""));

        PodActivity.Ports result = activity.ports(copy, false);

        assertThat(exec.calls).containsExactly(new FakeExec.Call("ns/web-1-sharepid-abcde/sharepid", FdScript.argv()));
        assertThat(result.ports().rows()).extracting(r -> r.socket().proto() + " " + r.socket().localPort() + " "
                + r.owner() + " " + r.container() + " " + r.command()).containsExactly(
                "tcp 80 8 nginx nginx: master process nginx", "tcp 80 9 nginx nginx: worker process",
                "tcp6 8080 - - -");
        assertThat(result.toolUid()).isZero();
    }

    @Test
    void ports_deniedProcess_showsQuestionMarkAndIsReported() {
        exec.answer(reply("stat: can't stat '14/fd/1': Permission denied"));

        PodActivity.Ports result = activity.ports(copy, false);

        assertThat(result.ports().rows()).extracting(PortRow::owner).containsExactly("8", "9", "?");
        assertThat(result.ports().unreadable()).containsOnlyKeys(14);
    }

    @Test
    void filesDeleted_acrossThePod_largestFirst() {
        exec.answer(reply(""));

        PodActivity.Files files = activity.files(copy, new FileRows.Selection(null, null, true));

        assertThat(files.rows()).extracting(r -> r.pid() + " " + r.container() + " " + r.fd().size() + " "
                + r.fd().path()).containsExactly("9 nginx 2147483648 /var/log/nginx/error.log", "9 nginx 10 /tmp/x");
    }

    @Test
    void filesOfAContainer_everyDescriptorOfItsProcesses() {
        exec.answer(reply(""));

        PodActivity.Files files = activity.files(copy, new FileRows.Selection(null, "sharepid", false));

        assertThat(files.rows()).extracting(FileRow::pid, r -> r.fd().type(), r -> r.fd().target())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(14, "device", "/dev/null"));
    }

    @Test
    void filesOfAProcessNotInThePod_fails_andUnknownContainerIsUsage() {
        exec.answer(reply("")).answer(reply(""));

        assertThatThrownBy(() -> activity.files(copy, new FileRows.Selection(4242, null, false)))
                .isInstanceOf(SharepidException.class).hasMessage("no process 4242 in pod web-1-sharepid-abcde");
        assertThatThrownBy(() -> activity.files(copy, new FileRows.Selection(null, "redis", false)))
                .hasMessageStartingWith("container \"redis\" not found");
    }
}
