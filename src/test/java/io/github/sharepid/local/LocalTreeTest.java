package io.github.sharepid.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sharepid.failure.SharepidException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code peek-root --to}: what lands on the local disk, and what never does. */
class LocalTreeTest {
    @TempDir
    Path tmp;

    @Test
    void extract_writesFilesDirsAndSymlinks() throws IOException {
        byte[] tar = tar(t -> {
            dir(t, "./");
            dir(t, "./conf.d/");
            file(t, "./nginx.conf", "user nginx;\n");
            file(t, "./conf.d/default.conf", "server {}\n");
            symlink(t, "./current", "nginx.conf");
        });

        LocalTree.Summary sum = LocalTree.extract(new ByteArrayInputStream(tar), tmp.resolve("nginx"));

        assertThat(sum).isEqualTo(new LocalTree.Summary(2, 2, 1, 0));
        assertThat(tmp.resolve("nginx/conf.d/default.conf")).hasContent("server {}");
        assertThat(Files.readSymbolicLink(tmp.resolve("nginx/current"))).isEqualTo(Path.of("nginx.conf"));
    }

    @Test
    void extract_neverWritesOutsideTheDestination() throws IOException {
        byte[] tar = tar(t -> {
            file(t, "../escaped", "x");
            file(t, "/etc/absolute", "x");
            symlink(t, "./link", "/etc");
            file(t, "./link/passwd", "through the link"); // would land in /etc if links came first
        });

        LocalTree.Summary sum = LocalTree.extract(new ByteArrayInputStream(tar), tmp.resolve("out"));

        assertThat(tmp.resolve("escaped")).doesNotExist();
        assertThat(sum.skipped()).isGreaterThanOrEqualTo(2);
        assertThat(Files.isSymbolicLink(tmp.resolve("out/link"))).isFalse();
        assertThat(tmp.resolve("out/link/passwd")).hasContent("through the link");
    }

    @Test
    void freshTarget_refusesToOverwrite() throws IOException {
        Files.writeString(tmp.resolve("nginx.conf"), "mine");

        assertThatThrownBy(() -> LocalTree.freshTarget(tmp, "nginx.conf"))
                .isInstanceOf(SharepidException.class)
                .hasMessageContaining("exists already");
        assertThat(tmp.resolve("nginx.conf")).hasContent("mine");
    }

    @Test
    void baseName_ofRemotePaths() {
        assertThat(LocalTree.baseName("/etc/nginx/")).isEqualTo("nginx");
        assertThat(LocalTree.baseName("/etc/nginx/nginx.conf")).isEqualTo("nginx.conf");
        assertThat(LocalTree.baseName("/")).isEqualTo("root");
    }

    @Test
    void atomicFile_abortLeavesNothing() throws IOException {
        AtomicFile f = new AtomicFile(tmp.resolve("big.bin"));
        f.write(new byte[] {1, 2, 3});

        f.abort();

        try (var files = Files.list(tmp)) {
            assertThat(files).isEmpty();
        }
    }

    interface TarBody {
        void write(TarArchiveOutputStream t) throws IOException;
    }

    private static byte[] tar(TarBody body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
            body.write(t);
        }
        return out.toByteArray();
    }

    private static void dir(TarArchiveOutputStream t, String name) throws IOException {
        t.putArchiveEntry(new TarArchiveEntry(name));
        t.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream t, String name, String content) throws IOException {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(b.length);
        t.putArchiveEntry(e);
        t.write(b);
        t.closeArchiveEntry();
    }

    private static void symlink(TarArchiveOutputStream t, String name, String target) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
        e.setLinkName(target);
        t.putArchiveEntry(e);
        t.closeArchiveEntry();
    }
}
