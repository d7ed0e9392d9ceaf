package io.github.sharepid.kube.fabric8;

import java.nio.charset.StandardCharsets;

/**
 * The Kubernetes channel protocols an exec or attach websocket speaks. Both frame every message as one
 * channel byte and its data: 0 stdin, 1 stdout, 2 stderr, 3 the final {@code Status}, 4 terminal
 * resizes. {@code v5.channel.k8s.io} (API servers 1.30+, 1.29 behind a feature gate) adds channel 255:
 * {@code [255, 0]} closes the remote stdin while output keeps flowing; on {@code v4.channel.k8s.io}
 * stdin ends only with the whole connection.
 */
enum StreamProtocol {
    V5("v5.channel.k8s.io"),
    V4("v4.channel.k8s.io");

    static final byte STDIN = 0;
    static final byte STDOUT = 1;
    static final byte STDERR = 2;
    static final byte STATUS = 3;
    static final byte RESIZE = 4;
    static final byte CLOSE = (byte) 255;

    /** What an upgrade offers, most preferred first, in the form of the Sec-WebSocket-Protocol header. */
    static final String OFFER = V5.subprotocol + ", " + V4.subprotocol;

    private final String subprotocol;

    StreamProtocol(String subprotocol) {
        this.subprotocol = subprotocol;
    }

    String subprotocol() {
        return subprotocol;
    }

    /** Whether the remote stdin can be closed on its own (v5's close frame). */
    boolean closesStdin() {
        return this == V5;
    }

    /** The protocol the server chose; anything but v5 is treated as v4, the older of the two offered. */
    static StreamProtocol chosen(String subprotocol) {
        return V5.subprotocol.equals(subprotocol) ? V5 : V4;
    }

    /** The frame that closes the remote stdin (v5 only). */
    static byte[] closeStdinFrame() {
        return new byte[] {CLOSE, STDIN};
    }

    /** The resize frame: {@code {"Width":W,"Height":H}} on channel 4. */
    static byte[] resizeFrame(int columns, int rows) {
        byte[] json = ("{\"Width\":" + columns + ",\"Height\":" + rows + "}").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[json.length + 1];
        frame[0] = RESIZE;
        System.arraycopy(json, 0, frame, 1, json.length);
        return frame;
    }
}
