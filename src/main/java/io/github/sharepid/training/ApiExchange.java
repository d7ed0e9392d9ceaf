package io.github.sharepid.training;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One request to the training server and the kinds of answer it can get; plain data, no I/O. */
final class ApiExchange {
    private ApiExchange() {
    }

    /** A parsed HTTP/1.1 request: header names lower-cased; repeated query parameters kept in order. */
    record Request(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                   byte[] body) {

        static Request of(String method, String target, Map<String, String> headers, byte[] body) {
            int q = target.indexOf('?');
            String path = q < 0 ? target : target.substring(0, q);
            Map<String, List<String>> query = new LinkedHashMap<>();
            if (q >= 0) {
                for (String pair : target.substring(q + 1).split("&")) {
                    int eq = pair.indexOf('=');
                    String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                    query.computeIfAbsent(key, k -> new ArrayList<>()).add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
            return new Request(method, path, query, headers, body);
        }

        String param(String name) {
            List<String> values = query.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<String> params(String name) {
            return query.getOrDefault(name, List.of());
        }

        boolean websocket() {
            return "websocket".equalsIgnoreCase(headers.getOrDefault("upgrade", ""));
        }

        /** The subprotocols the client offered, in its order of preference. */
        List<String> offeredProtocols() {
            String offered = headers.get("sec-websocket-protocol");
            return offered == null ? List.of() : List.of(offered.split("\\s*,\\s*"));
        }

        private static String decode(String s) {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        }
    }

    /** What the server sends back. */
    sealed interface Answer permits Document, Frames, Stream {
    }

    /** A complete JSON (or text) response. */
    record Document(int status, String contentType, byte[] body) implements Answer {
        static Document json(int status, String json) {
            return new Document(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A websocket upgrade ({@code 101}) with {@code protocol} (null: none), then {@code messages}; then, when
     * {@code afterStdinLine} is not empty, those once the client has sent a line on stdin (signal's conversation);
     * when {@code closeAfter} the server closes the socket as an ended exec does, else it waits for the client to
     * close, as a watch does.
     */
    record Frames(String protocol, List<Message> messages, boolean closeAfter, List<Message> afterStdinLine)
            implements Answer {
        Frames(String protocol, List<Message> messages, boolean closeAfter) {
            this(protocol, messages, closeAfter, List.of());
        }
    }

    /** One websocket message: text (a watch event) or binary (an exec channel frame). */
    record Message(boolean text, byte[] payload) {
        static Message channel(int channel, byte[] data) {
            byte[] framed = new byte[data.length + 1];
            framed[0] = (byte) channel;
            System.arraycopy(data, 0, framed, 1, data.length);
            return new Message(false, framed);
        }

        static Message text(String json) {
            return new Message(true, json.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A chunked response of newline-terminated lines that stays open until the client leaves (an HTTP watch). */
    record Stream(List<String> lines) implements Answer {
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 101 -> "Switching Protocols";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            default -> "Status " + status;
        };
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
