package io.github.sharepid.proc;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * top's arithmetic on two readings of /proc/PID/stat: %CPU of one core over the interval measured by the pod's
 * uptime, processes that start, end or reuse a PID between the readings, %MEM against limits or the node.
 */
class TopSampleTest {
    private static final String APP = "a".repeat(64);
    private static final String SIDE = "b".repeat(64);
    private static final Pod POD = new PodBuilder().withNewMetadata().withName("web").endMetadata()
            .withNewSpec().withShareProcessNamespace(true)
            .addToContainers(new ContainerBuilder().withName("app").withNewResources()
                    .withLimits(Map.of("cpu", new Quantity("500m"), "memory", new Quantity("64Mi"))).endResources().build())
            .addToContainers(new ContainerBuilder().withName("side").build())
            .endSpec().withNewStatus()
            .addToContainerStatuses(new ContainerStatusBuilder().withName("app").withContainerID("containerd://" + APP).build())
            .addToContainerStatuses(new ContainerStatusBuilder().withName("side").withContainerID("containerd://" + SIDE).build())
            .endStatus().build();

    /** A stat line: comm, state R, utime and stime in ticks, threads, start time in ticks after boot. */
    private static String stat(int pid, String comm, long utime, long stime, int threads, long start) {
        return pid + " (" + comm + ") R 1 " + pid + " " + pid + " 0 -1 4194560 100 0 0 0 " + utime + " " + stime
                + " 0 0 20 0 " + threads + " 0 " + start + " 2322432 380 18446744073709551615 0 0 0 0\n";
    }

    private static String cgroup(String id) {
        return "12:cpu,cpuacct:/kubepods/burstable/pod1/" + id + "\n";
    }

    private static TopSample sample(ProcOutput out, TopSample.Sort sort) {
        byte[] raw = out.bytes();
        ProcSnapshot second = ProcParser.parse(raw);
        return TopSample.of(FirstReading.parse(raw), second, Attribution.attribute(second, POD, "side"), POD, sort);
    }

    /** First reading at uptime 999.00 (1000 after boot is the second, from ProcOutput.booted()). */
    private static ProcOutput twoReadings() {
        return new ProcOutput().record("./uptime", "999.00 1.00\n")
                .record("./10/stat", stat(10, "busy loop", 1000, 100, 1, 500))
                .record("./11/stat", stat(11, "a) (b\nc", 50, 0, 4, 600))
                .record("./12/stat", stat(12, "gone", 9, 9, 1, 700))
                .record("./13/stat", stat(13, "old", 5000, 0, 1, 100))
                .record("./14/stat", stat(14, "odd", 70, 0, 1, 800))
                .record("meminfo", "MemTotal:       2097152 kB\n")
                .record("uptime", "1000.00 1.50\n").record("stat", "cpu 1\nbtime " + ProcOutput.BTIME + "\n")
                .process(10, stat(10, "busy loop", 1080, 100, 1, 500), cgroup(APP), "sh", "-c", "while :; do :; done")
                .process(11, stat(11, "a) (b\nc", 60, 0, 4, 600), cgroup(APP))
                .process(13, stat(13, "new", 30, 0, 1, 99_950), cgroup(SIDE), "new")
                .process(14, stat(14, "odd", 60, 0, 1, 800), cgroup(SIDE), "odd");
    }

    @Test
    void cpu_ticksOverTheUptimeBetweenReadings_newAndReusedPidsCountAllTicks_goneLeftOut() {
        TopSample s = sample(twoReadings(), TopSample.Sort.CPU);

        assertThat(s.intervalSeconds()).isEqualTo(1.0);
        assertThat(s.processes()).extracting(TopRow::pid, TopRow::cpuPercent).containsExactly(
                org.assertj.core.groups.Tuple.tuple(10, 80.0), org.assertj.core.groups.Tuple.tuple(13, 30.0),
                org.assertj.core.groups.Tuple.tuple(11, 10.0), org.assertj.core.groups.Tuple.tuple(14, 0.0));
        assertThat(s.processes().get(2).command()).isEqualTo("[a) (b\\nc]");
        assertThat(s.processes().get(2).threads()).isEqualTo(4);
    }

    @Test
    void mem_againstTheContainerLimit_elseTheNode_andContainerLines() {
        TopSample s = sample(twoReadings(), TopSample.Sort.PID);

        assertThat(s.processes()).extracting(TopRow::pid).containsExactly(10, 11, 13, 14);
        assertThat(s.processes().get(0).memPercent()).isEqualTo(1.6);   // 1024 KiB of 64 MiB
        assertThat(s.processes().get(2).memPercent()).isEqualTo(0.0);   // 1024 KiB of 2 GiB, rounded
        assertThat(s.nodeMemoryKiB()).isEqualTo(2_097_152L);
        assertThat(s.containers()).containsExactly(
                new ContainerUsage("app", 90.0, 0.5, 2048, 64L * 1024 * 1024),
                new ContainerUsage("side", 30.0, null, 2048, null));
    }

    @Test
    void withoutTheFirstReading_noCpuIsInvented() {
        ProcOutput out = ProcOutput.booted().process(10, stat(10, "x", 500, 0, 1, 500), cgroup(APP), "x");

        TopSample s = sample(out, TopSample.Sort.TIME);

        assertThat(s.processes()).singleElement().extracting(TopRow::cpuPercent).isEqualTo(0.0);
        assertThat(s.intervalSeconds()).isZero();
    }

    @Test
    void firstReading_recorded_fromThisKernel() {
        FirstReading first = FirstReading.parse(Fixtures.bytes("top-first.bin"));

        assertThat(first.uptimeSeconds()).isEqualTo(1358.11);
        assertThat(first.memTotalKiB()).isEqualTo(24_683_784L);
        assertThat(first.ticks()).containsEntry(13712, new FirstReading.Ticks(27033, 0));
    }

    @Test
    void argv_sendsOnlyADecimalInterval() {
        assertThat(TopScript.argv("0.5")).containsExactly("sh", "-c", TopScript.SCRIPT, "sharepid-top", "0.5");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TopScript.argv("1; reboot"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(TopScript.SCRIPT.split("\n"))).last().asString().startsWith("exec grep -Hz ''");
    }
}
