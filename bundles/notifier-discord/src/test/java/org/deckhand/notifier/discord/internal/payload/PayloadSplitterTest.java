package org.deckhand.notifier.discord.internal.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.deckhand.notifier.discord.internal.DiscordOpenApi;
import org.deckhand.notifier.discord.internal.payload.Embed.EmbedAuthor;
import org.deckhand.notifier.discord.internal.payload.Embed.EmbedField;
import org.deckhand.notifier.discord.internal.payload.Embed.EmbedFooter;
import org.deckhand.notifier.discord.internal.payload.Embed.EmbedMedia;
import org.deckhand.notifier.discord.internal.payload.WebhookPayload.AttachmentRef;
import org.junit.jupiter.api.Test;

/**
 * Any message, however long, leaves the splitter as messages that Discord's OpenAPI document and its 6,000-character
 * rule accept, with every field kept, in order.
 */
class PayloadSplitterTest {

    private final ObjectMapper json = new ObjectMapper();
    private final PayloadSplitter splitter = new PayloadSplitter();

    private void assertDiscordTakes(WebhookPayload payload) {
        JsonNode node = json.valueToTree(payload);
        assertEquals(List.of(), DiscordOpenApi.get().executeWebhookErrors(node, payload.coverArt().isPresent()),
                "the schema's errors for " + node);
        int total = payload.embeds().stream().mapToInt(Embed::countedLength).sum();
        assertTrue(total <= DiscordLimits.EMBEDS_TOTAL, total + " characters of embeds");
    }

    private static Embed embed(String title, String description, List<EmbedField> fields) {
        return new Embed(title, description, null, 0x3498DB, "2026-12-07T12:00:00Z", new EmbedAuthor("Deckhand"),
                null, fields, new EmbedFooter("Deckhand · Library · 2,048 events"));
    }

    @Test
    void aLongDigestIsSplitIntoMessagesDiscordAcceptsWithEveryFieldKeptInOrder() {
        List<EmbedField> fields = IntStream.range(0, 60)
                .mapToObj(i -> new EmbedField("Album " + i, "Track ".repeat(200) + i, false)).toList();
        WebhookPayload digest = new WebhookPayload(null, "Deckhand",
                List.of(embed("2,048 tracks added: " + "x".repeat(300), "y".repeat(5000), fields)), List.of(), null);

        List<WebhookPayload> messages = splitter.split(digest);

        assertTrue(messages.size() > 1, "one message for " + fields.size() + " long fields");
        messages.forEach(this::assertDiscordTakes);
        List<String> names = new ArrayList<>();
        messages.forEach(message -> message.embeds().forEach(embed -> embed.fields()
                .forEach(field -> names.add(field.name()))));
        assertEquals(fields.stream().map(EmbedField::name).toList(), names);
        Embed first = messages.get(0).embeds().get(0);
        assertEquals(DiscordLimits.TITLE, first.title().length());
        assertTrue(first.description().endsWith("…"));
        messages.forEach(message -> message.embeds().forEach(embed -> embed.fields().forEach(field ->
                assertTrue(field.value().length() <= DiscordLimits.FIELD_VALUE && field.value().endsWith("…")))));
        Embed last = messages.get(messages.size() - 1).embeds().get(messages.get(messages.size() - 1).embeds()
                .size() - 1);
        assertEquals("Deckhand · Library · 2,048 events", last.footer().text());
    }

    @Test
    void elevenEmbedsGoInTwoMessages() {
        List<Embed> embeds = IntStream.range(0, 11).mapToObj(i -> embed("Scan " + i, "done", List.of())).toList();

        List<WebhookPayload> messages = splitter.split(new WebhookPayload(null, null, embeds, List.of(), null));

        assertEquals(List.of(10, 1), messages.stream().map(message -> message.embeds().size()).toList());
        messages.forEach(this::assertDiscordTakes);
    }

    @Test
    void embedsOverSixThousandCharactersInAllGoInSeveralMessages() {
        List<Embed> embeds = IntStream.range(0, 4).mapToObj(i -> embed("Problems " + i, "z".repeat(2500),
                List.of())).toList();

        List<WebhookPayload> messages = splitter.split(new WebhookPayload(null, null, embeds, List.of(), null));

        assertEquals(2, messages.size());
        messages.forEach(this::assertDiscordTakes);
        assertEquals(4, messages.stream().mapToInt(message -> message.embeds().size()).sum());
    }

    @Test
    void aLongTextIsSplitAtLineBreaksWithNothingLost() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append("Broken file: /music/Artist ").append(i).append("/track.flac\n");
        }
        String content = text.toString().strip();

        List<WebhookPayload> messages = splitter.split(new WebhookPayload(content, null, List.of(), List.of(),
                null));

        assertTrue(messages.size() >= 5, messages.size() + " messages");
        messages.forEach(this::assertDiscordTakes);
        assertEquals(content, String.join("\n", messages.stream().map(WebhookPayload::content).toList()));
    }

    @Test
    void theCoverArtGoesWithTheFirstMessageOnly() {
        CoverArt cover = new CoverArt("cover.jpg", "image/jpeg", new byte[] {1, 2, 3});
        List<Embed> embeds = new ArrayList<>();
        embeds.add(new Embed("Tracks added", null, null, 1, null, null, new EmbedMedia(cover.attachmentUrl()),
                List.of(), null));
        IntStream.range(0, 12).forEach(i -> embeds.add(embed("More " + i, "more", List.of())));

        List<WebhookPayload> messages = splitter.split(new WebhookPayload(null, null, embeds,
                List.of(new AttachmentRef("0", "cover.jpg")), cover));

        assertDiscordTakes(messages.get(0));
        assertSame(cover, messages.get(0).cover());
        assertEquals(List.of(new AttachmentRef("0", "cover.jpg")), messages.get(0).attachments());
        messages.subList(1, messages.size()).forEach(message -> {
            assertTrue(message.coverArt().isEmpty() && message.attachments().isEmpty());
            assertDiscordTakes(message);
        });
    }

    @Test
    void emptyFieldsGetTheZeroWidthSpaceDiscordShows() {
        List<WebhookPayload> messages = splitter.split(new WebhookPayload(null, null,
                List.of(embed("t", null, List.of(new EmbedField("", "", true)))), List.of(), null));

        EmbedField field = messages.get(0).embeds().get(0).fields().get(0);
        assertEquals(PayloadSplitter.EMPTY_FIELD, field.name());
        assertEquals(PayloadSplitter.EMPTY_FIELD, field.value());
    }
}
