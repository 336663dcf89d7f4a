package org.deckhand.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Waits until the server answers {@code GET /api/v1/health} with 200 over HTTP on its own port: ready means
 * reachable, with every bundle active, not merely started.
 */
final class ReadinessProbe {

    private static final long POLL_MILLIS = 20;

    private final URL health;

    /**
     * @param host the address the server listens on; a wildcard address is probed on the loopback address
     * @param port the HTTP port
     */
    ReadinessProbe(String host, int port) {
        String probeHost = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1"
                : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        try {
            this.health = URI.create("http://" + probeHost + ":" + port + "/api/v1/health").toURL();
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid address: " + host, e);
        }
    }

    /**
     * @param timeout how long to wait
     * @return null when the server became ready, otherwise the last answer or error, to explain why it is not
     * @throws InterruptedException if the wait is interrupted
     */
    String await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection connection = (HttpURLConnection) health.openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(5000);
                int status = connection.getResponseCode();
                if (status == 200) {
                    connection.getInputStream().close();
                    return null;
                }
                try (InputStream error = connection.getErrorStream()) {
                    last = "HTTP " + status + (error == null ? ""
                            : " " + new String(error.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(POLL_MILLIS);
        }
        return last;
    }

    /**
     * @return the URL a user opens, such as {@code http://localhost:8750/}
     */
    String userUrl() {
        String host = health.getHost().equals("127.0.0.1") ? "localhost" : health.getHost();
        return "http://" + host + ":" + health.getPort() + "/";
    }
}
