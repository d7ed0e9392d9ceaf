package io.github.sharepid.app;

import io.github.sharepid.failure.SharepidException;
import io.github.sharepid.local.AtomicFile;
import io.github.sharepid.local.LocalTree;
import io.github.sharepid.proc.DirListing;
import io.github.sharepid.proc.NoteLines;
import io.github.sharepid.proc.PeekStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Where peek-root's bytes go once the remote header says what they are: a file to stdout (streamed)
 * or into {@code --to} (atomically), a listing to the printer, a tar stream into a new local tree.
 * On failure nothing is left behind: partial files and trees are removed. When following, stdout is flushed
 * as each piece arrives and the remote notes (truncated, replaced) reach the user while they happen.
 */
final class PeekTransfer {
    private static final int MAX_LISTING = 64 << 20;
    private static final int MAX_STDERR = 64 << 10;
    /** Frames queued between the exec and the extraction (a frame is at most a few tens of KiB). */
    private static final int HANDOFF_CHUNKS = 16;

    private final OutputStream stdout;
    private final Path localTarget;
    private final Progress notes;
    private final PeekStream stream = new PeekStream(this::sinkFor);
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final ByteArrayOutputStream listing = new ByteArrayOutputStream();
    private AtomicFile file;
    private Path tree;
    private OutputStream tarPipe;
    private CompletableFuture<LocalTree.Summary> extraction;

    /**
     * @param stdout      where a printed file's bytes go
     * @param localTarget with {@code --to}, the local path the file or tree is copied to (see
     *                    {@link PeekRoot.Request#of}); null to print
     * @param notes       when following: where the remote notes go, and stdout is flushed after every piece;
     *                    null otherwise
     */
    PeekTransfer(OutputStream stdout, Path localTarget, Progress notes) {
        this.stdout = stdout;
        this.localTarget = localTarget;
        this.notes = notes;
    }

    OutputStream stream() {
        return stream;
    }

    OutputStream stderr() {
        OutputStream bounded = new FilterOutputStream(stderr) {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                stderr.write(b, off, Math.max(0, Math.min(len, MAX_STDERR - stderr.size())));
            }
        };
        return notes == null ? bounded : new NoteLines(note -> notes.say("note: " + note), bounded);
    }

    String stderrText() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private OutputStream sinkFor(PeekStream s) {
        try {
            return switch (s.kind()) {
                case FILE -> localTarget == null ? keepOpen(stdout, notes != null) : (file = new AtomicFile(localTarget));
                case LISTING -> bounded(listing);
                case TAR -> tarSink(localTarget);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Extracted on a thread of its own through a bounded handoff: no shared pool, no parked HTTP threads. */
    private OutputStream tarSink(Path into) {
        tree = into;
        ByteHandoff handoff = new ByteHandoff(HANDOFF_CHUNKS);
        InputStream in = handoff.input();
        tarPipe = handoff.output();
        extraction = new CompletableFuture<>();
        Thread extractor = new Thread(() -> {
            try (in) {
                extraction.complete(LocalTree.extract(in, into));
            } catch (IOException e) {
                extraction.completeExceptionally(new UncheckedIOException(e));
            } catch (RuntimeException e) {
                extraction.completeExceptionally(e);
            }
        }, "sharepid-extract " + into.getFileName());
        extractor.setDaemon(true);
        extractor.start();
        return tarPipe;
    }

    /** The exec succeeded: commit the file, finish the tree, or parse the listing. */
    PeekRoot.Result finish(Progress progress) throws IOException {
        stdout.flush();
        String path = stream.resolvedPath();
        if (file != null) {
            file.commit();
            progress.say("copied " + path + " to " + localTarget);
        } else if (extraction != null) {
            tarPipe.close();
            LocalTree.Summary sum = extraction.join();
            progress.say("copied " + path + " to " + tree + ": " + sum.files() + " files, "
                    + sum.directories() + " directories, " + sum.links() + " symlinks"
                    + (sum.skipped() > 0 ? ", " + sum.skipped() + " skipped (devices, FIFOs, unsafe names)" : ""));
        } else if (stream.kind() == PeekStream.Kind.LISTING) {
            return new PeekRoot.Result(path, listing());
        } else if (stream.kind() == null) {
            throw SharepidException.failure("peek-root: the exec returned no data");
        }
        return new PeekRoot.Result(path, null);
    }

    private List<DirListing.Entry> listing() {
        try {
            return DirListing.parse(listing.toByteArray());
        } catch (IllegalArgumentException e) {
            throw SharepidException.failure(e.getMessage());
        }
    }

    /** The exec failed: remove whatever was started locally. */
    void abort() {
        if (file != null) {
            file.abort();
        }
        if (extraction != null) {
            try {
                tarPipe.close();
                extraction.handle((r, e) -> r).join();
            } catch (IOException e) {
                // the extractor ends either way; the tree is removed below
            }
            deleteTree(tree);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort on a failure path; the error already reported names the cause
        }
    }

    /** {@code out}, which stays open when the body ends; {@code flushEach}: flushed after every piece. */
    private static OutputStream keepOpen(OutputStream out, boolean flushEach) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                if (flushEach) {
                    out.flush();
                }
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    private static OutputStream bounded(ByteArrayOutputStream buffer) {
        return new FilterOutputStream(buffer) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (buffer.size() + len > MAX_LISTING) {
                    throw new IOException("directory listing larger than 64 MiB");
                }
                buffer.write(b, off, len);
            }
        };
    }
}
