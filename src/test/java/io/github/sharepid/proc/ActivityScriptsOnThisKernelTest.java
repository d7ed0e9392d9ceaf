package io.github.sharepid.proc;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.io.FileInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact texts of FdScript and TopScript run with a local busybox against this machine's /proc (see
 * ScriptsOnThisKernelTest), with this JVM as the process under test: its listening socket, a deleted file it
 * holds open, its CPU ticks between two readings.
 */
class ActivityScriptsOnThisKernelTest {
    private static final Pod POD = new PodBuilder().withNewMetadata().withName("here").endMetadata().build();
    private static final int SELF = (int) ProcessHandle.current().pid();

    private final Path bin = Path.of("target", "busybox-bin");

    @BeforeEach
    void busyboxApplets() throws Exception {
        ScriptsOnThisKernelTest.linkApplets(bin, List.of("sh", "grep", "tr", "stat", "sleep"));
    }

    @Test
    void fdScript_findsThisJvmsListenerAndItsDeletedFile(@TempDir Path dir) throws Exception {
        Path held = Files.write(dir.resolve("held.log"), new byte[4321]);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             FileInputStream open = new FileInputStream(held.toFile())) {
            Files.delete(held);
            byte[] out = run(FdScript.argv());

            List<ProcessInfo> processes = Attribution.attribute(ProcParser.parse(out), POD, "here");
            FdReading reading = FdReading.parse(out);
            assertThat(PortRows.join(processes, reading, false).rows()).anySatisfy(r -> {
                assertThat(r.socket().localPort()).isEqualTo(listener.getLocalPort());
                assertThat(r.pid()).isEqualTo(SELF);
            });
            assertThat(reading.fds().open().get(SELF)).anySatisfy(fd -> {
                assertThat(fd.deleted()).isTrue();
                assertThat(fd.size()).isEqualTo(4321);
                assertThat(fd.path()).isEqualTo(held.toString());
            });
        }
    }

    @Test
    void topScript_measuresTheIntervalInTheReadingsAndKeepsThisJvm() throws Exception {
        byte[] out = run(TopScript.argv("0.3"));

        ProcSnapshot second = ProcParser.parse(out);
        FirstReading first = FirstReading.parse(out);
        TopSample sample = TopSample.of(first, second, Attribution.attribute(second, POD, "here"), POD,
                TopSample.Sort.PID);

        assertThat(first.ticks()).containsKey(SELF);
        assertThat(first.memTotalKiB()).isPositive();
        assertThat(sample.intervalSeconds()).isBetween(0.3, 10.0);
        assertThat(sample.processes()).anySatisfy(p -> {
            assertThat(p.pid()).isEqualTo(SELF);
            assertThat(p.cpuPercent()).isGreaterThanOrEqualTo(0.0);
            assertThat(p.threads()).isGreaterThan(1);
        });
    }

    private byte[] run(List<String> argv) throws Exception {
        List<String> command = new ArrayList<>(argv);
        command.set(0, bin.resolve("sh").toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PATH", bin.toAbsolutePath().toString());
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(PsScript.completed(process.exitValue(), out)).isTrue();
        return out;
    }
}
