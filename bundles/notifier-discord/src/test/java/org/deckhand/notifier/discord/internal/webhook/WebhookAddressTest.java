package org.deckhand.notifier.discord.internal.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Only Discord's webhook URLs are taken, and the token never shows. */
class WebhookAddressTest {

    private static final String ID = "1180000000000000042";
    private static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdEfGhIjKlMnOpQrStUvWxYz0123";

    @Test
    void discordsWebhookUrlsAreTakenInTheirUsualForms() {
        for (String url : new String[] {"https://discord.com/api/webhooks/" + ID + "/" + TOKEN,
                " https://discordapp.com/api/webhooks/" + ID + "/" + TOKEN + "/ ",
                "https://ptb.discord.com/api/v10/webhooks/" + ID + "/" + TOKEN,
                "https://canary.discord.com/api/webhooks/" + ID + "/" + TOKEN}) {
            WebhookAddress address = WebhookAddress.parse(url, null);
            assertEquals(ID, address.id());
            assertEquals("https://discord.com/api/webhooks/" + ID + "/" + TOKEN + "?wait=true",
                    address.executeUri().toString());
        }
    }

    @Test
    void otherUrlsAreRefusedWithoutRepeatingThem() {
        for (String url : new String[] {"http://discord.com/api/webhooks/" + ID + "/" + TOKEN,
                "https://discord.com.example.net/api/webhooks/" + ID + "/" + TOKEN,
                "https://example.net/api/webhooks/" + ID + "/" + TOKEN,
                "https://discord.com/api/webhooks/" + ID,
                "https://discord.com/api/webhooks/notanid/" + TOKEN,
                "https://discord.com/api/webhooks/" + ID + "/" + TOKEN + "/slack",
                "https://127.0.0.1:4711/api/webhooks/" + ID + "/" + TOKEN}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> WebhookAddress.parse(url, null), url);
            assertFalse(refused.getMessage().contains(TOKEN), refused.getMessage());
        }
        assertEquals("is not set", assertThrows(IllegalArgumentException.class,
                () -> WebhookAddress.parse("  ", null)).getMessage());
    }

    @Test
    void aStandInIsTakenOnlyUnderTheConfiguredBase() {
        String standIn = "http://127.0.0.1:4711/api/webhooks/" + ID + "/" + TOKEN;
        assertEquals(standIn + "?wait=true",
                WebhookAddress.parse(standIn, "http://127.0.0.1:4711/api/").executeUri().toString());
        assertThrows(IllegalArgumentException.class, () -> WebhookAddress.parse(standIn, "http://127.0.0.1:4712/api"));
    }

    @Test
    void theTokenNeverShows() {
        WebhookAddress address = WebhookAddress.parse("https://discord.com/api/webhooks/" + ID + "/" + TOKEN, null);
        assertEquals("Discord webhook " + ID, address.toString());
        assertEquals("connect to .../webhooks/" + ID + "/*** failed",
                address.redact("connect to .../webhooks/" + ID + "/" + TOKEN + " failed"));
    }
}
