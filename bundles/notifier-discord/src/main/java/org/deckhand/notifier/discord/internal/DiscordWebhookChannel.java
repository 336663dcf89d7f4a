package org.deckhand.notifier.discord.internal;

import java.util.ArrayList;
import java.util.List;
import org.deckhand.api.notify.Delivery;
import org.deckhand.api.notify.Message;
import org.deckhand.api.notify.NotificationChannel;
import org.deckhand.notifier.discord.internal.payload.PayloadSplitter;
import org.deckhand.notifier.discord.internal.payload.WebhookPayload;
import org.deckhand.notifier.discord.internal.webhook.WebhookSender;

/**
 * A Discord webhook as a notification channel. A notification too long for one Discord message goes as several, in
 * order; when one of them fails, the notifier's next attempt at the same notification (same {@link Message#id()})
 * goes on from that one, so that the parts already delivered are not posted twice while the server runs.
 */
final class DiscordWebhookChannel implements NotificationChannel {

    private final WebhookSender sender;
    private final MessageEmbeds embeds;
    private final PayloadSplitter splitter = new PayloadSplitter();
    private String partlySent;
    private final List<String> deliveredIds = new ArrayList<>();

    DiscordWebhookChannel(WebhookSender sender, MessageEmbeds embeds) {
        this.sender = sender;
        this.embeds = embeds;
    }

    @Override
    public Delivery send(Message message) {
        List<WebhookPayload> parts = splitter.split(embeds.render(message));
        if (!message.id().equals(partlySent)) {
            partlySent = message.id();
            deliveredIds.clear();
        }
        try {
            int status = 200;
            for (int part = deliveredIds.size(); part < parts.size(); part++) {
                Delivery delivery = sender.send(parts.get(part));
                if (!(delivery instanceof Delivery.Delivered delivered)) {
                    return delivery;
                }
                deliveredIds.add(delivered.receiverId());
                status = delivered.statusCode();
            }
            Delivery done = new Delivery.Delivered(String.join(",", deliveredIds), status);
            partlySent = null;
            deliveredIds.clear();
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.TransientFailure(0, "interrupted while waiting for Discord: the channel is stopping");
        }
    }
}
