package org.deckhand.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.deckhand.notifier.discord.bot.internal.DiscordStandIn;

/**
 * What a connected Discord bot adds to the packaged server's resident memory (JDA, okhttp, kotlin-stdlib and their
 * Jackson, loaded only when a bot channel exists), against a plain webhook channel doing the same work. Each round
 * starts two servers in turn from the unpacked distribution, on an empty library: one with a generic webhook
 * channel to a receiver on 127.0.0.1 (the JDK's HttpServer answering 204), one with a Discord bot channel logged in
 * to the loopback Discord stand-in (REST and gateway). Each server is read at rest 30 s after it is ready
 * ({@code VmRSS} of {@code /proc/PID/status}), then its channel sends MESSAGES test messages (the bot also answers
 * COMMANDS slash commands, half {@code /deckhand search}, half {@code /deckhand status}), and 10 s later it is read
 * again, with its peak during the work ({@code VmHWM}, reset at rest). Prints one line per server and the bot's cost, in MB (10^6 bytes).
 *
 * <p>Run it after {@code mvn -q -o install -DskipTests} with
 * {@code mvn -q -o -pl distribution test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.deckhand.distribution.DiscordBotMemoryBench -Dexec.args="ROUNDS MESSAGES COMMANDS"}
 * (defaults 2, 20, 100: 20 test messages is a channel's burst; more wait for its rate limit, as a 429 asks).
 */
public final class DiscordBotMemoryBench {

    private static final String TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMw.GbEnCh.memory-bench-bot-token";
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Duration AFTER = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private DiscordBotMemoryBench() {
    }

    /**
     * @param args rounds, messages and commands, each optional
     * @throws Exception if a server cannot start or a request fails
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int commands = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        for (int round = 1; round <= rounds; round++) {
            Reading webhook = webhook(messages);
            Reading bot = bot(messages, commands);
            System.out.println(String.format(Locale.ENGLISH, "round %d (load average %s) webhook: %s", round,
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0], webhook));
            System.out.println(String.format(Locale.ENGLISH, "round %d bot:     %s", round, bot));
            System.out.println(String.format(Locale.ENGLISH, "round %d the bot adds: %+.1f MB after the work, "
                    + "%+.1f MB at the peak of the work (its own growth from rest %+.1f MB, the webhook's %+.1f MB)", round,
                    bot.after - webhook.after, bot.peak - webhook.peak, bot.after - bot.rest,
                    webhook.after - webhook.rest));
        }
    }

    private static Reading webhook(int messages) throws Exception {
        AtomicInteger received = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Path home = Files.createTempDirectory("deckhand-bot-bench-");
        try (DeckhandProcess server = DeckhandProcess.start(home.resolve("deckhand"))) {
            server.awaitReady();
            double rest = settle(server);
            String id = channel(server, "{\"type\": \"webhook\", \"name\": \"bench\", \"settings\": {\"url\": "
                    + "\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}}");
            sendTests(server, id, messages);
            if (received.get() < messages) {
                throw new IllegalStateException("the receiver got " + received.get() + " of " + messages);
            }
            return read(server, rest);
        } finally {
            receiver.stop(0);
        }
    }

    private static Reading bot(int messages, int commands) throws Exception {
        Path home = Files.createTempDirectory("deckhand-bot-bench-");
        try (DiscordStandIn discord = new DiscordStandIn(TOKEN);
                DeckhandProcess server = DeckhandProcess.start(home.resolve("deckhand"))) {
            Files.writeString(server.home().resolve("config/org.deckhand.notifier.discord.bot.cfg"),
                    "api.base = " + discord.apiBase() + "\n");
            server.awaitReady();
            double rest = settle(server);
            String id = channel(server, "{\"type\": \"discord-bot\", \"name\": \"bench\", \"settings\": {\"token\": \""
                    + TOKEN + "\", \"channel\": \"" + DiscordStandIn.CHANNEL + "\"}}");
            if (!DeckhandProcess.eventually(() -> discord.requests().stream().anyMatch(r -> r.method().equals("PUT")
                    && r.path().endsWith("/commands")), WAIT)) {
                throw new IllegalStateException("the bot did not register /deckhand");
            }
            sendTests(server, id, messages);
            for (int i = 0; i < commands; i++) {
                discord.interact(DiscordStandIn.CHANNEL, i % 2 == 0 ? "search" : "status",
                        i % 2 == 0 ? "artist:surgeon bpm:130..140" : null);
                discord.nextCallback(WAIT);
            }
            return read(server, rest);
        }
    }

    /** Waits for the server to come to rest, reads it, and resets its peak (Linux: 5 to clear_refs). */
    private static double settle(DeckhandProcess server) throws IOException, InterruptedException {
        Thread.sleep(SETTLE.toMillis());
        double rest = megabytes(server, "VmRSS:");
        Files.writeString(Path.of("/proc/" + server.process().pid() + "/clear_refs"), "5");
        return rest;
    }

    private static String channel(DeckhandProcess server, String request) throws IOException {
        HttpResponse<String> created = null;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            created = server.postJson("/api/v1/notifications/channels", request);
            if (created.statusCode() == 201) {
                return TrackSearch.json(created.body()).path("id").asText();
            }
            sleep(500);
        }
        throw new IllegalStateException("the channel was not created: " + created.statusCode() + " "
                + created.body());
    }

    private static void sendTests(DeckhandProcess server, String id, int messages) throws IOException {
        for (int i = 0; i < messages; i++) {
            HttpResponse<String> test = server.postJson("/api/v1/notifications/channels/" + id + "/test", "");
            while (test.statusCode() == 429) {
                sleep(1000 * Long.parseLong(test.headers().firstValue("Retry-After").orElse("3")));
                test = server.postJson("/api/v1/notifications/channels/" + id + "/test", "");
            }
            JsonNode outcome = TrackSearch.json(test.body());
            if (test.statusCode() != 200 || !"delivered".equals(outcome.path("result").asText())) {
                throw new IllegalStateException("test message " + (i + 1) + " was not delivered: " + test.body());
            }
        }
    }

    private static Reading read(DeckhandProcess server, double rest) throws IOException, InterruptedException {
        Thread.sleep(AFTER.toMillis());
        return new Reading(rest, megabytes(server, "VmRSS:"), megabytes(server, "VmHWM:"));
    }

    private static double megabytes(DeckhandProcess server, String field) throws IOException {
        List<String> status = Files.readAllLines(Path.of("/proc/" + server.process().pid() + "/status"));
        return status.stream().filter(line -> line.startsWith(field)).map(line -> line.replaceAll("\\D", ""))
                .mapToLong(Long::parseLong).findFirst().orElseThrow() * 1024 / 1e6;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One server's resident memory, MB: at rest, after the work, and its peak. */
    private record Reading(double rest, double after, double peak) {
        @Override
        public String toString() {
            return String.format(Locale.ENGLISH, "%.1f MB at rest, %.1f MB after the work, peak %.1f MB", rest,
                    after, peak);
        }
    }
}
