package io.github.sharepid.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sharepid.failure.SharepidException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignalsTest {

    @ParameterizedTest(name = "{0} is {1} ({2})")
    @CsvSource({
        "HUP, 1, HUP", "SIGHUP, 1, HUP", "hup, 1, HUP", "SigTerm, 15, TERM", "INT, 2, INT", "QUIT, 3, QUIT",
        "ILL, 4, ILL", "TRAP, 5, TRAP", "ABRT, 6, ABRT", "IOT, 6, ABRT", "BUS, 7, BUS", "FPE, 8, FPE",
        "KILL, 9, KILL", "USR1, 10, USR1", "SEGV, 11, SEGV", "USR2, 12, USR2", "PIPE, 13, PIPE",
        "ALRM, 14, ALRM", "STKFLT, 16, STKFLT", "CHLD, 17, CHLD", "CLD, 17, CHLD", "CONT, 18, CONT",
        "STOP, 19, STOP", "TSTP, 20, TSTP", "TTIN, 21, TTIN", "TTOU, 22, TTOU", "URG, 23, URG",
        "XCPU, 24, XCPU", "XFSZ, 25, XFSZ", "VTALRM, 26, VTALRM", "PROF, 27, PROF", "WINCH, 28, WINCH",
        "IO, 29, IO", "POLL, 29, IO", "sigpoll, 29, IO", "PWR, 30, PWR", "SYS, 31, SYS"})
    void parse_linuxNamesAndAliases_inAnyCaseWithOrWithoutSig(String text, int number, String name) {
        assertThat(Signals.parse(text)).isEqualTo(new Signal(number, name));
    }

    @ParameterizedTest(name = "{0} is {1} ({2})")
    @CsvSource({"0, 0, 0", "9, 9, KILL", "15, 15, TERM", "32, 32, 32", "34, 34, RTMIN", "40, 40, RTMIN+6",
        "49, 49, RTMIN+15", "50, 50, RTMAX-14", "64, 64, RTMAX", "07, 7, BUS"})
    void parse_numbersFrom0To64_areNamedLikeKillL(String text, int number, String name) {
        assertThat(Signals.parse(text)).isEqualTo(new Signal(number, name));
    }

    @ParameterizedTest(name = "{0} is {1} ({2})")
    @CsvSource({"SIGRTMIN+3, 37, RTMIN+3", "rtmin, 34, RTMIN", "RTMIN+0, 34, RTMIN", "RTMAX-1, 63, RTMAX-1",
        "sigrtmax, 64, RTMAX", "RTMIN+30, 64, RTMAX", "RTMAX-30, 34, RTMIN"})
    void parse_realtimeNames_countFromGlibcsRtminOf34(String text, int number, String name) {
        assertThat(Signals.parse(text)).isEqualTo(new Signal(number, name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOO", "65", "-9", "", "SIG", " HUP", "RTMIN+31", "RTMAX-31", "RTMIN-1", "9x", "100"})
    void parse_anythingElse_isAUsageErrorListingTheValidNames(String text) {
        assertThatThrownBy(() -> Signals.parse(text))
                .isInstanceOf(SharepidException.class)
                .hasMessage("unknown signal \"" + text + "\"; valid: HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV"
                        + " USR2 PIPE ALRM TERM STKFLT CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH"
                        + " IO PWR SYS, RTMIN[+n], RTMAX[-n] or a number 0-64")
                .extracting(e -> ((SharepidException) e).exitCode()).isEqualTo(SharepidException.USAGE);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65})
    void of_outOfRange_isRejected(int number) {
        assertThatThrownBy(() -> Signals.of(number)).isInstanceOf(IllegalArgumentException.class);
    }
}
