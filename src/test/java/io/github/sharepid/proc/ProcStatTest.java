package io.github.sharepid.proc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void parse_commWithSpacesParenthesesAndNewline_takesEverythingUpToTheLastParenthesis() {
        String line = ProcOutput.statLine(14, "a) (b\nc", 'S', 0, 14, 14, -1, 0, 1);

        ProcStat stat = ProcStat.parse(line).orElseThrow();

        assertThat(stat).isEqualTo(new ProcStat(14, "a) (b\nc", 'S', 0, 14, 14, -1, 250, 50, 0, 1, 10000));
    }

    @Test
    void parse_commThatLooksLikeStatFields_isNotConfusedByIt() {
        String line = ProcOutput.statLine(7, ") R 1 2 3 (", 'T', 3, 7, 3, -1, 0, 1);

        ProcStat stat = ProcStat.parse(line).orElseThrow();

        assertThat(stat.comm()).isEqualTo(") R 1 2 3 (");
        assertThat(stat.state()).isEqualTo('T');
        assertThat(stat.ppid()).isEqualTo(3);
    }

    @Test
    void parse_realZombieLine_readsStateZ() {
        String line = "13 (sleep) Z 7 7 7 0 -1 4227084 60 0 0 0 0 0 0 0 20 0 1 0 173077 0 0 18446744073709551615"
                + " 0 0 0 0 0 0 0 6 0 1 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0\n";

        assertThat(ProcStat.parse(line)).get().extracting(ProcStat::state, ProcStat::startTicks)
                .containsExactly('Z', 173077L);
    }

    @Test
    void parse_truncatedOrGarbage_isEmpty() {
        String line = ProcOutput.statLine(9, "sh", 'S', 0, 9, 9, -1, 0, 1);

        assertThat(ProcStat.parse(line.substring(0, 40))).isEmpty();
        assertThat(ProcStat.parse("9 (sh")).isEmpty();
        assertThat(ProcStat.parse("")).isEmpty();
        assertThat(ProcStat.parse(line.replace(" 10000 ", " x "))).isEmpty();
    }

    @Test
    void psStat_sessionLeaderInForegroundGroup_isSsPlus() {
        assertThat(stat(16, 16, 16, 16, 0, 1)).isEqualTo("Ss+");
    }

    @Test
    void psStat_negativeNiceAndThreads_isLessThanAndL() {
        assertThat(stat(20, 5, 5, -1, -5, 4)).isEqualTo("S<l");
    }

    @Test
    void psStat_positiveNiceSessionLeader_isNs() {
        assertThat(stat(30, 30, 30, -1, 10, 1)).isEqualTo("SNs");
    }

    @Test
    void psStat_plainChild_isStateOnly() {
        assertThat(stat(31, 30, 30, -1, 0, 1)).isEqualTo("S");
    }

    private static String stat(int pid, int pgrp, int session, int tpgid, int nice, int threads) {
        return ProcStat.parse(ProcOutput.statLine(pid, "x", 'S', 1, pgrp, session, tpgid, nice, threads))
                .orElseThrow().psStat();
    }
}
