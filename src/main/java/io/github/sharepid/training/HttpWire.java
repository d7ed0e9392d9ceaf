package io.github.sharepid.training;

import io.github.sharepid.training.ApiExchange.Request;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Just enough HTTP/1.1 for the training server: requests as the JDK client sends them, response heads, chunks. */
final class HttpWire {
    private static final int MAX_LINE_BYTES = 64 << 10;
    private static final int GO_BUFFER_BEFORE_CHUNKING = 2048;
    private static final int CHUNK = 4096;
    private static final byte[] CRLF = {'\r', '\n'};

    private HttpWire() {
    }

    /** The next request on the connection, or null at its end. */
    static Request readRequest(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null || line.isEmpty()) {
            return null;
        }
        String[] start = line.split(" ", 3);
        if (start.length < 2) {
            throw new IOException("not an HTTP request: " + line);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String h;
        while ((h = readLine(in)) != null && !h.isEmpty()) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(ApiExchange.lower(h.substring(0, colon).strip()), h.substring(colon + 1).strip());
            }
        }
        return Request.of(start[0], start[1], headers, body(in, headers));
    }

    /**
     * A whole response, framed as Go's net/http frames kube-apiserver's: a body larger than its 2 KiB buffer goes
     * out chunked, a smaller one with Content-Length.
     */
    static void document(OutputStream out, int status, String contentType, byte[] body) throws IOException {
        if (body.length <= GO_BUFFER_BEFORE_CHUNKING) {
            head(out, status, Map.of("Content-Type", contentType, "Content-Length", Integer.toString(body.length)));
            out.write(body);
            return;
        }
        head(out, status, Map.of("Content-Type", contentType, "Transfer-Encoding", "chunked"));
        for (int off = 0; off < body.length; off += CHUNK) {
            int n = Math.min(CHUNK, body.length - off);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, off, n);
            out.write(CRLF);
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    static void head(OutputStream out, int status, Map<String, String> headers) throws IOException {
        StringBuilder b = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(ApiExchange.reason(status))
                .append("\r\n");
        headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
        out.write(b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A chunked body of newline-terminated lines, left open (no last chunk): a watch that goes on. */
    static void chunks(OutputStream out, List<String> lines) throws IOException {
        for (String line : lines) {
            byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            out.write(CRLF);
        }
    }

    /** Reads and drops whatever comes until the client closes. */
    static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        while (in.read(buf) >= 0) {
            // the client only closes
        }
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = readLine(in);
                if (size == null) {
                    throw new EOFException();
                }
                int n = Integer.parseInt(size.split(";", 2)[0].strip(), 16);
                if (n == 0) {
                    readLine(in);
                    return body.toByteArray();
                }
                body.write(in.readNBytes(n));
                readLine(in);
            }
        }
        String length = headers.get("content-length");
        return length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length.strip()));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (line.size() > MAX_LINE_BYTES) {
                throw new IOException("header line too long");
            }
            line.write(c);
        }
        if (c < 0 && line.size() == 0) {
            return null;
        }
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
