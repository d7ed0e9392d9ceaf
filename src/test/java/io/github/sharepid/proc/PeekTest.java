package io.github.sharepid.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sharepid.failure.SharepidException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** peek-root's pure parts: argv, path rules, the header split and the directory listing. */
class PeekTest {
    @ParameterizedTest
    @ValueSource(strings = {"/etc/x y", "/a;$(id)`b`", "/new\nline", "/-rf", "/'quoted\"", "/"})
    void argv_carriesHostilePathsAsOneLiteralElement(String path) {
        List<String> argv = PeekScript.argv(8, PeekScript.validatePath(path), false);

        assertThat(argv).containsExactly("sh", "-c", PeekScript.SCRIPT, "sharepid-peek", "/proc/8/root", path, "list");
        assertThat(PeekScript.SCRIPT).doesNotContain(path.length() > 2 ? path : "\u0000");
    }

    @Test
    void validatePath_refusesEmptyRelativeAndNul() {
        for (String bad : new String[] {"", "etc/passwd", "-rf", "/a\u0000b"}) {
            assertThatThrownBy(() -> PeekScript.validatePath(bad))
                    .isInstanceOf(SharepidException.class)
                    .extracting(e -> ((SharepidException) e).exitCode()).isEqualTo(SharepidException.USAGE);
        }
    }

    @Test
    void peekStream_splitsHeaderAndStreamsTheBodyByteForByte() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        PeekStream s = new PeekStream(p -> body);
        byte[] reply = bytes("F/etc/nginx/nginx.conf\u0000\u0000\u0001binary\u00ff");

        for (byte b : reply) {
            s.write(new byte[] {b}, 0, 1); // arrives in the smallest pieces possible
        }

        assertThat(s.kind()).isEqualTo(PeekStream.Kind.FILE);
        assertThat(s.resolvedPath()).isEqualTo("/etc/nginx/nginx.conf");
        assertThat(body.toByteArray()).isEqualTo(bytes("\u0000\u0001binary\u00ff"));
    }

    @Test
    void peekStream_rejectsAReplyWithoutHeader() {
        PeekStream s = new PeekStream(p -> new ByteArrayOutputStream());
        assertThatThrownBy(() -> s.write(bytes("Xoops\u0000"))).isInstanceOf(IOException.class);
    }

    @Test
    void dirListing_parsesNamesWithNewlinesAndStatLinesInOrder() {
        // captured from the real cluster: a directory holding one file named "a;$(id)`b`\nnl"
        byte[] body = bytes("a;$(id)`b`\nnl\u0000sub\u0000\u000081a4 2 0 0 1795356766 1\n41ed 4096 101 101 1795356000 2\n");

        List<DirListing.Entry> entries = DirListing.parse(body);

        assertThat(entries).containsExactly(
                new DirListing.Entry("a;$(id)`b`\nnl", '-', "rw-r--r--", 2, 0, 0, Instant.ofEpochSecond(1795356766L), 1),
                new DirListing.Entry("sub", 'd', "rwxr-xr-x", 4096, 101, 101, Instant.ofEpochSecond(1795356000L), 2));
    }

    @Test
    void dirListing_emptyDirectory() {
        assertThat(DirListing.parse(bytes("\u0000"))).isEmpty();
    }

    @Test
    void dirListing_countMismatchMeansTheDirectoryChanged() {
        assertThatThrownBy(() -> DirListing.parse(bytes("a\u0000b\u0000\u000081a4 2 0 0 1 1\n")))
                .hasMessageContaining("changed while it was listed");
    }

    @Test
    void permissions_specialBits() {
        assertThat(DirListing.permissions(04755)).isEqualTo("rwsr-xr-x");
        assertThat(DirListing.permissions(01777)).isEqualTo("rwxrwxrwt");
        assertThat(DirListing.type(0120777)).isEqualTo('l');
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
