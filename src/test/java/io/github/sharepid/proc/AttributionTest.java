package io.github.sharepid.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributionTest {
    static final String APP = "0cfd969cbe1a665270aefb2ae11ee1fa647a44f041f86c7d2621d5d83dbcbea9";
    static final String SHELL = "bd98f1e8c82b7935b011c6179ab7d26bae8d286825a08490df51b425f6b0c2ed";
    static final String PAUSE = "2ed60ee747664c34a531ea8ac741ec73ab992146d077c1f8a66c56c0838413c2";
    static final String OTHER = "9da47fe6c6f09b3b1c163a64b79c36599d30615c508ea71a50a0c0e49015da7d";
    static final String POD_PATH = "/kubepods/besteffort/pod5b3f7f1e-9c4f-4149-9718-5cfff27105d8/";

    @Test
    void attribute_docsPodCapture_ownsPauseNginxAndShellAndNamesUsersFromEachContainer() {
        List<ProcessInfo> rows = Attribution.attribute(ProcParser.parse(Fixtures.bytes("docs-pod.bin")),
                Fixtures.pod("docs-pod.json"), "shell");

        assertThat(rows).extracting(ProcessInfo::pid, ProcessInfo::container, ProcessInfo::user,
                ProcessInfo::stat, ProcessInfo::command).containsExactly(
                tuple(1, "(sandbox)", "65535", "Ss", "/pause"),
                tuple(8, "nginx", "root", "Ss", "nginx: master process nginx -g daemon off;"),
                tuple(14, "nginx", "nginx", "S", "nginx: worker process"),
                tuple(15, "nginx", "nginx", "S", "nginx: worker process"),
                tuple(16, "shell", "root", "Ss+", "sh"));
    }

    @Test
    void attribute_odditiesCapture_showsTheZombieInItsContainerAndEscapesTheHostileCommand() {
        List<ProcessInfo> rows = Attribution.attribute(ProcParser.parse(Fixtures.bytes("oddities-pod.bin")),
                Fixtures.pod("oddities-pod.json"), "shell");

        assertThat(rows).extracting(ProcessInfo::pid, ProcessInfo::ppid, ProcessInfo::container,
                ProcessInfo::user, ProcessInfo::stat, ProcessInfo::command).containsExactly(
                tuple(1, 0, "(sandbox)", "65535", "Ss", "/pause"),
                tuple(7, 0, "app", "root", "Ss", "sleep 3600"),
                tuple(13, 7, "app", "root", "Z", "[sleep] <defunct>"),
                tuple(14, 0, "odd", "1234", "Ss",
                        "sh -c printf 'a) (b\\nc' > /proc/self/comm; while :; do sleep 3600; done we ird\\nname "),
                tuple(20, 14, "odd", "1234", "S", "sleep 3600"),
                tuple(21, 0, "shell", "root", "Ss", "sleep 3600"));
    }

    @Test
    void attribute_computesTimesFromTicksBootTimeAndUptime() {
        byte[] out = ProcOutput.booted().process(5, 0, "sleep", "0::" + POD_PATH + APP + "\n", "sleep").bytes();

        ProcessInfo row = Attribution.attribute(ProcParser.parse(out), pod(), "shell").get(0);

        assertThat(row.cpuSeconds()).isEqualTo(3.0);
        assertThat(row.start()).isEqualTo(Instant.ofEpochSecond(ProcOutput.BTIME + 100));
        assertThat(row.elapsedSeconds()).isEqualTo(900);
        assertThat(row.rssKiB()).isEqualTo(1024);
        assertThat(row.startTicks()).isEqualTo(10000);
    }

    @Test
    void attribute_cgroupV1Cgroupfs_matchesTheIdAtTheEndOfEveryLine() {
        assertThat(ownerOf("12:pids:" + POD_PATH + APP + "\n11:memory:" + POD_PATH + APP + "\n1:cpu:/\n"))
                .isEqualTo("app");
    }

    @Test
    void attribute_systemdScopes_matchContainerdCrioAndDockerIds() {
        String slice = "0::/kubepods.slice/kubepods-besteffort.slice/"
                + "kubepods-besteffort-pod5b3f7f1e_9c4f_4149_9718_5cfff27105d8.slice/";

        assertThat(ownerOf(slice + "cri-containerd-" + APP + ".scope\n")).isEqualTo("app");
        assertThat(ownerOf(slice + "crio-" + APP + ".scope\n")).isEqualTo("app");
        assertThat(ownerOf("1:name=systemd:/system.slice/docker-" + APP + ".scope\n")).isEqualTo("app");
    }

    @Test
    void attribute_cgroupV2PrivateNamespace_rootIsTheExecContainerAndDotDotPathsAreOthers() {
        byte[] out = ProcOutput.booted()
                .process(1, 0, "pause", "0::/../" + PAUSE + "\n", "/pause")
                .process(7, 0, "sleep", "0::/../" + APP + "\n", "sleep", "1d")
                .process(9, 0, "sh", "0::/\n", "sh")
                .bytes();

        assertThat(Attribution.attribute(ProcParser.parse(out), pod(), "shell"))
                .extracting(ProcessInfo::pid, ProcessInfo::container)
                .containsExactly(tuple(1, "(sandbox)"), tuple(7, "app"), tuple(9, "shell"));
    }

    @Test
    void attribute_idOfNoContainerAndNotTheSandbox_isUnknown() {
        byte[] out = ProcOutput.booted()
                .process(1, 0, "pause", "0::" + POD_PATH + PAUSE + "\n", "/pause")
                .process(40, 0, "new", "0::" + POD_PATH + OTHER + "\n", "new")
                .process(41, 0, "pauseish", "0::" + POD_PATH + PAUSE + "\n", "x")
                .process(42, 0, "lost", "", "lost")
                .bytes();

        assertThat(Attribution.attribute(ProcParser.parse(out), pod(), "shell"))
                .extracting(ProcessInfo::pid, ProcessInfo::container)
                .containsExactly(tuple(1, "(sandbox)"), tuple(40, "?"), tuple(41, "(sandbox)"), tuple(42, "?"));
    }

    @Test
    void attribute_withoutPid1InTheListing_anUnmatchedIdIsTheSandbox() {
        assertThat(ownerOf("0::" + POD_PATH + OTHER + "\n")).isEqualTo("(sandbox)");
    }

    @Test
    void attribute_zombieWithReleasedCgroups_takesItsParentsContainer() {
        String zombieStat = ProcOutput.statLine(13, "sleep", 'Z', 7, 7, 7, -1, 0, 1);
        String orphanStat = ProcOutput.statLine(14, "sleep", 'Z', 99, 7, 7, -1, 0, 1);
        byte[] out = ProcOutput.booted()
                .process(7, 0, "sleep", "4:memory:" + POD_PATH + APP + "\n", "sleep", "1d")
                .process(13, zombieStat, "4:memory:/\n1:cpu:/\n")
                .process(14, orphanStat, "4:memory:/\n")
                .bytes();

        assertThat(Attribution.attribute(ProcParser.parse(out), pod(), "shell"))
                .extracting(ProcessInfo::pid, ProcessInfo::container, ProcessInfo::command)
                .containsExactly(tuple(7, "app", "sleep 1d"), tuple(13, "app", "[sleep] <defunct>"),
                        tuple(14, "?", "[sleep] <defunct>"));
    }

    @Test
    void attribute_leavesOutTheCollectorItself() {
        byte[] out = ProcOutput.booted().record("self", "9")
                .process(8, 0, "sleep", "0::/\n", "sleep")
                .process(9, 0, "grep", "0::/\n", "grep", "-Hz", "")
                .bytes();

        assertThat(Attribution.attribute(ProcParser.parse(out), pod(), "shell"))
                .extracting(ProcessInfo::pid).containsExactly(8);
    }

    @Test
    void attribute_initEphemeralAndPreviousInstanceIds_nameTheirContainers() {
        Pod pod = new PodBuilder(pod()).editStatus()
                .addNewInitContainerStatus().withName("init").withContainerID("containerd://" + "1".repeat(64))
                .endInitContainerStatus()
                .addNewEphemeralContainerStatus().withName("debugger").withContainerID("cri-o://" + "2".repeat(64))
                .endEphemeralContainerStatus()
                .editFirstContainerStatus().withNewLastState().withNewTerminated()
                .withContainerID("docker://" + "3".repeat(64)).endTerminated().endLastState().endContainerStatus()
                .endStatus().build();

        assertThat(ownerOf(pod, "0::" + POD_PATH + "1".repeat(64) + "\n")).isEqualTo("init");
        assertThat(ownerOf(pod, "0::" + POD_PATH + "2".repeat(64) + "\n")).isEqualTo("debugger");
        assertThat(ownerOf(pod, "0::" + POD_PATH + "3".repeat(64) + "\n")).isEqualTo("app");
    }

    @Test
    void attribute_userNamesComeOnlyFromTheOwningContainersPasswd() {
        byte[] out = ProcOutput.booted().uid(101)
                .process(7, 0, "sleep", "0::" + POD_PATH + APP + "\n", "sleep")
                .process(9, 0, "sh", "0::" + POD_PATH + SHELL + "\n", "sh")
                .record("9/root/etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnginx:x:101:101::/:/bin/false\n")
                .bytes();

        assertThat(Attribution.attribute(ProcParser.parse(out), pod(), "shell"))
                .extracting(ProcessInfo::pid, ProcessInfo::uid, ProcessInfo::user)
                .containsExactly(tuple(7, 101L, "101"), tuple(9, 101L, "nginx"));
    }

    @Test
    void attribute_processWithoutStatus_hasUnknownUser() {
        byte[] out = ProcOutput.booted()
                .record("5/stat", ProcOutput.statLine(5, "sleep", 'S', 0, 5, 5, -1, 0, 1)).bytes();

        assertThat(Attribution.attribute(ProcParser.parse(out), pod(), "shell"))
                .extracting(ProcessInfo::uid, ProcessInfo::user, ProcessInfo::rssKiB, ProcessInfo::container)
                .containsExactly(tuple(-1L, "?", 0L, "?"));
    }

    private static String ownerOf(String cgroup) {
        return ownerOf(pod(), cgroup);
    }

    private static String ownerOf(Pod pod, String cgroup) {
        byte[] out = ProcOutput.booted().process(5, 0, "x", cgroup, "x").bytes();
        return Attribution.attribute(ProcParser.parse(out), pod, "shell").get(0).container();
    }

    /** Containers {@code app} and {@code shell}, running. */
    static Pod pod() {
        return new PodBuilder()
                .withNewMetadata().withName("web").withNamespace("default").endMetadata()
                .withNewSpec()
                .addNewContainer().withName("app").withImage("busybox").endContainer()
                .addNewContainer().withName("shell").withImage("busybox").endContainer()
                .withShareProcessNamespace(true)
                .endSpec()
                .withNewStatus()
                .addNewContainerStatus().withName("app").withContainerID("containerd://" + APP).endContainerStatus()
                .addNewContainerStatus().withName("shell").withContainerID("containerd://" + SHELL)
                .endContainerStatus()
                .endStatus().build();
    }
}
