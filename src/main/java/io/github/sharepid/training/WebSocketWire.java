package io.github.sharepid.training;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The server side of RFC 6455 as the training server needs it: the handshake key, frames out, frames in. Public
 * for the API tier's websocket test server, which answers the same way.
 */
public final class WebSocketWire {
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_FRAME = 16 << 20;
    /** Close status 1000, normal closure. */
    static final byte[] NORMAL_CLOSURE = {0x03, (byte) 0xE8};

    private WebSocketWire() {
    }

    /** The {@code Sec-WebSocket-Accept} answer to the client's key. */
    public static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One unmasked, unfragmented frame. */
    public static void write(OutputStream out, int opcode, byte[] payload) throws IOException {
        out.write(0x80 | opcode);
        if (payload.length < 126) {
            out.write(payload.length);
        } else if (payload.length < 65536) {
            out.write(126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (((long) payload.length >>> shift) & 0xFF));
            }
        }
        out.write(payload);
    }

    /**
     * Reads the client's frames (stdin, resize, pings) until its close frame or the end of the stream, answering
     * pings, and the close too when {@code echoClose} (the client closed first).
     */
    static void readUntilClose(InputStream in, OutputStream out, boolean echoClose) throws IOException {
        while (true) {
            int b0 = in.read();
            if (b0 < 0) {
                return;
            }
            int opcode = b0 & 0x0F;
            byte[] payload = payload(in);
            if (opcode == CLOSE) {
                if (echoClose) {
                    write(out, CLOSE, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
                    out.flush();
                }
                return;
            }
            if (opcode == PING) {
                write(out, PONG, payload);
                out.flush();
            }
        }
    }

    /**
     * Reads the client's frames until a stdin frame (channel 0) that ends a line, answering pings: true then;
     * false at the client's close or the end of the stream.
     */
    static boolean readUntilStdinLine(InputStream in, OutputStream out) throws IOException {
        while (true) {
            int b0 = in.read();
            if (b0 < 0) {
                return false;
            }
            int opcode = b0 & 0x0F;
            byte[] payload = payload(in);
            if (opcode == CLOSE) {
                return false;
            }
            if (opcode == PING) {
                write(out, PONG, payload);
                out.flush();
            } else if (opcode == BINARY && payload.length > 0 && payload[0] == 0
                    && payload[payload.length - 1] == '\n') {
                return true;
            }
        }
    }

    private static byte[] payload(InputStream in) throws IOException {
        int b1 = read(in);
        long len = b1 & 0x7F;
        if (len == 126) {
            len = (read(in) << 8) | read(in);
        } else if (len == 127) {
            len = 0;
            for (int i = 0; i < 8; i++) {
                len = (len << 8) | read(in);
            }
        }
        if (len > MAX_FRAME) {
            throw new IOException("frame too large for the training server: " + len);
        }
        byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
        byte[] payload = in.readNBytes((int) len);
        if (payload.length != len) {
            throw new EOFException();
        }
        if (mask != null) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
        }
        return payload;
    }

    private static int read(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }
}
