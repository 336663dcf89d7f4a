package org.deckhand.notifier.discord.internal.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.deckhand.api.notify.Delivery;
import org.deckhand.notifier.discord.internal.payload.WebhookPayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What goes wrong on the way to Discord is a transient failure with a clear reason, never an exception, a hang or
 * a full heap: nothing listening, a server that never answers, an answer of 10 MB.
 */
class WebhookSenderTest {

    private static final String PATH = "/api/webhooks/1180000000000000042/"
            + "SecretWebhookToken-abcdefghijklmnopqrstuvwxyz0123456789";

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);
    private HttpServer server;

    @AfterEach
    void stop() {
        released.countDown();
        if (server != null) {
            server.stop(0);
        }
        threads.shutdownNow();
    }

    private static WebhookPayload hello() {
        return new WebhookPayload("hello", null, List.of(), List.of(), null);
    }

    private static WebhookSender sender(String base, Duration timeout) {
        WebhookAddress address = WebhookAddress.parse(base + PATH, base + "/api");
        return new WebhookSender(address, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
                Clock.systemUTC(), Pacer.SLEEP, new SharedLimits(), new ObjectMapper(), timeout, Duration.ofSeconds(1));
    }

    private String serve(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", handler);
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void nothingListeningIsATransientFailureWithoutTheToken() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }

        Delivery delivery = sender("http://127.0.0.1:" + port, Duration.ofSeconds(2)).send(hello());

        Delivery.TransientFailure failure = assertInstanceOf(Delivery.TransientFailure.class, delivery);
        assertEquals(0, failure.statusCode());
        assertTrue(failure.reason().startsWith("Discord could not be reached for Discord webhook 1180000000000000042"),
                failure.reason());
        assertFalse(failure.reason().contains("SecretWebhookToken"), failure.reason());
    }

    @Test
    void aServerThatNeverAnswersIsATimeout() throws Exception {
        String base = serve(exchange -> {
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });

        Delivery delivery = sender(base, Duration.ofSeconds(1)).send(hello());

        Delivery.TransientFailure failure = assertInstanceOf(Delivery.TransientFailure.class, delivery);
        assertEquals("Discord did not answer Discord webhook 1180000000000000042 within 1 s", failure.reason());
    }

    @Test
    void anAnswerOfTenMegabytesIsNotRead() throws Exception {
        String base = serve(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 10L * 1024 * 1024);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 160; i++) {
                    out.write(chunk);
                }
            } catch (IOException clientLeft) {
                // The sender stopped reading past its limit and closed the connection.
            }
        });

        Delivery delivery = sender(base, Duration.ofSeconds(5)).send(hello());

        Delivery.TransientFailure failure = assertInstanceOf(Delivery.TransientFailure.class, delivery);
        assertTrue(failure.reason().contains("longer than 65536 bytes"), failure.reason());
    }

    @Test
    void aCloudflareErrorPageIsTransientAndQuotedBriefly() throws Exception {
        String base = serve(exchange -> {
            byte[] page = ("<html><head><title>502 Bad Gateway</title></head><body>" + "x".repeat(5000)
                    + "</body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(502, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });

        Delivery.TransientFailure failure = assertInstanceOf(Delivery.TransientFailure.class,
                sender(base, Duration.ofSeconds(5)).send(hello()));

        assertEquals(502, failure.statusCode());
        assertTrue(failure.reason().contains("502 Bad Gateway") && failure.reason().length() < 300,
                failure.reason());
    }
}
