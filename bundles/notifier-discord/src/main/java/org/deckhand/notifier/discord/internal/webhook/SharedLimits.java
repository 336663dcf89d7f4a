package org.deckhand.notifier.discord.internal.webhook;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Discord's rate limits as they hold this server, shared by all its Discord webhook channels: the global limit (a
 * 429 with {@code global: true} stops every request to Discord from this address until it ends), and each
 * rate-limit bucket, which Discord names in {@code X-RateLimit-Bucket} and which channels posting to the same
 * webhook share. Before Discord has named a webhook's bucket, the webhook is its own.
 */
public final class SharedLimits {

    private Instant globalFree = Instant.MIN;
    private final Map<String, String> bucketOfWebhook = new HashMap<>();
    private final Map<String, Instant> bucketFree = new HashMap<>();

    /**
     * @param webhookId a webhook's id
     * @return when a request to it may go, {@link Instant#MIN} when nothing holds it
     */
    synchronized Instant free(String webhookId) {
        Instant bucket = bucketFree.getOrDefault(bucket(webhookId), Instant.MIN);
        return bucket.isAfter(globalFree) ? bucket : globalFree;
    }

    /**
     * @param webhookId a webhook's id
     * @param bucket the bucket Discord named for it
     */
    synchronized void bucketIs(String webhookId, String bucket) {
        bucketOfWebhook.put(webhookId, bucket);
    }

    /**
     * @param webhookId a webhook's id
     * @param end when its bucket takes requests again
     */
    synchronized void holdBucket(String webhookId, Instant end) {
        bucketFree.merge(bucket(webhookId), end, (held, asked) -> asked.isAfter(held) ? asked : held);
    }

    /** @param end when Discord's global rate limit ends; an earlier end than the one held is ignored */
    synchronized void holdGlobally(Instant end) {
        if (end.isAfter(globalFree)) {
            globalFree = end;
        }
    }

    private String bucket(String webhookId) {
        return bucketOfWebhook.getOrDefault(webhookId, "webhook " + webhookId);
    }
}
