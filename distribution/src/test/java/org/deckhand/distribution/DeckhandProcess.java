package org.deckhand.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The packaged server as a user runs it: a copy of the unpacked distribution, started with {@code bin/deckhand} as a
 * separate process on a free port of 127.0.0.1, its output written to a log file beside it.
 */
final class DeckhandProcess implements AutoCloseable {

    static final String PASSWORD = "e2e-admin-password";

    private final Path home;
    private final int port;
    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DeckhandProcess(Path home, int port, Process process, Path log) {
        this.home = home;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Copies the unpacked distribution into {@code home} and starts it there.
     *
     * @param home an empty folder
     * @param extraArgs arguments after {@code --port N --host 127.0.0.1}
     * @return the running process
     * @throws IOException if the copy or the start fails
     */
    static DeckhandProcess start(Path home, String... extraArgs) throws IOException {
        copyTree(ShippedBundles.distribution(), home);
        return startIn(home, freePort(), extraArgs);
    }

    /**
     * Starts another server from an installation that already exists.
     *
     * @param home an installation folder
     * @param port the port to listen on
     * @param extraArgs further arguments
     * @return the running process
     * @throws IOException if the process cannot start
     */
    static DeckhandProcess startIn(Path home, int port, String... extraArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/deckhand").toString(),
                "--port", Integer.toString(port), "--host", "127.0.0.1"));
        command.addAll(List.of(extraArgs));
        Path log = Files.createTempFile(home.getParent(), "deckhand-" + port + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("DECKHAND_"));
        environment.put("DECKHAND_ADMIN_PASSWORD", PASSWORD);
        return new DeckhandProcess(home, port, builder.start(), log);
    }

    Path home() {
        return home;
    }

    int port() {
        return port;
    }

    Process process() {
        return process;
    }

    /**
     * @param match what the line must satisfy
     * @param timeout how long to wait
     * @return the first output line that matches, if one appeared in time
     */
    Optional<String> awaitLine(Predicate<String> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean ended = !process.isAlive();
            Optional<String> line = lines().stream().filter(match).findFirst();
            if (line.isPresent() || ended) {
                return line;
            }
            sleep(20);
        }
        return Optional.empty();
    }

    /**
     * Waits for the ready line, as long as a cold start on a slow machine may take.
     *
     * @return the ready line
     * @throws AssertionError with everything the server printed, if no ready line came
     */
    String awaitReady() {
        return awaitLine(l -> l.contains(" ready at "), Duration.ofSeconds(90))
                .orElseThrow(() -> new AssertionError("no ready line; the server printed:\n" + output()));
    }

    /**
     * @return everything the server printed so far, for failure messages
     */
    String output() {
        return String.join("\n", lines());
    }

    private List<String> lines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.GET());
    }

    /**
     * @param path the request's path
     * @param headers request header names and values, alternately
     */
    HttpResponse<byte[]> getBytes(String path, String... headers) {
        try {
            return http.send(request(path).headers(headers).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a request with only the headers given: no credentials unless they are among them.
     *
     * @param method the HTTP method, with an empty body
     * @param path the request's path
     * @param headers request header names and values, alternately
     */
    HttpResponse<String> sendWithHeaders(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        return send(headers.length == 0 ? request : request.headers(headers));
    }

    /**
     * Sends a request with a body and only the headers given: no credentials unless they are among them.
     *
     * @param method the HTTP method
     * @param path the request's path
     * @param body the body, UTF-8
     * @param headers request header names and values, alternately
     */
    HttpResponse<String> send(String method, String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).headers(headers)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> putJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> postBytes(String path, byte[] body, String contentType) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /**
     * @param condition what to wait for
     * @param timeout how long
     * @return whether it became true in time
     */
    static boolean eventually(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(50);
        }
        return condition.getAsBoolean();
    }

    static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Sends SIGTERM and waits for the process to end; kills it if it does not within 15 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).header("Authorization",
                basic(PASSWORD));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
