package org.deckhand.notifier.discord.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.RequestContext;

/**
 * A stand-in for Discord's webhook endpoint on 127.0.0.1, speaking Discord's wire format (Discord developer
 * documentation, "Execute Webhook", "Rate Limits", "Uploading Files", "JSON Error Codes") for
 * {@code POST /api/webhooks/{id}/{token}[?wait=true]}, as JSON or as {@code multipart/form-data} with
 * {@code payload_json} and {@code files[n]} parts.
 *
 * <p>Each body is validated as Discord does: against the request body schema of Discord's OpenAPI document
 * ({@link DiscordOpenApi}), and for what JSON Schema cannot say, by Discord's documented rules: at most 6,000
 * characters over all embeds, no empty message, every {@code attachments} entry naming a file part sent, files of at
 * most 10 MiB. A body that fails is answered {@code 400} with {@code Invalid Form Body} (code 50035) or
 * {@code Cannot send an empty message} (50006), as Discord would, and recorded as rejected.
 *
 * <p>Every answer carries Discord's rate-limit headers for the webhook's bucket ({@code X-RateLimit-Limit},
 * {@code -Remaining}, {@code -Reset}, {@code -Reset-After}, {@code -Bucket}), measured on the test's clock; past the
 * limit the answer is a 429 with JSON {@code retry_after} (seconds, fractional), {@code global}, the
 * {@code X-RateLimit-Scope} header and Cloudflare's {@code Via} header. A test can also have it answer a global 429,
 * a 500 outage until a time, 404 {@code Unknown Webhook} (code 10015) for a deleted webhook, and 401
 * {@code Invalid Webhook Token} (50027) for a wrong token.
 */
public final class DiscordStandIn implements AutoCloseable {

    /** Discord's usual webhook bucket: 5 requests per 2 seconds. */
    public static final int LIMIT = 5;
    /** The bucket's window. */
    public static final Duration WINDOW = Duration.ofSeconds(2);

    private static final Pattern EXECUTE = Pattern.compile("/api/webhooks/(\\d+)/([^/]+)/?");
    private static final String BUCKET = "4f3c1c8e6a1b7d2e9a0b5c6d7e8f9a0b";

    /**
     * One request as it arrived and was answered.
     *
     * @param webhookId the webhook's id in the path
     * @param waited whether the request asked {@code wait=true}
     * @param contentType the request's media type, without parameters
     * @param payload the message's JSON, or {@code null} when it could not be read
     * @param files the file parts, in order
     * @param at when it arrived, on the test's clock
     * @param status the status the stand-in answered
     * @param problems what Discord would have refused in it; empty for a valid request
     */
    public record Received(String webhookId, boolean waited, String contentType, JsonNode payload,
            List<FilePart> files, Instant at, int status, List<String> problems) {
    }

    /**
     * A file part.
     *
     * @param name the part's name, such as {@code files[0]}
     * @param filename the file's name
     * @param contentType its media type
     * @param bytes its content
     */
    public record FilePart(String name, String filename, String contentType, byte[] bytes) {
    }

    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ObjectMapper json = new ObjectMapper();
    private final DiscordOpenApi openApi = DiscordOpenApi.get();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicLong snowflakes = new AtomicLong(1_180_000_000_000_000_000L);
    private Instant windowEnd = Instant.MIN;
    private int used;
    private Instant outageEnd = Instant.MIN;
    private String refuseNext;
    private Duration globalLimit;

    /**
     * @param clock the clock the rate-limit windows and outages are measured on: a {@link ManualClock} shared with
     *        the channel under test, or the system's
     */
    public DiscordStandIn(Clock clock) {
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/api/", this::handle);
        server.start();
    }

    /** @return the stand-in's API base, {@code http://127.0.0.1:PORT/api} */
    public String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    /**
     * Creates a webhook.
     *
     * @param id its id, a snowflake
     * @return its URL, {@code http://127.0.0.1:PORT/api/webhooks/{id}/{token}}
     */
    public String webhook(String id) {
        String token = "tok" + id + "_SecretWebhookToken-abcdefghijklmnopqrstuvwxyz0123456789";
        tokens.put(id, token);
        return apiBase() + "/webhooks/" + id + "/" + token;
    }

    /** @param id a webhook that a user deletes in Discord: it is answered 404 Unknown Webhook from now on */
    public void delete(String id) {
        deleted.add(id);
    }

    /** @param length how long, from now on the test's clock, every request is answered 500 */
    public synchronized void outage(Duration length) {
        outageEnd = clock.instant().plus(length);
    }

    /** @param retryAfter the {@code retry_after} of a global 429 given to the next request, whatever its webhook */
    public synchronized void globalLimitNext(Duration retryAfter) {
        globalLimit = retryAfter;
    }

    /**
     * @param problem a rule Discord enforces that the next request is taken to break (as when Discord adds a rule),
     *     answered 400 Invalid Form Body
     */
    public synchronized void refuseNext(String problem) {
        refuseNext = problem;
    }

