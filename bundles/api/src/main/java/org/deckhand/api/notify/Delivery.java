package org.deckhand.api.notify;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What became of one attempt to send a message: the answer of {@link NotificationChannel#send(Message)}. The
 * notifier acts on it: a {@link Delivered} message is marked so in the outbox; after {@link RetryAfter} the channel
 * waits exactly the time the receiver asked; a {@link TransientFailure} is retried with exponential backoff and
 * jitter and counts towards the channel's circuit breaker; a {@link Rejected} message is marked rejected in the
 * outbox and history, with the receiver's code and reason, and the channel goes on with its next message (the
 * receiver refused this message, not the channel); a {@link PermanentFailure} stops the channel until the user
 * changes its settings, and its messages wait in the outbox.
 *
 * <p>A status code is the receiver's own response code: an HTTP status (RFC 9110, section 15) or an SMTP reply code
 * (RFC 5321, section 4.2); 0 when there was no answer (the host was unreachable, the connection failed, the
 * receiver was too slow).
 */
public sealed interface Delivery {

    /** @return the receiver's response code, 0 when it gave none */
    int statusCode();

    /**
     * The receiver confirmed the message.
     *
     * @param receiverId the id the receiver gave the message (a ntfy or Gotify message id, a Discord message id),
     *     empty when it gives none
     * @param statusCode the receiver's response code, such as 200
     */
    record Delivered(String receiverId, int statusCode) implements Delivery {

        /** @throws NullPointerException if {@code receiverId} is null */
        public Delivered {
            Objects.requireNonNull(receiverId, "receiverId");
        }
    }

    /**
     * The receiver asked to wait before the next attempt (an HTTP 429 or 503 with {@code Retry-After}, Discord's
     * {@code retry_after}).
     *
     * @param seconds how long to wait before any further message goes to this channel, in seconds (fractions
     *     allowed), at least 0
     * @param statusCode the receiver's response code, such as 429
     * @param reason what the receiver said, for the user, without secrets
     */
    record RetryAfter(double seconds, int statusCode, String reason) implements Delivery {

        /**
         * @throws NullPointerException if {@code reason} is null
         * @throws IllegalArgumentException if {@code seconds} is negative or not a number
         */
        public RetryAfter {
            Objects.requireNonNull(reason, "reason");
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                throw new IllegalArgumentException("A retry-after of " + seconds + " s");
            }
        }
    }

    /**
     * The attempt failed in a way that may pass: a 5xx answer, a timeout, an unreachable host, an answer too long
     * to read.
     *
     * @param statusCode the receiver's response code, 0 when there was no answer
     * @param reason what went wrong, for the user, without secrets
     */
    record TransientFailure(int statusCode, String reason) implements Delivery {

        /** @throws NullPointerException if {@code reason} is null */
        public TransientFailure {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The receiver refused this one message and would refuse it again, but the channel itself works: it found the
     * message malformed (400), too large (413, an SMTP 552) or not processable (422), or a mail server refused its
     * content (an SMTP 554). The notifier marks the message rejected, does not send it again, and goes on with the
     * channel's next message. A channel that cannot tell whether the refusal concerns the message or every message
     * answers {@link PermanentFailure}.
     *
     * @param statusCode the receiver's response code, such as 413
     * @param reason what the receiver said, for the user, without secrets
     * @since 1.2
     */
    record Rejected(int statusCode, String reason) implements Delivery {

        /** @throws NullPointerException if {@code reason} is null */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The attempt failed in a way that retrying will not mend and that concerns every message of the channel: the
     * receiver refused the credentials (401, 403, an SMTP 535), the address is gone (404, 410), or it does not take
     * what the channel sends there (another 4xx, such as 405).
     *
     * @param statusCode the receiver's response code, 0 when the failure is not the receiver's answer
     * @param reason what went wrong and what the user should change, without secrets
     */
    record PermanentFailure(int statusCode, String reason) implements Delivery {

        /** @throws NullPointerException if {@code reason} is null */
        public PermanentFailure {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Classifies an HTTP answer in the way every HTTP channel should: 2xx delivered; 429, and 503 with a
     * {@code Retry-After}, a wait; 408, 425, 429 without a wait and other 5xx transient; 400, 409, 413, 414, 415 and
     * 422, which refuse the request's content, rejected (this message only, since 1.2); other 4xx (401, 403, 404,
     * 405, 410...) and 3xx (a redirect that was not followed) permanent.
     *
     * @param status the HTTP status code (RFC 9110, section 15)
     * @param receiverId the id the receiver gave the message, empty when none
     * @param retryAfterSeconds the wait the answer asked for, in seconds ({@code Retry-After}, RFC 9110 section
     *     10.2.3), if it asked
     * @param reason what the receiver said, for the user, without secrets
     * @return the outcome
     */
    static Delivery ofHttpStatus(int status, String receiverId, OptionalDouble retryAfterSeconds, String reason) {
        if (status >= 200 && status < 300) {
            return new Delivered(receiverId, status);
        }
        if ((status == 429 || status == 503) && retryAfterSeconds.isPresent()) {
            return new RetryAfter(Math.max(0, retryAfterSeconds.getAsDouble()), status, reason);
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return new TransientFailure(status, reason);
        }
        if (status == 400 || status == 409 || status == 413 || status == 414 || status == 415 || status == 422) {
            return new Rejected(status, reason);
        }
        return new PermanentFailure(status, reason);
    }
}
