package io.github.sharepid.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessInfoTest {

    @Test
    void command_joinsArgumentsBySpaces_keepingEmptyOnes() {
        assertThat(process("S", "sh", "sh", "-c", "", "x").command()).isEqualTo("sh -c  x");
    }

    @Test
    void command_escapesControlCharacters() {
        assertThat(process("S", "sh", "sh", "-c", "a\nb\tc\u001b[31m\u202e").command())
                .isEqualTo("sh -c a\\nb\\tc\\x1b[31m\\u202e");
    }

    @Test
    void command_withoutArguments_isCommInBrackets() {
        assertThat(process("S", "kworker/0:1").command()).isEqualTo("[kworker/0:1]");
    }

    @Test
    void command_withOnlyEmptyArguments_isCommInBrackets() {
        assertThat(process("S", "worker", "", "").command()).isEqualTo("[worker]");
    }

    @Test
    void command_ofZombie_isMarkedDefunct() {
        assertThat(process("Z", "sleep").command()).isEqualTo("[sleep] <defunct>");
    }

    @Test
    void command_escapesHostileCommToo() {
        assertThat(process("S", "a) (b\nc").command()).isEqualTo("[a) (b\\nc]");
    }

    private static ProcessInfo process(String state, String comm, String... args) {
        return new ProcessInfo(5, 1, "app", 0, "root", state, state, 0, 0, Instant.EPOCH, 0, comm,
                List.of(args), 0);
    }
}