    /** @return every request received, in order */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** @return the messages Discord would show: the requests answered 200 or 204 */
    public List<Received> delivered() {
        return received.stream().filter(request -> request.status() / 100 == 2).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = EXECUTE.matcher(exchange.getRequestURI().getPath());
            if (!"POST".equals(exchange.getRequestMethod()) || !path.matches()) {
                send(exchange, 405, error("405: Method Not Allowed", 0));
                return;
            }
            byte[] body = exchange.getRequestBody().readNBytes(26 * 1024 * 1024);
            answer(exchange, path.group(1), path.group(2), body);
        }
    }

    private synchronized void answer(HttpExchange exchange, String id, String token, byte[] body)
            throws IOException {
        Instant now = clock.instant();
        String query = exchange.getRequestURI().getRawQuery();
        boolean waited = query != null && List.of(query.split("&")).contains("wait=true");
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip();
        List<String> problems = new ArrayList<>();
        List<FilePart> files = new ArrayList<>();
        JsonNode payload = read(mediaType, contentType, body, files, problems);

        if (!tokens.containsKey(id) || deleted.contains(id)) {
            record(id, waited, mediaType, payload, files, now, 404, problems);
            send(exchange, 404, error("Unknown Webhook", 10015));
            return;
        }
        if (!tokens.get(id).equals(token)) {
            record(id, waited, mediaType, payload, files, now, 401, problems);
            send(exchange, 401, error("Invalid Webhook Token", 50027));
            return;
        }
        if (globalLimit != null) {
            Duration retryAfter = globalLimit;
            globalLimit = null;
            exchange.getResponseHeaders().add("X-RateLimit-Global", "true");
            exchange.getResponseHeaders().add("X-RateLimit-Scope", "global");
            record(id, waited, mediaType, payload, files, now, 429, problems);
            tooMany(exchange, retryAfter, true);
            return;
        }
        if (now.isBefore(outageEnd)) {
            record(id, waited, mediaType, payload, files, now, 500, problems);
            send(exchange, 500, error("500: Internal Server Error", 0));
            return;
        }
        if (!now.isBefore(windowEnd)) {
            windowEnd = now.plus(WINDOW);
            used = 0;
        }
        Duration resetAfter = Duration.between(now, windowEnd);
        exchange.getResponseHeaders().add("X-RateLimit-Bucket", BUCKET);
        exchange.getResponseHeaders().add("X-RateLimit-Limit", Integer.toString(LIMIT));
        exchange.getResponseHeaders().add("X-RateLimit-Reset", seconds(Duration.between(Instant.EPOCH, windowEnd)));
        exchange.getResponseHeaders().add("X-RateLimit-Reset-After", seconds(resetAfter));
        if (used >= LIMIT) {
            exchange.getResponseHeaders().add("X-RateLimit-Remaining", "0");
            exchange.getResponseHeaders().add("X-RateLimit-Scope", "user");
            record(id, waited, mediaType, payload, files, now, 429, problems);
            tooMany(exchange, resetAfter, false);
            return;
        }
        used++;
        exchange.getResponseHeaders().add("X-RateLimit-Remaining", Integer.toString(LIMIT - used));
        if (refuseNext != null && problems.isEmpty()) {
            record(id, waited, mediaType, payload, files, now, 400, problems);
            ObjectNode refusal = error("Invalid Form Body", 50035);
            refusal.putObject("errors").putObject("_errors").putArray("_errors").addObject()
                    .put("code", "BASE_TYPE_INVALID").put("message", refuseNext);
            refuseNext = null;
            send(exchange, 400, refusal);
            return;
        }
        if (!problems.isEmpty()) {
            record(id, waited, mediaType, payload, files, now, 400, problems);
            boolean empty = problems.size() == 1 && problems.get(0).startsWith("Cannot send an empty message");
            ObjectNode refusal = empty ? error("Cannot send an empty message", 50006)
                    : error("Invalid Form Body", 50035);
            if (!empty) {
                ArrayNode details = refusal.putObject("errors").putObject("_errors").putArray("_errors");
                problems.forEach(problem -> details.addObject().put("code", "BASE_TYPE_INVALID")
                        .put("message", problem));
            }
            send(exchange, 400, refusal);
            return;
        }
        record(id, waited, mediaType, payload, files, now, waited ? 200 : 204, problems);
        if (waited) {
            send(exchange, 200, message(id, payload, files, now));
        } else {
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private JsonNode read(String mediaType, String contentType, byte[] body, List<FilePart> files,
            List<String> problems) {
        JsonNode payload;
        try {
            if ("application/json".equals(mediaType)) {
                payload = json.readTree(body);
            } else if ("multipart/form-data".equals(mediaType)) {
                payload = multipart(contentType, body, files, problems);
            } else {
                problems.add("The request body contains invalid JSON (Content-Type " + contentType + ")");
                return null;
            }
        } catch (IOException e) {
            problems.add("The request body contains invalid JSON: " + e.getMessage());
            return null;
        }
        if (payload == null || !payload.isObject()) {
            problems.add("The request body contains invalid JSON: no payload object");
            return null;
        }
        problems.addAll(openApi.executeWebhookErrors(payload, "multipart/form-data".equals(mediaType)));
        int embedCharacters = 0;
        for (JsonNode embed : payload.path("embeds")) {
            embedCharacters += length(embed.path("title")) + length(embed.path("description"))
                    + length(embed.path("footer").path("text")) + length(embed.path("author").path("name"));
            for (JsonNode field : embed.path("fields")) {
                embedCharacters += length(field.path("name")) + length(field.path("value"));
            }
        }
        if (embedCharacters > 6000) {
            problems.add("embeds: Embed size exceeds maximum size of 6000 (" + embedCharacters + ")");
        }
        for (JsonNode attachment : payload.path("attachments")) {
            String part = "files[" + attachment.path("id").asText() + "]";
            if (files.stream().noneMatch(file -> file.name().equals(part))) {
                problems.add("attachments: no " + part + " part for attachment " + attachment);
            }
        }
        if (files.stream().anyMatch(file -> file.bytes().length > 10 * 1024 * 1024)) {
            problems.add("Request entity too large");
        }
        boolean empty = length(payload.path("content")) == 0 && payload.path("embeds").isEmpty()
                && files.isEmpty() && payload.path("components").isEmpty() && payload.path("poll").isMissingNode();
        if (empty) {
            problems.add("Cannot send an empty message");
        }
        return payload;
    }

    private JsonNode multipart(String contentType, byte[] body, List<FilePart> files, List<String> problems)
            throws IOException {
        JsonNode payload = null;
        try {
            FileItemIterator items = new FileUpload().getItemIterator(new Body(contentType, body));
            while (items.hasNext()) {
                FileItemStream item = items.next();
                byte[] bytes;
                try (InputStream in = item.openStream()) {
                    bytes = in.readAllBytes();
                }
                if ("payload_json".equals(item.getFieldName())) {
                    payload = json.readTree(bytes);
                } else if (item.getFieldName().matches("files\\[\\d+]") && !item.isFormField()) {
                    files.add(new FilePart(item.getFieldName(), item.getName(), item.getContentType(), bytes));
                } else {
                    problems.add("unknown form part " + item.getFieldName());
                }
            }
        } catch (FileUploadException e) {
            throw new IOException("unreadable multipart body: " + e.getMessage(), e);
        }
        return payload;
    }

    private static int length(JsonNode text) {
        return text.isTextual() ? text.asText().codePointCount(0, text.asText().length()) : 0;
    }

    private void record(String id, boolean waited, String mediaType, JsonNode payload, List<FilePart> files,
            Instant at, int status, List<String> problems) {
        received.add(new Received(id, waited, mediaType, payload, List.copyOf(files), at, status,
                List.copyOf(problems)));
    }

    private void tooMany(HttpExchange exchange, Duration retryAfter, boolean global) throws IOException {
        exchange.getResponseHeaders().add("Retry-After",
                Long.toString(retryAfter.plusNanos(999_999_999).getSeconds()));
        exchange.getResponseHeaders().add("Via", "1.1 google");
        ObjectNode body = error("You are being rate limited.", 0);
        body.put("retry_after", new BigDecimal(seconds(retryAfter)));
        body.put("global", global);
        send(exchange, 429, body);
    }

    private ObjectNode message(String webhookId, JsonNode payload, List<FilePart> files, Instant now) {
        ObjectNode message = json.createObjectNode();
        message.put("id", Long.toString(snowflakes.incrementAndGet()));
        message.put("type", 0);
        message.put("content", payload.path("content").asText(""));
        message.put("channel_id", "1180000000000000001");
        ObjectNode author = message.putObject("author");
        author.put("id", webhookId);
        author.put("username", payload.path("username").asText("Deckhand"));
        author.put("bot", true);
        ArrayNode attachments = message.putArray("attachments");
        for (FilePart file : files) {
            attachments.addObject().put("id", Long.toString(snowflakes.incrementAndGet()))
                    .put("filename", file.filename()).put("size", file.bytes().length)
                    .put("content_type", file.contentType());
        }
        message.set("embeds", payload.path("embeds").isArray() ? payload.get("embeds") : json.createArrayNode());
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.put("pinned", false);
        message.put("mention_everyone", false);
        message.put("tts", false);
        message.put("timestamp", now.toString());
        message.putNull("edited_timestamp");
        message.put("flags", 0);
        message.putArray("components");
        message.put("webhook_id", webhookId);
        return message;
    }

    private ObjectNode error(String message, int code) {
        ObjectNode error = json.createObjectNode();
        error.put("message", message);
        error.put("code", code);
        return error;
    }

    private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** @return the duration in seconds, with three decimals as Discord gives them */
    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9))
                .setScale(3, RoundingMode.CEILING).toPlainString();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** A request body as Commons FileUpload reads it. */
    private record Body(String contentType, byte[] bytes) implements RequestContext {

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        @Deprecated
        public int getContentLength() {
            return bytes.length;
        }

        @Override
        public InputStream getInputStream() {
            return new java.io.ByteArrayInputStream(bytes);
        }
    }
}
