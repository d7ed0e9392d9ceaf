package io.github.sharepid.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalScriptTest {

    @Test
    void argv_carriesSignalDryRunAndTargetsOnlyAsPositionalArguments() {
        List<String> argv = SignalScript.argv(Signals.parse("HUP"), false,
                List.of(new GuardedPid(8, 175033), GuardedPid.pid(14)));

        assertThat(argv).containsExactly("sh", "-c", SignalScript.SCRIPT, "sh", "1", "0", "8:175033", "14");
    }

    @Test
    void argv_dryRun_isFlagOne() {
        assertThat(SignalScript.argv(Signals.parse("0"), true, List.of(GuardedPid.pid(3))))
                .containsExactly("sh", "-c", SignalScript.SCRIPT, "sh", "0", "1", "3");
    }

    @Test
    void argv_samePidTwice_isSignalledOnceWithTheFirstTarget() {
        assertThat(SignalScript.argv(Signals.parse("TERM"), false,
                List.of(new GuardedPid(8, 5), GuardedPid.pid(8), GuardedPid.pid(9))))
                .endsWith("15", "0", "8:5", "9");
    }

    @Test
    void target_fromAListedProcess_isGuardedByItsStartTicks() {
        ProcessInfo listed = new ProcessInfo(8, 0, "nginx", 0, "root", "S", "Ss", 0, 0, Instant.EPOCH, 0,
                "nginx", List.of(), 175033);

        assertThat(GuardedPid.of(listed).toArgument()).isEqualTo("8:175033");
    }

    @Test
    void target_pidBelowOne_isRejected() {
        assertThatThrownBy(() -> GuardedPid.pid(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GuardedPid.pid(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chooseArgv_carriesOnlyTheSignalAndTheDryRunFlag_theTargetsComeAsOneLineOfStdin() {
        assertThat(SignalScript.chooseArgv(Signals.parse("HUP"), true))
                .containsExactly("sh", "-c", SignalScript.CHOOSE_SCRIPT, "sh", "1", "1");
        assertThat(new String(SignalScript.targetsLine(List.of(new GuardedPid(8, 5), GuardedPid.pid(8),
                GuardedPid.pid(9))), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("8:5 9\n");
    }

    @Test
    void chooseScript_isThePsListingThenTheSignalScriptOnTheLine_withNoGlobbingOfIt() {
        String choose = SignalScript.CHOOSE_SCRIPT;
        String listing = PsScript.SCRIPT.replace("exec grep -Hz ''", "grep -Hz ''");
        String body = SignalScript.SCRIPT.substring(SignalScript.SCRIPT.indexOf("shift 2\n") + "shift 2\n".length());

        assertThat(choose).contains(listing).endsWith(body).doesNotContain("exec grep")
                .contains("IFS= read -r line || line=\nset -f\nset -- $line\n");
        assertThat(choose.indexOf("set -f")).isGreaterThan(choose.indexOf(listing) + listing.length());
    }

    @Test
    void script_usesTheKillBuiltinWithANumericSignal() {
        assertThat(SignalScript.SCRIPT).contains("kill -s \"$sig\" \"$pid\"").doesNotContain("kill -9");
    }
}
