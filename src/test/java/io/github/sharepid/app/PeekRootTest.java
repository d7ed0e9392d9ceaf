package io.github.sharepid.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sharepid.proc.DirListing;
import io.github.sharepid.proc.PeekScript;
import java.io.ByteArrayOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** peek-root: a file's bytes to stdout or into --to, a directory listed, and what a refusal says. */
class PeekRootTest {
    private static final String COPY = "web-1-sharepid-abcde";
    private final FakeToolPorts ports = new FakeToolPorts(SamplePods.copy());
    private final FakeExec exec = ports.exec;
    private final List<String> said = new ArrayList<>();
    private final PeekRoot peek = new PeekRoot(ports.table(), exec, said::add);
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    @TempDir
    Path home;

    @Test
    void file_streamsItsBytesToStdout() {
        exec.answer(bytes("F/etc/nginx/nginx.conf\0worker_processes 1;\n"));

        PeekRoot.Result result = peek.read(PeekRoot.Request.of(ToolPod.of(COPY, null), 8, null, "/etc/nginx/nginx.conf", null), stdout);

        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("worker_processes 1;\n");
        assertThat(result.listing()).isNull();
        assertThat(exec.calls).singleElement().extracting(FakeExec.Call::argv)
                .isEqualTo(PeekScript.argv(8, "/etc/nginx/nginx.conf", false));
    }

    @Test
    void container_oneExec_listsThenReadsTheRootOfItsMainProcess_sentAsOneLine() {
        exec.answerChoosing(PsReply.nginxCopy().bytes(), line -> bytes("F/etc/hostname\0web-1\n"));

        PeekRoot.Result result = peek.read(PeekRoot.Request.of(ToolPod.of(COPY, null), null, "nginx", "/etc/hostname",
                null), stdout);

        assertThat(exec.calls).singleElement().extracting(FakeExec.Call::argv)
                .isEqualTo(PeekScript.chooseArgv("/etc/hostname", false));
        assertThat(exec.lines).containsExactly("8");
        assertThat(stdout.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("web-1\n");
        assertThat(result.resolvedPath()).isEqualTo("/etc/hostname");
    }

    @Test
    void container_withoutAProcess_isOneFailure_theScriptReadsNothing() {
        exec.answerChoosing(new PsReply().process(1, 0, SamplePods.SANDBOX_ID, "pause", "/pause").bytes(),
                line -> new byte[0]);

        assertThatThrownBy(() -> peek.read(PeekRoot.Request.of(ToolPod.of(COPY, null), null, "nginx", "/etc/hostname",
                null), stdout)).hasMessage("container nginx of pod " + COPY + " has no running process");
        assertThat(exec.lines).containsExactly("");
        assertThat(stdout.size()).isZero();
    }

    @Test
    void container_aFileThatIsNotThere_failsAsWithAPid() {
        exec.answer(FakeExec.choosing(PsReply.nginxCopy().bytes(), line -> bytes(""),
                "cat: can't open '/proc/8/root/x': No such file or directory\n", 1));

        assertThatThrownBy(() -> peek.read(PeekRoot.Request.of(ToolPod.of(COPY, null), null, "nginx", "/x", null),
                stdout)).hasMessage("no such file or directory: /x (PID 8 in pod " + COPY + ")");
    }

    @Test
    void directory_comesBackAsItsListing() {
        exec.answer(bytes("D/etc/nginx\0conf.d\0nginx.conf\0\0" + "41ed 4096 0 0 1700000000 2\n81a4 12 0 0 1700000000 1\n"));

        PeekRoot.Result result = peek.read(PeekRoot.Request.of(ToolPod.of(COPY, null), 8, null, "/etc/nginx", null), stdout);

        assertThat(result.resolvedPath()).isEqualTo("/etc/nginx");
        assertThat(result.listing()).extracting(DirListing.Entry::name).containsExactly("conf.d", "nginx.conf");
        assertThat(stdout.size()).isZero();
    }

    @Test
    void fileTo_landsInTheDirectoryUnderItsOwnName() throws Exception {
        exec.answer(bytes("F/etc/nginx/nginx.conf\0worker_processes 1;\n"));

        peek.read(PeekRoot.Request.of(ToolPod.of(COPY, null), 8, null, "/etc/nginx/nginx.conf", home.toString()), stdout);

        assertThat(Files.readString(home.resolve("nginx.conf"))).isEqualTo("worker_processes 1;\n");
        assertThat(said).containsExactly("copied /etc/nginx/nginx.conf to " + home.resolve("nginx.conf"));
        assertThat(stdout.size()).isZero();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(value = {
        "sh: can't open '/proc/8/root/x': Permission denied | 1 | permission denied reading /x (PID 8 in pod " + COPY + ")",
        "sh: /proc/8/root/x: No such file or directory      | 1 | no such file or directory: /x (PID 8 in pod " + COPY + ")",
        "''                                                 | 3 | no process with PID 8 in pod " + COPY,
    }, delimiter = '|')
    void failure_saysWhatWentWrong_andLeavesNothingBehind(String stderr, int code, String message) {
        exec.answer(new byte[0], stderr, code == 3 ? PeekScript.NO_SUCH_PROCESS : code);

        assertThatThrownBy(() -> peek.read(PeekRoot.Request.of(ToolPod.of(COPY, null), 8, null, "/x", home.toString()), stdout))
                .hasMessageStartingWith(message);
        assertThat(home).isEmptyDirectory();
    }

    /** The copy had started (a partial file): the failure removes it, so --to never leaves half a file. */
    @Test
    void failureAfterPartOfAFile_removesThePartialFile() {
        exec.answer(bytes("F/etc/nginx/nginx.conf\0worker_proc"), "sh: read error: I/O error", 1);

        assertThatThrownBy(() -> peek.read(PeekRoot.Request.of(ToolPod.of(COPY, null), 8, null, "/etc/nginx/nginx.conf",
                home.toString()), stdout)).isNotNull();
        assertThat(home).isEmptyDirectory();
    }

    /** A tree half extracted (files already on disk) when the exec fails: the whole tree is removed. */
    @Test
    void failureAfterPartOfATree_removesWhatWasExtracted() throws Exception {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(tar)) {
            TarArchiveEntry dir = new TarArchiveEntry("nginx/");
            t.putArchiveEntry(dir);
            t.closeArchiveEntry();
            byte[] conf = bytes("worker_processes 1;\n");
            TarArchiveEntry file = new TarArchiveEntry("nginx/nginx.conf");
            file.setSize(conf.length);
            t.putArchiveEntry(file);
            t.write(conf);
            t.closeArchiveEntry();
        }
        byte[] header = bytes("T/etc/nginx\0");
        byte[] partial = new byte[header.length + 1536]; // the two entries, without the end-of-archive blocks
        System.arraycopy(header, 0, partial, 0, header.length);
        System.arraycopy(tar.toByteArray(), 0, partial, header.length, 1536);
        exec.answer(partial, "tar: write error", 1);

        assertThatThrownBy(() -> peek.read(PeekRoot.Request.of(ToolPod.of(COPY, null), 8, null, "/etc/nginx",
                home.toString()), stdout)).isNotNull();
        assertThat(home).isEmptyDirectory();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
