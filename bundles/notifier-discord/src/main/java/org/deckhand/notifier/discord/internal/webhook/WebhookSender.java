package org.deckhand.notifier.discord.internal.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.deckhand.api.notify.Delivery;
import org.deckhand.notifier.discord.internal.payload.WebhookPayload;

/**
 * Posts messages to one Discord webhook ({@code POST /webhooks/{id}/{token}?wait=true}, Discord developer
 * documentation, "Execute Webhook"; {@code wait=true} makes Discord answer with the message it created, so that a
 * 200 confirms it), honouring Discord's rate limits exactly (see {@link RateLimits}): a request waits first for what
 * the last answers asked (a bucket with none remaining, an earlier 429), unless that is longer than the configured
 * longest wait, when the message is handed back as {@link Delivery.RetryAfter} without being sent; a 429 is handed
 * back as {@link Delivery.RetryAfter} with its {@code retry_after}, and holds the next request until then. A
 * message with a cover art file goes as {@code multipart/form-data} ({@code payload_json} and {@code files[0]}), any
 * other as JSON. Each exchange has a deadline, and no more than {@value #LONGEST_ANSWER} bytes of an answer are read.
 * 401, 403 and 404 ({@code Unknown Webhook}, code 10015) are permanent failures; a 400 ({@code Invalid Form Body}) or
 * 413 rejects that message alone; 5xx and timeouts are transient failures.
 */
public final class WebhookSender {

    /** The most bytes of an answer read: Discord's answers are a few kilobytes. */
    static final int LONGEST_ANSWER = 64 * 1024;

    private static final String USER_AGENT = "Deckhand-Notifier/0.1 (self-hosted music server)";

    private final WebhookAddress address;
    private final HttpClient client;
    private final Pacer pacer;
    private final ObjectMapper json;
    private final Duration requestTimeout;
    private final Duration longestWait;
    private final RateLimits limits;

    /**
     * @param address the webhook
     * @param client the HTTP client (its connect timeout is the client's own)
     * @param clock the clock the rate limits are measured on
     * @param pacer what waits out a rate limit
     * @param shared Discord's global rate limit and its buckets, shared by all the webhooks of the server
     * @param json writes the payloads and reads Discord's answers
     * @param requestTimeout the longest one exchange may take, from sending to the answer's last byte
     * @param longestWait the longest rate limit a send waits out itself, before handing the message back
     */
    public WebhookSender(WebhookAddress address, HttpClient client, Clock clock, Pacer pacer, SharedLimits shared,
            ObjectMapper json, Duration requestTimeout, Duration longestWait) {
        this.address = address;
        this.client = client;
        this.pacer = pacer;
        this.json = json;
        this.requestTimeout = requestTimeout;
        this.longestWait = longestWait;
        this.limits = new RateLimits(clock, shared, address.id());
    }

    /**
     * Posts one message, which must be within Discord's limits (see
     * {@link org.deckhand.notifier.discord.internal.payload.PayloadSplitter}).
     *
     * @param payload the message
     * @return what became of it; what Discord or the network does is an outcome, never an exception. The receiver
     *         id of a {@link Delivery.Delivered} is the id of the message Discord created (empty if its answer did
     *         not give it)
     * @throws InterruptedException when the thread is interrupted while it waits for a rate limit or an answer
     */
    public Delivery send(WebhookPayload payload) throws InterruptedException {
        Duration wait = limits.waitBeforeNext();
        if (wait.compareTo(longestWait) > 0) {
            return new Delivery.RetryAfter(RateLimits.inSeconds(wait), 429, "Discord rate-limits " + address
                    + " for " + RateLimits.inSeconds(wait) + " s more");
        }
        if (!wait.isZero()) {
            pacer.pause(wait);
        }
        Answer answer;
        try {
            answer = post(request(payload));
        } catch (TimeoutException | HttpTimeoutException e) {
            return new Delivery.TransientFailure(0, "Discord did not answer " + address + " within "
                    + requestTimeout.toSeconds() + " s");
        } catch (BoundedBody.TooLongException e) {
            return new Delivery.TransientFailure(0, "Discord's answer for " + address + " was longer than "
                    + LONGEST_ANSWER + " bytes");
        } catch (IOException e) {
            return new Delivery.TransientFailure(0, "Discord could not be reached for " + address + ": "
                    + describe(e));
        }
        limits.answered(answer.headers());
        if (answer.status() == 429) {
            return rateLimited(answer);
        }
        OptionalDouble retryAfter = answer.headers().firstValue("Retry-After").flatMap(RateLimits::seconds)
                .map(duration -> OptionalDouble.of(RateLimits.inSeconds(duration))).orElse(OptionalDouble.empty());
        String receiverId = answer.body().map(body -> body.path("id").asText("")).orElse("");
        return Delivery.ofHttpStatus(answer.status(), receiverId, retryAfter, reason(answer));
    }

