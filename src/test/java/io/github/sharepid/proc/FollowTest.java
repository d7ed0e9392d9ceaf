package io.github.sharepid.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sharepid.failure.SharepidException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** peek-root --follow's pure parts: the argv, the --tail rule and the split of the script's stderr into notes. */
class FollowTest {
    @ParameterizedTest
    @ValueSource(strings = {"/var/log/x y", "/a;$(id)`b`", "/new\nline", "/-rf", "/'quoted\""})
    void argv_carriesHostilePathsAsOneLiteralElement(String path) {
        List<String> argv = FollowScript.argv(8, PeekScript.validatePath(path), 10);

        assertThat(argv).containsExactly("sh", "-c", FollowScript.SCRIPT, "sharepid-follow", "8", path, "10");
        assertThat(FollowScript.SCRIPT).doesNotContain(path);
    }

    @ParameterizedTest
    @CsvSource({"-1, all", "0, 0", "25, 25"})
    void argv_linesShownFirst(int lines, String word) {
        assertThat(FollowScript.argv(8, "/x", lines)).last().isEqualTo(word);
    }

    @Test
    void validateLines_refusesBelowMinusOne() {
        assertThat(FollowScript.validateLines(-1)).isEqualTo(-1);
        assertThatThrownBy(() -> FollowScript.validateLines(-2))
                .isInstanceOf(SharepidException.class)
                .hasMessageContaining("--tail must be -1")
                .extracting(e -> ((SharepidException) e).exitCode()).isEqualTo(SharepidException.USAGE);
    }

    @Test
    void script_sharesThePathResolutionOfPeekRoot() {
        assertThat(FollowScript.SCRIPT).contains(PeekScript.RESOLVE);
        assertThat(FollowScript.SCRIPT).contains("exit " + FollowScript.TARGET_EXITED + "; fi");
        assertThat(FollowScript.SCRIPT).contains("echo \"" + FollowScript.NOTE);
    }

    @Test
    void noteLines_handsOnNotesAsTheyCompleteAndKeepsTheRestForTheError() throws IOException {
        List<String> notes = new ArrayList<>();
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        NoteLines lines = new NoteLines(notes::add, rest);

        byte[] stderr = bytes("sharepid: note: /log was truncated; following it from its start\n"
                + "sharepid: nope\nhead: /proc/8/root/x: Permission denied\nsharepid: note: /log has been replaced\n"
                + "sharepid:");
        for (byte b : stderr) {
            lines.write(new byte[] {b}, 0, 1); // the smallest pieces possible
            if (b == '\n' && notes.size() == 1) {
                assertThat(notes).containsExactly("/log was truncated; following it from its start");
            }
        }
        lines.close();

        assertThat(notes).containsExactly("/log was truncated; following it from its start", "/log has been replaced");
        assertThat(rest.toString(StandardCharsets.UTF_8))
                .isEqualTo("sharepid: nope\nhead: /proc/8/root/x: Permission denied\nsharepid:");
    }

    @Test
    void noteLines_aLineLongerThanANoteMayBeIsPassedOn() throws IOException {
        List<String> notes = new ArrayList<>();
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        String huge = FollowScript.NOTE + "x".repeat(10_000) + "\n";

        try (NoteLines lines = new NoteLines(notes::add, rest)) {
            lines.write(bytes(huge));
        }

        assertThat(notes).isEmpty();
        assertThat(rest.toString(StandardCharsets.UTF_8)).isEqualTo(huge);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
