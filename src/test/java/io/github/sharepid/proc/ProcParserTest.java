package io.github.sharepid.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sharepid.failure.SharepidException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcParserTest {

    @Test
    void parse_docsPodCapture_readsSelfUptimeBootTimeAndEveryProcess() {
        ProcSnapshot snapshot = ProcParser.parse(Fixtures.bytes("docs-pod.bin"));

        assertThat(snapshot.selfPid()).isEqualTo(29);
        assertThat(snapshot.uptimeSeconds()).isEqualTo(1757.17);
        assertThat(snapshot.bootTime()).isEqualTo(Instant.ofEpochSecond(1_795_355_980L));
        assertThat(snapshot.processes()).containsOnlyKeys(1, 8, 14, 15, 16, 29);
        assertThat(snapshot.passwd()).containsOnlyKeys(14, 16);
        assertThat(snapshot.passwd().get(14)).contains("nginx:x:101:101:nginx user:/nonexistent:/bin/false\n");
    }

    @Test
    void parse_docsPodCapture_readsUidAndRssFromTheStatusLines() {
        RawProcess worker = ProcParser.parse(Fixtures.bytes("docs-pod.bin")).processes().get(14);

        assertThat(worker.uid()).hasValue(101);
        assertThat(worker.rssKiB()).isEqualTo(2992);
        assertThat(worker.args()).containsExactly("nginx: worker process");
        assertThat(worker.stat().ppid()).isEqualTo(8);
    }

    @Test
    void parse_odditiesCapture_keepsHostileCommAndArgumentsWithNewlinesAndEmptyOnes() {
        RawProcess odd = ProcParser.parse(Fixtures.bytes("oddities-pod.bin")).processes().get(14);

        assertThat(odd.stat().comm()).isEqualTo("a) (b\nc");
        assertThat(odd.args()).containsExactly("sh", "-c",
                "printf 'a) (b\\nc' > /proc/self/comm; while :; do sleep 3600; done", "we ird\nname", "");
        assertThat(odd.uid()).hasValue(1234);
    }

    @Test
    void parse_odditiesCapture_zombieHasStateZNoArgumentsAndNoRss() {
        RawProcess zombie = ProcParser.parse(Fixtures.bytes("oddities-pod.bin")).processes().get(13);

        assertThat(zombie.stat().state()).isEqualTo('Z');
        assertThat(zombie.args()).isEmpty();
        assertThat(zombie.rssKiB()).isZero();
        assertThat(zombie.uid()).hasValue(0);
    }

    @Test
    void parse_processThatVanishedBeforeItsStatWasRead_isLeftOut() {
        byte[] out = ProcOutput.booted()
                .process(5, 0, "sleep", "0::/", "sleep", "9")
                .record("6/status", "Uid:\t0\t0\t0\t0").record("6/cgroup", "0::/\n").record("6/cmdline", "sh")
                .bytes();

        assertThat(ProcParser.parse(out).processes()).containsOnlyKeys(5);
    }

    @Test
    void parse_streamCutInsideAStatRecord_dropsThatProcessOnly() {
        ProcOutput output = ProcOutput.booted()
                .process(5, 0, "sleep", "0::/", "sleep", "9")
                .process(6, 0, "sh", "0::/", "sh");

        ProcSnapshot snapshot = ProcParser.parse(output.truncated(30));

        assertThat(snapshot.processes()).containsOnlyKeys(5);
    }

    @Test
    void parse_statusAsOneWholeFileRecord_readsTheSameAsPerLineRecords() {
        byte[] out = ProcOutput.booted()
                .record("9/status", "Name:\tsh\nUmask:\t0022\nState:\tS (sleeping)\nUid:\t1000\t1001\t1000\t1000\n"
                        + "VmPeak:\t  2268 kB\nVmRSS:\t    1368 kB\nThreads:\t1\n")
                .record("9/stat", ProcOutput.statLine(9, "sh", 'S', 0, 9, 9, -1, 0, 1))
                .bytes();

        RawProcess sh = ProcParser.parse(out).processes().get(9);

        assertThat(sh.uid()).hasValue(1001);
        assertThat(sh.rssKiB()).isEqualTo(1368);
        assertThat(sh.args()).isEqualTo(List.of());
    }

    @Test
    void parse_statLineOfAnotherPid_isIgnored() {
        byte[] out = ProcOutput.booted()
                .record("9/stat", ProcOutput.statLine(10, "sh", 'S', 0, 10, 10, -1, 0, 1)).bytes();

        assertThat(ProcParser.parse(out).processes()).isEmpty();
    }

    @Test
    void parse_withoutUptime_failsSayingTheListingIsIncomplete() {
        byte[] out = new ProcOutput().record("stat", "btime 1\n").bytes();

        assertThatThrownBy(() -> ProcParser.parse(out))
                .isInstanceOf(SharepidException.class)
                .hasMessageContaining("incomplete process listing")
                .extracting(e -> ((SharepidException) e).exitCode()).isEqualTo(SharepidException.FAILURE);
    }
}
