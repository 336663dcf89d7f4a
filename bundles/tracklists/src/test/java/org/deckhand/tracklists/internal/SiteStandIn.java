package org.deckhand.tracklists.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in for a tracklist site on 127.0.0.1: it answers each path with what a test put there, with the headers
 * the real sites send (nginx-style {@code Server}, {@code Date}, {@code Content-Type} with a charset,
 * {@code Cache-Control}, {@code Vary}), and records every request it receives: path, query, User-Agent and the
 * {@link System#nanoTime()} of its arrival.
 */
public final class SiteStandIn implements AutoCloseable {

    /** A request as it arrived. */
    public record Received(String path, String query, String userAgent, long nanoTime) {
    }

    /** What the stand-in answers on a path. */
    @FunctionalInterface
    public interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** Starts the stand-in on a free port of the loopback address, with a robots.txt that allows everything. */
    public SiteStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        robots("User-agent: *\nAllow: /\n");
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        received.add(new Received(uri.getPath(), uri.getRawQuery(), exchange.getRequestHeaders()
                .getFirst("User-Agent"), System.nanoTime()));
        Answer answer = answers.get(uri.getPath());
        try (exchange) {
            if (answer == null) {
                send(exchange, 404, "text/html; charset=utf-8", "<html><body>Not found</body></html>");
            } else {
                answer.answer(exchange);
            }
        } catch (IOException clientWentAway) {
            // The fetcher closed the connection (a size limit, a timeout): nothing more to send.
        }
    }

    /**
     * @param path a path
     * @return the stand-in's address of that path, such as {@code http://127.0.0.1:PORT/path}
     */
    public URI at(String path) {
        return URI.create(base() + path);
    }

    /** @return {@code http://127.0.0.1:PORT} */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @param path a path @param answer what to answer there */
    public void on(String path, Answer answer) {
        answers.put(path, answer);
    }

    /** @param path a path @param html the page served there as {@code text/html; charset=utf-8} */
    public void page(String path, String html) {
        on(path, exchange -> send(exchange, 200, "text/html; charset=utf-8", html));
    }

    /** @param path a path @param json the answer served there as {@code application/json; charset=utf-8} */
    public void json(String path, String json) {
        on(path, exchange -> send(exchange, 200, "application/json; charset=utf-8", json));
    }

    /** @param text the robots.txt served at {@code /robots.txt} as {@code text/plain} */
    public void robots(String text) {
        on("/robots.txt", exchange -> send(exchange, 200, "text/plain; charset=utf-8", text));
    }

    /** @return the requests received so far, in order of arrival */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** @param path a path @return how many requests it received */
    public long count(String path) {
        return received.stream().filter(r -> r.path().equals(path)).count();
    }

    /**
     * Sends a whole answer with the site's usual headers.
     *
     * @param exchange the exchange
     * @param status the status
     * @param contentType its {@code Content-Type}
     * @param body the body, UTF-8
     * @throws IOException if the client went away
     */
    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers(exchange, contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /**
     * Sets the headers the real sites send.
     *
     * @param exchange the exchange
     * @param contentType its {@code Content-Type}
     */
    public static void headers(HttpExchange exchange, String contentType) {
        exchange.getResponseHeaders().set("Server", "nginx");
        exchange.getResponseHeaders().set("Date",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store, no-cache, must-revalidate");
        exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
