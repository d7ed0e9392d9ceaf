package io.github.sharepid.kube.fabric8.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sharepid.failure.SharepidException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** client-go's rule for a kubeconfig {@code tokenFile}: trimmed, cached for 50 s, the last good token kept. */
class TokenFileTest {
    @TempDir
    Path dir;
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void token_isTheFilesContentWithoutSurroundingWhiteSpace() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "  abc.def \n");

        assertThat(open(file, null).getToken()).isEqualTo("abc.def");
    }

    @Test
    void changedFile_isReadAgainOnlyOnceTheTokenIs50SecondsOld() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "first");
        TokenFile token = open(file, null);
        Files.writeString(file, "second");

        advance(TokenFile.REREAD_AFTER.minusMillis(1));
        assertThat(token.getToken()).isEqualTo("first");
        advance(Duration.ofMillis(1));
        assertThat(token.getToken()).isEqualTo("second");
    }

    @Test
    void fileThatCannotBeReadAgain_keepsTheLastToken() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "first");
        TokenFile token = open(file, null);

        Files.delete(file);
        advance(Duration.ofMinutes(2));
        assertThat(token.getToken()).isEqualTo("first");
        Files.writeString(file, " \n");
        advance(Duration.ofMinutes(2));
        assertThat(token.getToken()).isEqualTo("first");
        Files.writeString(file, "third");
        assertThat(token.getToken()).as("a failed re-read does not restart the 50 s").isEqualTo("third");
    }

    @Test
    void unreadableFileWithoutInlineToken_failsNamingFileAndUser() {
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> open(missing, null))
                .isInstanceOf(SharepidException.class)
                .hasMessage("cannot read the token file " + missing + " of user \"ci\" in the kubeconfig: no such file")
                .extracting(e -> ((SharepidException) e).exitCode()).isEqualTo(SharepidException.FAILURE);
    }

    @Test
    void emptyFileWithoutInlineToken_fails() throws IOException {
        Path empty = Files.writeString(dir.resolve("token"), "\n");

        assertThatThrownBy(() -> open(empty, null)).hasMessageEndingWith(": the file is empty");
    }

    @Test
    void unreadableFileWithInlineToken_usesItUntilTheFileAppears() throws IOException {
        Path file = dir.resolve("token");
        TokenFile token = open(file, "inline");

        assertThat(token.getToken()).isEqualTo("inline");
        Files.writeString(file, "from-file");
        assertThat(token.getToken()).as("retried on every request until it is read").isEqualTo("from-file");
    }

    @Test
    void readableFileWithInlineToken_theFileWins() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "from-file");

        assertThat(open(file, "inline").getToken()).isEqualTo("from-file");
    }

    private TokenFile open(Path file, String inline) {
        return TokenFile.open(file, inline, "ci", now::get);
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }
}
