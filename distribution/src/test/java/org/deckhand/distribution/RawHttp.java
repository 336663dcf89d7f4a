package org.deckhand.distribution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 spoken over a plain socket, for what {@link java.net.http.HttpClient} will not send: a {@code Host} of the
 * test's choosing, any method, a body of any size written while the answer is read, and a client address other than
 * 127.0.0.1 (any address of the loopback network 127.0.0.0/8 connects to a server on 127.0.0.1). Every request is
 * sent with {@code Connection: close}.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 60_000;

    private RawHttp() {
    }

    /** Writes a request body, for example in chunks of chunked transfer coding. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * An answer.
     *
     * @param status the status code
     * @param headers the header fields, names in lower case (the last of repeated fields)
     * @param body the body, decoded from chunked transfer coding, as UTF-8
     */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    /**
     * @param from the client's local address, such as {@code 127.0.0.2}
     * @param port the server's port on 127.0.0.1
     * @param head the request line and header fields, each ending in CRLF, without the blank line and without
     *     {@code Connection}
     * @param body the body, or null for none
     * @return the server's answer; a body still being written when the answer ends is abandoned
     * @throws IOException if the server sends no complete answer
     */
    static Answer exchange(String from, int port, String head, Body body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            CompletableFuture<Void> writing = body == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(() -> {
                        try {
                            body.writeTo(out);
                            out.flush();
                        } catch (IOException serverStoppedReading) {
                            // The server answered before the whole body was sent, as it may.
                        }
                    });
            Answer answer = read(socket.getInputStream());
            writing.cancel(true);
            return answer;
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            in.transferTo(body);
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
