package org.deckhand.notifier.internal.channel;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import org.deckhand.api.notify.Delivery;
import org.deckhand.notifier.internal.NotifierConfiguration;

/**
 * Sends one HTTP request for a channel and turns what happens into a {@link Delivery}: the answer's status
 * classified by {@link Delivery#ofHttpStatus}, its {@code Retry-After} honoured, its body read up to
 * {@value #MAX_ANSWER_BYTES} bytes only, the whole exchange bounded by a timeout, and every network error an outcome
 * with a reason for the user. Redirects are not followed (a channel's address that redirects is a wrong address).
 * Thread-safe; one client serves every channel of the bundle.
 */
public final class HttpSender {

    /** The most of an answer's body that is read, in bytes; a longer answer is a failure. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final HttpClient client;
    private final Duration timeout;

    /**
     * @param timeout the longest a request may take, from connecting to the answer's last byte
     */
    public HttpSender(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * @param configuration the notifier's settings
     * @return their request timeout, 1 to 120 s
     */
    public static Duration timeout(NotifierConfiguration configuration) {
        return Duration.ofSeconds(Math.max(1, Math.min(120, configuration.requestTimeoutSeconds())));
    }

    /**
     * Sends a request and classifies the answer with {@link #classify}.
     *
     * @param request the request, without its timeout (this sets it)
     * @param receiverId reads the id the receiver gave the message from a 2xx answer's body, empty when none
     * @return the outcome
     */
    public Delivery send(HttpRequest.Builder request, Function<byte[], String> receiverId) {
        return exchange(request, response -> classify(response, receiverId));
    }

    /**
     * Sends a request and lets the caller classify the answer, for a service whose answers say more than their
     * status (a JSON {@code retry_after}, rate-limit headers); network errors, timeouts and an answer past
     * {@value #MAX_ANSWER_BYTES} bytes are classified here, as for {@link #send}.
     *
     * @param request the request, without its timeout (this sets it)
     * @param classifier turns the answer (its body read whole, at most {@value #MAX_ANSWER_BYTES} bytes) into the
     *     outcome
     * @return the outcome
     */
    public Delivery exchange(HttpRequest.Builder request, Function<HttpResponse<byte[]>, Delivery> classifier) {
        HttpRequest built = request.timeout(timeout).build();
        String where = where(built.uri());
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(built,
                info -> new CappedBody(MAX_ANSWER_BYTES));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            exchange.cancel(true);
            return noAnswerWithin(where);
        } catch (InterruptedException interrupted) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new Delivery.TransientFailure(0, "the send to " + where + " was interrupted");
        } catch (ExecutionException failed) {
            return failure(failed.getCause(), where);
        }
        return classifier.apply(response);
    }

    /**
     * Classifies an answer by {@link Delivery#ofHttpStatus}, with its {@code Retry-After} and, as the reason, its
     * status, where it came from (scheme, host, port: never the path, which may be a secret) and the start of its
     * body.
     *
     * @param response the answer
     * @param receiverId reads the id the receiver gave the message from a 2xx answer's body, empty when none
     * @return the outcome
     */
    public static Delivery classify(HttpResponse<byte[]> response, Function<byte[], String> receiverId) {
        int status = response.statusCode();
        String reason = "HTTP " + status + " from " + where(response.uri())
                + summary(new String(response.body(), StandardCharsets.UTF_8));
        String id = status >= 200 && status < 300 ? receiverId.apply(response.body()) : "";
        return Delivery.ofHttpStatus(status, id, retryAfter(response), reason);
    }

    private Delivery failure(Throwable cause, String where) {
        if (Failures.find(cause, CappedBody.TooLargeException.class).isPresent()) {
            return new Delivery.PermanentFailure(0, where + " answered with more than " + MAX_ANSWER_BYTES
                    + " bytes: the address is not the service's");
        }
        if (Failures.find(cause, HttpConnectTimeoutException.class).isPresent()) {
            return new Delivery.TransientFailure(0, "cannot connect to " + where + " within "
                    + timeout.toSeconds() + " s");
        }
        if (Failures.find(cause, HttpTimeoutException.class).isPresent()) {
            return noAnswerWithin(where);
        }
        if (Failures.find(cause, SSLException.class).isPresent()) {
            return new Delivery.PermanentFailure(0, "TLS with " + where + " failed (" + Failures.rootMessage(cause)
                    + "): its certificate is not trusted by this server's Java, or it does not speak TLS");
        }
        if (Failures.find(cause, ConnectException.class).isPresent()) {
            return new Delivery.TransientFailure(0, "cannot connect to " + where + ": " + Failures.rootMessage(cause));
        }
        if (Failures.find(cause, UnresolvedAddressException.class).isPresent()) {
            return new Delivery.TransientFailure(0, "the host of " + where + " is unknown");
        }
        return new Delivery.TransientFailure(0, "the exchange with " + where + " failed: "
                + Failures.rootMessage(cause));
    }

    private Delivery noAnswerWithin(String where) {
        return new Delivery.TransientFailure(0, where + " did not answer within " + timeout.toSeconds() + " s");
    }

    /**
     * @param address a channel's address
     * @return its scheme, host and port, without the path or query that may be a secret (a topic, a token)
     */
    public static String where(URI address) {
        return address.getScheme() + "://" + address.getHost() + (address.getPort() < 0 ? "" : ":" + address.getPort());
    }

    private static String summary(String answer) {
        String line = answer.strip().replaceAll("\\s+", " ");
        if (line.isEmpty()) {
            return "";
        }
        return ": " + (line.length() > 200 ? line.substring(0, 199) + "…" : line);
    }

    /**
     * @param response an answer
     * @return its {@code Retry-After} in seconds (RFC 9110, section 10.2.3: delay-seconds or an HTTP-date), if it
     *     has a valid one
     */
    public static OptionalDouble retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).map(value -> {
            try {
                double seconds = Double.parseDouble(value);
                return Double.isFinite(seconds) ? OptionalDouble.of(Math.max(0, seconds)) : OptionalDouble.empty();
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    return OptionalDouble.of(Math.max(0, Duration.between(Instant.now(), at).toMillis() / 1000.0));
                } catch (DateTimeParseException notADate) {
                    return OptionalDouble.empty();
                }
            }
        }).orElse(OptionalDouble.empty());
    }
}
