package io.github.sharepid.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fd part of FdScript's output, recorded (fds-local.bin, see the README there) and hand-made. */
class FdParserTest {
    private static FdTable parse(byte[] bytes) {
        return FdParser.parse(Records.split(bytes));
    }

    private static byte[] text(String records) {
        return records.replace('@', '\0').getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recorded_everyTypeSizeAndDeletedFlag() {
        List<OpenFd> fds = parse(Fixtures.bytes("fds-local.bin")).open().get(24220);

        assertThat(fds).extracting(OpenFd::fd).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 251);
        assertThat(fds.get(0)).isEqualTo(new OpenFd(24220, 0, "device", "/dev/null", false, -1, 3));
        assertThat(fds.get(3)).isEqualTo(new OpenFd(24220, 3, "socket", "socket:[48595]", false, -1, 48595));
        assertThat(fds.get(4)).isEqualTo(new OpenFd(24220, 4, "file", "/tmp/app/held.log (deleted)", true, 123456,
                2146618));
        assertThat(fds.get(4).path()).isEqualTo("/tmp/app/held.log");
        assertThat(fds.get(5)).extracting(OpenFd::type, OpenFd::target, OpenFd::deleted, OpenFd::size)
                .containsExactly("file", "/tmp/app/a\nb", false, 1L);
        assertThat(fds.get(5).path()).isEqualTo("/tmp/app/a\\nb");
        assertThat(fds.get(6).type()).isEqualTo("pipe");
        assertThat(fds.get(8)).extracting(OpenFd::type, OpenFd::target, OpenFd::size).containsExactly("dir", "/tmp/app", -1L);
    }

    @Test
    void targetsWithQuotesAndArrows_runToTheNextEntry() {
        FdTable table = parse(text("fds:7/fd/3|81a4|5|99|1\n7/fd/4|81a4|6|98|1\n@"
                + "links:7/fd/3|'7/fd/3' -> '/x/it's -> 'odd' (1)'\n7/fd/4|'7/fd/4' -> '/y'\n@"));

        assertThat(table.open().get(7)).extracting(OpenFd::target).containsExactly("/x/it's -> 'odd' (1)", "/y");
    }

    /** Root without SYS_PTRACE: the directory lists, but every link fails (the messages busybox prints). */
    @Test
    void fdsThatCannotBeFollowed_markTheProcessDenied() {
        FdTable table = parse(text("fds:stat: can't stat '13236/fd/0': Permission denied\n"
                + "8/fd/6|c1ff|0|4294967299|1\n@links:13236/fd/0|\n8/fd/6|'8/fd/6' -> 'socket:[4294967299]'\n@"));

        assertThat(table.denied()).containsExactly(java.util.Map.entry(13236, "Permission denied"));
        assertThat(table.open()).containsOnlyKeys(8);
        assertThat(table.open().get(8).get(0).inode()).isEqualTo(4_294_967_299L);
    }

    /** Not root: the fd directory itself cannot be listed; the glob stays literal and stat says so. */
    @Test
    void unlistableFdDirectory_isDenied_andAVanishedFdIsNot() {
        FdTable table = parse(text("nofd:9@fds:stat: can't stat '9/fd/*': Permission denied\n"
                + "stat: can't stat '12/fd/5': No such file or directory\n@links:@"));

        assertThat(table.denied()).containsOnlyKeys(9);
        assertThat(table.open()).isEmpty();
    }

    @Test
    void aLinkThatCouldNotBeRead_leavesTheTargetEmpty_typeFromTheMode() {
        FdTable table = parse(text("fds:5/fd/1|1180|0|77|1\n5/fd/2|0|0|78|1\n@links:5/fd/1|\n5/fd/2|\n@"));

        assertThat(table.open().get(5)).extracting(OpenFd::type, OpenFd::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pipe", ""),
                        org.assertj.core.groups.Tuple.tuple("anon_inode", ""));
    }
}
