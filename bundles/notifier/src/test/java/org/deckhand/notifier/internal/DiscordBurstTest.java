package org.deckhand.notifier.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.notifier.discord.internal.DiscordStandIn;
import org.deckhand.notifier.discord.internal.DiscordWebhookChannelType;
import org.deckhand.notifier.discord.internal.DiscordWebhookConfiguration;
import org.deckhand.testing.database.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's burst, end to end through the Discord webhook channel: 10,000 library events become a few digest
 * messages at the loopback stand-in of Discord, each a request that Discord's OpenAPI document accepts, with every
 * event counted and no 429 beyond Discord's first.
 */
class DiscordBurstTest {

    private static final Pattern ADDED = Pattern.compile("^([0-9,]+) tracks? added");
    private static final String WEBHOOK = "1180000000000000077";

    @TempDir
    Path folder;

    @Test
    void aBurstOfTenThousandLibraryEventsIsAFewDiscordMessagesAndNo429BeyondDiscordsFirst() throws Exception {
        DiscordStandIn discord = new DiscordStandIn(Clock.systemUTC());
        DiscordWebhookChannelType type = new DiscordWebhookChannelType(configuration(discord.apiBase()));
        try (discord; NotificationCenter center = new NotificationCenter(folder, TestDatabases.engine(),
                Centers.settings(Duration.ofSeconds(15), Centers.quickPolicy()), List.of(type), Clock.systemUTC())) {
            center.create(new ChannelRequest("discord-webhook", null, null, null, null, 30,
                    Map.of("url", discord.webhook(WEBHOOK))));
            for (int i = 0; i < 10_000; i++) {
                center.onEvent(Topics.LIBRARY_FILE_ADDED, Map.of(EventProperties.TRACK_ID, (long) i + 1,
                        EventProperties.PATH, String.format("/music/Track %05d.%s", i, i % 3 == 0 ? "mp3" : "flac")));
            }

            Eventually.until("every event is told at Discord", Duration.ofSeconds(90),
                    () -> added(discord) >= 10_000);
            Thread.sleep(1_000);
            List<DiscordStandIn.Received> delivered = discord.delivered();
            assertEquals(10_000, added(discord), "every event counted once");
            assertTrue(delivered.size() <= 3, delivered.size() + " Discord messages for a burst of 10,000 events");
            long limited = discord.received().stream().filter(request -> request.status() == 429).count();
            assertTrue(limited <= 1, limited + " answers 429");
            for (DiscordStandIn.Received request : discord.received()) {
                assertEquals(List.of(), request.problems(), "what Discord would refuse in " + request.payload());
            }
        }
    }

    /** @return how many added tracks the embeds delivered so far tell of, from their titles */
    private static long added(DiscordStandIn discord) {
        long added = 0;
        for (DiscordStandIn.Received request : discord.delivered()) {
            for (var embed : request.payload().path("embeds")) {
                Matcher count = ADDED.matcher(embed.path("title").asText());
                if (count.find()) {
                    added += Long.parseLong(count.group(1).replace(",", ""));
                }
            }
        }
        return added;
    }

    /** The channel type's configuration as the server's defaults, with the stand-in's API base accepted. */
    private static DiscordWebhookConfiguration configuration(String apiBase) {
        return new DiscordWebhookConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DiscordWebhookConfiguration.class;
            }

            @Override
            public String api_base() {
                return apiBase;
            }

            @Override
            public int connect_timeout_seconds() {
                return 5;
            }

            @Override
            public int request_timeout_seconds() {
                return 15;
            }

            @Override
            public int longest_wait_seconds() {
                return 10;
            }
        };
    }
}
