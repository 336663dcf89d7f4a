package org.deckhand.notifier.discord.internal.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import org.deckhand.notifier.discord.internal.DiscordOpenApi;
import org.junit.jupiter.api.Test;

/** Discord's limits as this bundle knows them are the ones its OpenAPI document gives. */
class DiscordLimitsTest {

    private static final JsonNode SCHEMAS = DiscordOpenApi.get().document().path("components").path("schemas");

    private static int limit(String schema, String property, String keyword) {
        JsonNode value = SCHEMAS.path(schema).path("properties").path(property).path(keyword);
        if (!value.isInt()) {
            throw new AssertionError(schema + "." + property + " has no " + keyword + " in Discord's OpenAPI document");
        }
        return value.intValue();
    }

    @Test
    void eachLimitIsTheOneInDiscordsOpenApiDocument() {
        assertEquals(limit("IncomingWebhookRequestPartial", "content", "maxLength"), DiscordLimits.CONTENT);
        assertEquals(limit("IncomingWebhookRequestPartial", "embeds", "maxItems"), DiscordLimits.EMBEDS);
        assertEquals(limit("IncomingWebhookRequestPartial", "username", "maxLength"), DiscordLimits.USERNAME);
        assertEquals(limit("RichEmbed", "title", "maxLength"), DiscordLimits.TITLE);
        assertEquals(limit("RichEmbed", "description", "maxLength"), DiscordLimits.DESCRIPTION);
        assertEquals(limit("RichEmbed", "fields", "maxItems"), DiscordLimits.FIELDS);
        assertEquals(limit("RichEmbedField", "name", "maxLength"), DiscordLimits.FIELD_NAME);
        assertEquals(limit("RichEmbedField", "value", "maxLength"), DiscordLimits.FIELD_VALUE);
        assertEquals(limit("RichEmbedFooter", "text", "maxLength"), DiscordLimits.FOOTER_TEXT);
        assertEquals(limit("RichEmbedAuthor", "name", "maxLength"), DiscordLimits.AUTHOR_NAME);
    }

    @Test
    void aCutTextEndsWithAnEllipsisWithinTheLimit() {
        String cut = DiscordLimits.cut("x".repeat(300), DiscordLimits.TITLE);
        assertEquals(DiscordLimits.TITLE, cut.length());
        assertEquals("x".repeat(255) + "…", cut);
        assertEquals("short", DiscordLimits.cut("short", DiscordLimits.TITLE));
        assertNull(DiscordLimits.cut(null, DiscordLimits.TITLE));
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String records = "\uD83D\uDCBF".repeat(10);
        String cut = DiscordLimits.cut(records, 6);
        assertEquals("\uD83D\uDCBF\uD83D\uDCBF…", cut);
    }
}
