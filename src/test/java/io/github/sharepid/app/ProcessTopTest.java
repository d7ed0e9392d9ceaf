package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sharepid.proc.TopRow;
import io.github.sharepid.proc.TopSample;
import io.github.sharepid.proc.TopScript;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** top: each sample one exec of the fixed top script with the interval as an argument; later samples reuse the target. */
class ProcessTopTest {
    private final FakeToolPorts ports = new FakeToolPorts(SamplePods.copy());
    private final FakeExec exec = ports.exec;
    private final ProcessTop top = new ProcessTop(ports.table());
    private final ToolPod copy = ToolPod.of("web-1-sharepid-abcde", null);

    /** The nginx copy, with a first reading at uptime 1756.17 where the worker (9) had used 48 ticks less. */
    static byte[] reply() {
        String first = "./uptime:1756.17 1430.00\0./9/stat:9 (nginx) S 8 9 9 0 -1 4194560 98 0 0 0 0 2 0 0 20 0 1 0 96"
                + " 1040384 1 18446744073709551615\n\0meminfo:MemTotal:       1048576 kB\0";
        byte[] head = first.getBytes(StandardCharsets.UTF_8);
        byte[] ps = PsReply.nginxCopy().bytes();
        String second = new String(ps, StandardCharsets.UTF_8).replace("9 (nginx) S 8 9 9 0 -1 4194560 98 0 0 0 0 2",
                "9 (nginx) S 8 9 9 0 -1 4194560 98 0 0 0 40 10");
        byte[] tail = second.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Test
    void samples_oneExecEach_intervalAsArgv_containerFilter() {
        exec.answer(reply()).answer(reply());
        ProcessTop.Request request = new ProcessTop.Request("nginx", "0.5", TopSample.Sort.CPU);

        ProcessTop.Sample first = top.first(copy, request);
        ProcessTop.Sample next = top.next(first.target(), request);

        assertThat(exec.calls).extracting(FakeExec.Call::argv).containsExactly(TopScript.argv("0.5"), TopScript.argv("0.5"));
        assertThat(exec.calls).extracting(FakeExec.Call::where).containsOnly("ns/web-1-sharepid-abcde/sharepid");
        assertThat(next.sample().processes()).extracting(TopRow::pid, TopRow::container, TopRow::cpuPercent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(9, "nginx", 48.0),
                        org.assertj.core.groups.Tuple.tuple(8, "nginx", 2.0));
        assertThat(first.sample().containers()).extracting(c -> c.name()).containsExactly("nginx");
    }
}
