package org.deckhand.notifier.discord.internal.payload;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * The body of one execution of a Discord webhook ({@code POST /webhooks/{webhook.id}/{webhook.token}}, Discord
 * developer documentation, "Execute Webhook"; schema {@code IncomingWebhookRequestPartial} of Discord's OpenAPI
 * document): as JSON, with {@code attachments} describing the file sent beside it as {@code files[0]} in a
 * {@code multipart/form-data} body.
 *
 * @param content the message's text, or {@code null}; at most {@link DiscordLimits#CONTENT} characters
 * @param username the name the message is posted under, replacing the webhook's own, or {@code null}
 * @param embeds the rich embeds, at most {@link DiscordLimits#EMBEDS}; never {@code null}
 * @param attachments the files' descriptions, one per file, {@code id} "0" for {@code files[0]}; never {@code null}
 * @param cover the file sent with the message (the track's cover art), or {@code null}; not part of the JSON
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record WebhookPayload(String content, String username, List<Embed> embeds,
        List<AttachmentRef> attachments, @JsonIgnore CoverArt cover) {

    public WebhookPayload {
        embeds = List.copyOf(embeds);
        attachments = List.copyOf(attachments);
    }

    /**
     * @return the {@code allowed_mentions} object that keeps the message from pinging anyone: a track titled
     *         "@everyone" stays text
     */
    @JsonProperty("allowed_mentions")
    public AllowedMentions allowedMentions() {
        return AllowedMentions.NONE;
    }

    /** @return the file sent with the message, if any */
    public Optional<CoverArt> coverArt() {
        return Optional.ofNullable(cover);
    }

    /** Discord's {@code allowed_mentions} object with an empty {@code parse} list: no mention pings anybody. */
    public record AllowedMentions(@JsonInclude(JsonInclude.Include.ALWAYS) List<String> parse) {
        static final AllowedMentions NONE = new AllowedMentions(List.of());
    }

    /**
     * An entry of {@code attachments}: the file part {@code files[id]} and its name.
     *
     * @param id the index of the file part as a snowflake string, {@code "0"} for {@code files[0]} (the schema's
     *        {@code SnowflakeType})
     * @param filename the file's name, as embeds refer to it with {@code attachment://filename}
     */
    public record AttachmentRef(String id, String filename) {
    }
}