    private Delivery rateLimited(Answer answer) {
        Optional<Duration> fromBody = answer.body().map(body -> body.path("retry_after"))
                .filter(JsonNode::isNumber).flatMap(value -> RateLimits.seconds(value.asText()));
        Duration retryAfter = fromBody
                .or(() -> answer.headers().firstValue("Retry-After").flatMap(RateLimits::seconds))
                .orElse(Duration.ofSeconds(1));
        boolean global = answer.body().map(body -> body.path("global").asBoolean(false)).orElse(false)
                || answer.headers().firstValue("X-RateLimit-Global").map("true"::equalsIgnoreCase).orElse(false);
        limits.limited(retryAfter, global);
        double seconds = RateLimits.inSeconds(retryAfter);
        return new Delivery.RetryAfter(seconds, 429, (global ? "Discord's global rate limit holds every webhook"
                : "Discord rate-limits " + address) + " for " + seconds + " s");
    }

    private HttpRequest request(WebhookPayload payload) {
        byte[] body;
        String contentType;
        try {
            byte[] payloadJson = json.writeValueAsBytes(payload);
            if (payload.coverArt().isPresent()) {
                MultipartBody multipart = new MultipartBody();
                multipart.part("payload_json", null, "application/json", payloadJson);
                payload.coverArt().ifPresent(cover -> multipart.part("files[0]", cover.filename(),
                        cover.mediaType(), cover.bytes()));
                body = multipart.bytes();
                contentType = multipart.contentType();
            } else {
                body = payloadJson;
                contentType = "application/json";
            }
        } catch (IOException e) {
            throw new IllegalStateException("a Discord message could not be written as JSON", e);
        }
        return HttpRequest.newBuilder(address.executeUri())
                .timeout(requestTimeout)
                .header("Content-Type", contentType)
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private Answer post(HttpRequest request) throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request,
                info -> new BoundedBody(LONGEST_ANSWER));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BoundedBody.TooLongException tooLong) {
                throw tooLong;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        }
        byte[] bytes = response.body();
        JsonNode body = null;
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            try {
                body = json.readTree(bytes);
            } catch (IOException notJson) {
                body = null;
            }
        }
        return new Answer(response.statusCode(), response.headers(), Optional.ofNullable(body),
                new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8));
    }

    private String reason(Answer answer) {
        Optional<JsonNode> body = answer.body();
        String message = body.map(node -> node.path("message").asText(null)).orElse(null);
        if (message == null) {
            String start = answer.start().strip();
            return "Discord answered " + answer.status() + " for " + address
                    + (start.isEmpty() ? "" : ": " + address.redact(start));
        }
        int code = body.get().path("code").asInt(0);
        return "Discord answered " + answer.status() + " for " + address + ": " + address.redact(message)
                + (code == 0 ? "" : " (code " + code + ")") + advice(answer.status());
    }

    private static String advice(int status) {
        return status == 401 || status == 403 || status == 404
                ? "; the webhook was deleted or its URL is wrong: copy it again from the Discord channel's settings"
                : "";
    }

    private String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + address.redact(message));
    }

    /** An answer: status, headers, its body as JSON when it is JSON, and the start of its text. */
    private record Answer(int status, HttpHeaders headers, Optional<JsonNode> body, String start) {
    }
}
