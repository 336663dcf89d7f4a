package org.deckhand.notifier.discord.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The stand-in's validation refuses what Discord's OpenAPI document refuses, down to the embeds' fields. */
class DiscordOpenApiTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode body(String text) throws Exception {
        return json.readTree(text.replace('\'', '"'));
    }

    @Test
    void aValidMessagePasses() throws Exception {
        JsonNode valid = body("{'content':'2,048 tracks added','embeds':[{'title':'Scan','color':3447003,"
                + "'fields':[{'name':'FLAC','value':'1,310','inline':true}],'thumbnail':{'url':'attachment://cover.jpg'},"
                + "'timestamp':'2026-12-07T12:00:00Z'}],'attachments':[{'id':'0','filename':'cover.jpg'}]}");
        assertEquals(java.util.List.of(), DiscordOpenApi.get().executeWebhookErrors(valid, true));
    }

    @Test
    void tooLongTextsTooManyEmbedsAndBadColoursAreRefused() throws Exception {
        DiscordOpenApi api = DiscordOpenApi.get();
        String longContent = "{'content':'" + "x".repeat(2001) + "'}";
        assertFalse(api.executeWebhookErrors(body(longContent), false).isEmpty(), "2,001 characters of content");
        String elevenEmbeds = "{'embeds':[" + "{'title':'t'},".repeat(10) + "{'title':'t'}]}";
        assertFalse(api.executeWebhookErrors(body(elevenEmbeds), false).isEmpty(), "11 embeds");
        String longValue = "{'embeds':[{'fields':[{'name':'n','value':'" + "v".repeat(1025) + "'}]}]}";
        assertFalse(api.executeWebhookErrors(body(longValue), false).isEmpty(), "a field value of 1,025");
        String noValue = "{'embeds':[{'fields':[{'name':'n'}]}]}";
        assertFalse(api.executeWebhookErrors(body(noValue), false).isEmpty(), "a field without a value");
        String colour = "{'embeds':[{'color':16777216}]}";
        assertFalse(api.executeWebhookErrors(body(colour), false).isEmpty(), "a colour beyond 0xFFFFFF");
        String longFooter = "{'embeds':[{'footer':{'text':'" + "f".repeat(2049) + "'}}]}";
        assertFalse(api.executeWebhookErrors(body(longFooter), true).isEmpty(), "a footer of 2,049, multipart");
    }
}
