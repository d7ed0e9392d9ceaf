package io.github.sharepid.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file that appears under its name only when complete: bytes go to a temporary file beside it,
 * {@link #commit()} moves it into place, {@link #abort()} removes it (a failed copy leaves nothing).
 */
public final class AtomicFile extends OutputStream {
    private final Path target;
    private final Path tmp;
    private final OutputStream out;

    public AtomicFile(Path target) throws IOException {
        this.target = target;
        this.tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".sharepid-", ".part");
        this.out = Files.newOutputStream(tmp);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    public void commit() throws IOException {
        out.close();
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    public void abort() {
        try {
            out.close();
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // best effort: the temporary file has a .part name and is hidden
        }
    }
}
