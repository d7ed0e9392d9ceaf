package io.github.sharepid.app;

import io.github.sharepid.proc.PsScript;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * {@link ListingConversation}'s stdout split at the {@link PsScript#LISTED} record
 * ({@code sharepid-listed:STATUS}, the status of the listing's last grep): what comes before it is the listing;
 * what comes after it, the script's output once it has been sent its line, goes on to another stream. The marker
 * counts only at the start of a record: every record of the listing starts with a file name or {@code self:}.
 */
final class ListingSplit extends OutputStream {
    private static final byte[] PREFIX = (PsScript.LISTED + ":").getBytes(StandardCharsets.US_ASCII);
    private static final int NOT_THE_MARKER = -1;
    final CompletableFuture<Listing> listed = new CompletableFuture<>();
    private final ByteArrayOutputStream before = new ByteArrayOutputStream();
    private final OutputStream after;
    private boolean dropping;
    private boolean recordStart = true;
    private int matched = NOT_THE_MARKER; // bytes of the marker's prefix matched in the current record
    private int markerStart;
    private int status;

    /** {@code after}: where what follows the listing goes, as it arrives. */
    ListingSplit(OutputStream after) {
        this.after = after;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            if (listed.isDone()) {
                if (!dropping) {
                    after.write(b, i, off + len - i);
                }
                return;
            }
            byte c = b[i];
            if (recordStart) {
                matched = 0;
                markerStart = before.size();
                status = 0;
                recordStart = false;
            }
            before.write(c);
            if (matched == NOT_THE_MARKER) {
                recordStart = c == 0;
            } else if (matched < PREFIX.length) {
                matched = c == PREFIX[matched] ? matched + 1 : NOT_THE_MARKER;
                recordStart = c == 0;
            } else if (c >= '0' && c <= '9' && status < 1000) {
                status = status * 10 + (c - '0');
            } else if (c == 0) {
                listed.complete(new Listing(Arrays.copyOf(before.toByteArray(), markerStart), status));
            } else {
                matched = NOT_THE_MARKER;
            }
        }
    }

    /** From now on what follows the listing is dropped (the conversation was closed unused). */
    synchronized void drop() {
        dropping = true;
    }

    @Override
    public synchronized void flush() throws IOException {
        after.flush();
    }

    /** The listing part of the output and the exit status of its last grep. */
    record Listing(byte[] bytes, int status) {
        boolean whole() {
            return PsScript.completed(status, bytes);
        }
    }
}
