package io.github.sharepid.app;

import io.github.sharepid.proc.PsScript;
import io.github.sharepid.proc.SignalScript;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * {@link SignalConversation}'s stdout split at the {@link SignalScript#LISTED} record ({@code sharepid-listed:STATUS}, the status of the
 * listing's last grep): what comes before it is the listing, what comes after it the signal script's reply.
 * The marker counts only at the start of a record: every record of the listing starts with a file name or
 * {@code self:}.
 */
final class ListingSplit extends OutputStream {
    private static final byte[] PREFIX = (SignalScript.LISTED + ":").getBytes(StandardCharsets.US_ASCII);
    private static final int NOT_THE_MARKER = -1;
    final CompletableFuture<Listing> listed = new CompletableFuture<>();
    private final ByteArrayOutputStream before = new ByteArrayOutputStream();
    private final ByteArrayOutputStream after = new ByteArrayOutputStream();
    private boolean recordStart = true;
    private int matched = NOT_THE_MARKER; // bytes of the marker's prefix matched in the current record
    private int markerStart;
    private int status;

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (listed.isDone()) {
                after.write(b, i, off + len - i);
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

    synchronized byte[] reply() {
        return after.toByteArray();
    }

    /** The listing part of the output and the exit status of its last grep. */
    record Listing(byte[] bytes, int status) {
        boolean whole() {
            return PsScript.completed(status, bytes);
        }
    }
}
