package org.deckhand.notifier.discord.internal.webhook;

import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Discord's rate limits for one webhook, as its answers tell them (Discord developer documentation, "Rate
 * Limits"): when {@code X-RateLimit-Remaining} reaches 0, no request to the webhook's bucket
 * ({@code X-RateLimit-Bucket}) goes before {@code X-RateLimit-Reset-After} seconds have passed (the relative
 * header, not {@code X-RateLimit-Reset}, so that the server's clock does not matter); a 429 holds the bucket, or
 * every webhook when its {@code global} flag (or {@code X-RateLimit-Global}) is set, for its {@code retry_after}
 * seconds. Fractional seconds are kept to the nanosecond. The holds are {@link SharedLimits shared} with every
 * channel of the server.
 */
final class RateLimits {

    private final Clock clock;
    private final SharedLimits shared;
    private final String webhookId;

    RateLimits(Clock clock, SharedLimits shared, String webhookId) {
        this.clock = clock;
        this.shared = shared;
        this.webhookId = webhookId;
    }

    /** @return how long the next request must wait, {@link Duration#ZERO} when it may go now */
    Duration waitBeforeNext() {
        Instant now = clock.instant();
        Instant free = shared.free(webhookId);
        return free.isAfter(now) ? Duration.between(now, free) : Duration.ZERO;
    }

    /**
     * Reads an answer's rate-limit headers.
     *
     * @param headers the answer's headers
     */
    void answered(HttpHeaders headers) {
        headers.firstValue("X-RateLimit-Bucket").ifPresent(bucket -> shared.bucketIs(webhookId, bucket));
        Optional<String> remaining = headers.firstValue("X-RateLimit-Remaining");
        Optional<Duration> resetAfter = headers.firstValue("X-RateLimit-Reset-After").flatMap(RateLimits::seconds);
        if (remaining.isPresent() && "0".equals(remaining.get().strip()) && resetAfter.isPresent()) {
            shared.holdBucket(webhookId, clock.instant().plus(resetAfter.get()));
        }
    }

    /**
     * Holds requests after a 429.
     *
     * @param retryAfter the answer's {@code retry_after}
     * @param globally whether every webhook is held, not only this one's bucket
     */
    void limited(Duration retryAfter, boolean globally) {
        Instant free = clock.instant().plus(retryAfter);
        if (globally) {
            shared.holdGlobally(free);
        } else {
            shared.holdBucket(webhookId, free);
        }
    }

    /**
     * @param text a number of seconds, such as {@code 1.234}
     * @return that duration, exact to the nanosecond; empty when the text is not a non-negative number
     */
    static Optional<Duration> seconds(String text) {
        try {
            BigDecimal seconds = new BigDecimal(text.strip());
            if (seconds.signum() < 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos(seconds.movePointRight(9).longValueExact()));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /**
     * @param duration a duration
     * @return it in seconds, with its fraction
     */
    static double inSeconds(Duration duration) {
        return BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9))
                .doubleValue();
    }
}
