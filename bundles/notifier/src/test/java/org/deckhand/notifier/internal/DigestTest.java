package org.deckhand.notifier.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.api.notify.Kind;
import org.deckhand.api.notify.Level;
import org.deckhand.api.notify.Message;
import org.deckhand.notifier.internal.StandIn.Answer;
import org.deckhand.notifier.internal.delivery.DeliveryPolicy;
import org.deckhand.notifier.internal.digest.DigestCollector;
import org.deckhand.notifier.internal.digest.DigestStore;
import org.deckhand.notifier.internal.digest.EventMapper;
import org.deckhand.notifier.internal.digest.Notice;
import org.deckhand.notifier.internal.store.DigestWindows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bursts of events become a few digest messages; urgent ones skip the window. */
class DigestTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    @TempDir
    Path folder;

    @Test
    void aBurstOfTenThousandLibraryEventsBecomesAFewDigestMessages() throws Exception {
        ObjectMapper json = new ObjectMapper();
        DeliveryPolicy policy = Centers.quickPolicy();
        try (StandIn receiver = new StandIn(request -> Answer.status(204));
                NotificationCenter center = Centers.open(folder, Duration.ofSeconds(15), policy,
                        Duration.ofSeconds(2))) {
            center.create(new ChannelRequest("webhook", null, null, null, null, null,
                    Map.of("url", receiver.uri("/hook").toString())));
            for (int i = 0; i < 10_000; i++) {
                String name = String.format("/music/Artist %d/Track %05d.%s", i % 50, i, i % 3 == 0 ? "mp3" : "flac");
                center.onEvent(Topics.LIBRARY_FILE_ADDED, Map.of(EventProperties.TRACK_ID, (long) i + 1,
                        EventProperties.PATH, name));
            }
            for (int i = 0; i < 3; i++) {
                center.onEvent(Topics.LIBRARY_FILE_REMOVED, Map.of(EventProperties.TRACK_ID, 20_000L + i,
                        EventProperties.PATH, "/music/gone " + i + ".mp3"));
            }
            center.onEvent(Topics.LIBRARY_SCAN_PROGRESS, Map.of(EventProperties.DONE, 10L, EventProperties.TOTAL, 20L));

            Eventually.until("every event is counted in a digest", Duration.ofSeconds(60),
                    () -> events(receiver.requests()) >= 10_003);
            Thread.sleep(1_000);
            List<StandIn.Request> requests = receiver.requests();
            assertTrue(requests.size() <= 3, requests.size() + " messages for a burst of 10,003 events");
            assertEquals(10_003, events(requests), "every event is counted once; progress events are not told");
            JsonNode first = json.readTree(requests.get(0).body());
            if (requests.size() == 1) {
                assertEquals("10,000 tracks added: 6,666 FLAC, 3,334 MP3; 3 tracks gone", first.path("title").asText());
                assertEquals("Tracks added: Track 00000.mp3, Track 00001.flac, Track 00002.flac, Track 00003.mp3, "
                        + "Track 00004.flac and 9,995 more\nTracks gone: gone 0.mp3, gone 1.mp3, gone 2.mp3",
                        first.path("text").asText());
            } else {
                assertTrue(first.path("title").asText().matches("[0-9,]+ tracks added: [0-9,]+ FLAC, [0-9,]+ MP3.*"),
                        first.path("title").asText());
            }
            assertEquals("http://deckhand.test:8080/library", first.path("link").asText());
        }
    }

    @Test
    void aDigestSaysHowManyOfEachFormatWithTheFirstNamesAndASingleEventStaysItself() throws Exception {
        MemoryStore store = new MemoryStore();
        List<Message> sent = store.sent;
        try (DigestCollector digests = new DigestCollector(Duration.ofMinutes(10), Centers.CONSOLE, store,
                java.time.Clock.systemUTC())) {
            for (int i = 0; i < 2_048; i++) {
                String path = "/music/" + (i < 1_310 ? "a" + i + ".flac" : "b" + i + ".MP3");
                digests.add(EventMapper.map(Topics.LIBRARY_FILE_ADDED, Map.of(EventProperties.PATH, path))
                        .orElseThrow());
            }
            for (int i = 0; i < 3; i++) {
                digests.add(EventMapper.map(Topics.LIBRARY_FILE_REMOVED, Map.of(EventProperties.PATH,
                        "/music/x" + i + ".wav")).orElseThrow());
            }
            digests.add(EventMapper.map(Topics.PLUGIN_CHANGED, Map.of(EventProperties.PLUGIN_ID,
                    "org.example.bpm", EventProperties.STATE, "INSTALLED")).orElseThrow());
            assertTrue(sent.isEmpty(), "nothing goes out before the window closes");
        }
        assertTrue(sent.isEmpty(), "a stop sends nothing early");
        assertEquals(2, store.windows.size(), "a stop leaves the windows stored");
        closedAfterTheirTime(store);
        assertEquals(2, sent.size());
        Message library = sent.stream().filter(m -> m.kind() == Kind.LIBRARY).findFirst().orElseThrow();
        assertEquals("2,048 tracks added: 1,310 FLAC, 738 MP3; 3 tracks gone", library.title());
        assertEquals(Level.WARNING, library.level(), "a track gone is a warning, and the digest takes the highest");
        assertEquals(2_051, library.events());
        assertTrue(library.text().startsWith("Tracks added: a0.flac, a1.flac, a2.flac, a3.flac, a4.flac and 2,043 "
                + "more\n"), library.text());
        Message plugin = sent.stream().filter(m -> m.kind() == Kind.PLUGINS).findFirst().orElseThrow();
        assertEquals("Plugin installed: org.example.bpm", plugin.title());
        assertEquals(1, plugin.events());
        assertEquals("http://deckhand.test:8080/plugins", plugin.link().orElseThrow().toString());
    }

    @Test
    void criticalAndSecurityEventsSkipTheWindowAndTheRestWaitsForIt() throws Exception {
        MemoryStore store = new MemoryStore();
        List<Message> sent = store.sent;
        try (DigestCollector digests = new DigestCollector(Duration.ofMinutes(10), Centers.CONSOLE, store,
                java.time.Clock.systemUTC())) {
            digests.add(EventMapper.map(Topics.SECURITY_SIGNIN_THROTTLED, Map.of(
                    EventProperties.CLIENT_ADDRESS, "192.0.2.7", EventProperties.FAILED_COUNT, 10L,
                    EventProperties.WINDOW_SECONDS, 300L)).orElseThrow());
            digests.add(EventMapper.map(Topics.HEALTH_DISK_LOW, disk(900 * MIB, true)).orElseThrow());
            digests.add(EventMapper.map(Topics.HEALTH_FOLDER_MISSING, Map.of(EventProperties.PATH, "/mnt/nas/music",
                    EventProperties.MESSAGE, "the music folder is not there (a network share that dropped out?)"))
                    .orElseThrow());
            digests.add(EventMapper.map(Topics.HEALTH_DISK_LOW, disk(9L * GIB, false)).orElseThrow());
            assertEquals(2, sent.size(), "the security and critical messages went at once; the others wait");
            assertEquals(Kind.SECURITY, sent.get(0).kind());
            assertEquals(Level.WARNING, sent.get(0).level());
            assertEquals("Sign-ins throttled: 10 failed from 192.0.2.7 within 5 minutes", sent.get(0).title());
            assertEquals(Kind.HEALTH, sent.get(1).kind());
            assertEquals(Level.CRITICAL, sent.get(1).level());
            assertEquals("Disk nearly full: 900 MiB free of 500.0 GiB (0.2 %)", sent.get(1).title());
        }
        assertEquals(2, sent.size(), "a stop leaves the open window open");
        closedAfterTheirTime(store);
        assertEquals(3, sent.size(), "the window closes after the restart, its time passed");
        Message health = sent.get(2);
        assertEquals("1 music folder missing; 1 disk low on space", health.title());
        assertEquals(Level.ERROR, health.level(), "a music folder missing is an error, the digest takes the highest");
        assertEquals("Music folders missing: /mnt/nas/music\nDisks low on space: /var/lib/deckhand", health.text());
    }

    @Test
    void eachHealthAndSecurityEventIsToldWithWhatItConcerns() {
        Notice missing = EventMapper.map(Topics.HEALTH_FOLDER_MISSING, Map.of(EventProperties.PATH, "/mnt/nas/music",
                EventProperties.MESSAGE, "the music folder is not there")).orElseThrow();
        assertEquals(List.of("Music folder missing: /mnt/nas/music", "/library"),
                List.of(missing.title(), missing.consolePath()));
        assertTrue(missing.text().startsWith("the music folder is not there\n"), missing.text());
        Notice back = EventMapper.map(Topics.HEALTH_FOLDER_BACK, Map.of(EventProperties.PATH, "/mnt/nas/music"))
                .orElseThrow();
        assertEquals(List.of(Kind.HEALTH, Level.INFO, "Music folder back: /mnt/nas/music"),
                List.of(back.kind(), back.level(), back.title()));
        Notice low = EventMapper.map(Topics.HEALTH_DISK_LOW, disk(9L * GIB, false)).orElseThrow();
        assertEquals(List.of(Level.WARNING, "Disk space low: 9.0 GiB free of 500.0 GiB (1.8 %)"),
                List.of(low.level(), low.title()));
        assertEquals("On the disk that holds /var/lib/deckhand.", low.text());
        Notice bundle = EventMapper.map(Topics.HEALTH_BUNDLE_INACTIVE, Map.of(EventProperties.SYMBOLIC_NAME,
                "org.deckhand.catalog", EventProperties.STATE, "RESOLVED")).orElseThrow();
        assertEquals(List.of(Kind.HEALTH, Level.ERROR, "Bundle not active: org.deckhand.catalog"),
                List.of(bundle.kind(), bundle.level(), bundle.title()));
        assertTrue(bundle.text().startsWith("State: RESOLVED."), bundle.text());

        Notice created = EventMapper.map(Topics.SECURITY_APIKEY_CREATED, Map.of(EventProperties.KEY_ID,
                "0123456789ab", EventProperties.KEY_NAME, "mpd on the living-room pi")).orElseThrow();
        assertEquals(List.of(Kind.SECURITY, "API key created: mpd on the living-room pi", "Key id 0123456789ab"),
                List.of(created.kind(), created.title(), created.text()));
        assertTrue(created.urgent(), "security goes at once");
        Notice revoked = EventMapper.map(Topics.SECURITY_APIKEY_REVOKED, Map.of(EventProperties.KEY_ID,
                "0123456789ab", EventProperties.KEY_NAME, "tablet")).orElseThrow();
        assertEquals("API key revoked: tablet", revoked.title());
        Notice plugin = EventMapper.map(Topics.SECURITY_PLUGIN_UPLOADED, Map.of(EventProperties.PLUGIN_ID,
                "com.example.bpm", EventProperties.VERSION, "1.2.0", EventProperties.PATH,
                "/opt/deckhand/plugins/com.example.bpm.jar")).orElseThrow();
        assertEquals(List.of(Kind.SECURITY, "Plugin uploaded: com.example.bpm 1.2.0", "/plugins"),
                List.of(plugin.kind(), plugin.title(), plugin.consolePath()));
        assertTrue(plugin.text().contains("/opt/deckhand/plugins/com.example.bpm.jar"), plugin.text());
    }

    @Test
    void aTopicAPluginPostsUnderHealthOrSecurityIsToldTheGenericWay() {
        Notice notice = EventMapper.map(Topics.ROOT + "security/vpn/DOWN", Map.of(EventProperties.MESSAGE,
                "the WireGuard tunnel is down", EventMapper.LEVEL_PROPERTY, "ERROR")).orElseThrow();

        assertEquals(List.of(Kind.SECURITY, Level.ERROR, "Security vpn down", "the WireGuard tunnel is down"),
                List.of(notice.kind(), notice.level(), notice.title(), notice.text()));
    }

    @Test
    void aThrottledAddressReachesTheWebhookAtOnceThoughTheWindowIsLong() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (StandIn receiver = new StandIn(request -> Answer.status(204));
                NotificationCenter center = Centers.open(folder, Duration.ofMinutes(10), Centers.quickPolicy(),
                        Duration.ofSeconds(2))) {
            center.create(new ChannelRequest("webhook", null, null, null, null, null,
                    Map.of("url", receiver.uri("/hook").toString())));

            center.onEvent(Topics.SECURITY_SIGNIN_THROTTLED, Map.of(EventProperties.CLIENT_ADDRESS, "192.0.2.7",
                    EventProperties.FAILED_COUNT, 10L, EventProperties.WINDOW_SECONDS, 300L));

            JsonNode message = json.readTree(receiver.await(1, WAIT).get(0).body());
            assertEquals("Sign-ins throttled: 10 failed from 192.0.2.7 within 5 minutes",
                    message.path("title").asText());
            assertEquals("security", message.path("kind").asText());
        }
    }

    @Test
    void aWindowStoredUnderALongerSettingClosesByTheShorterOneAfterTheRestart() throws Exception {
        MemoryStore store = new MemoryStore();
        try (DigestCollector hourly = new DigestCollector(Duration.ofHours(1), Centers.CONSOLE, store,
                java.time.Clock.systemUTC())) {
            hourly.add(EventMapper.map(Topics.LIBRARY_FILE_ADDED, Map.of(EventProperties.PATH, "/music/a.flac"))
                    .orElseThrow());
        }
        assertEquals(1, store.windows.size(), "the stop leaves the window stored, to close an hour after it opened");

        try (DigestCollector quick = new DigestCollector(Duration.ofMillis(300), Centers.CONSOLE, store,
                java.time.Clock.systemUTC())) {
            quick.reopen();
            Eventually.until("the window closes by the new setting", Duration.ofSeconds(5),
                    () -> store.sent.size() == 1);
        }
        assertEquals("Track added: a.flac", store.sent.get(0).title());
        assertTrue(store.windows.isEmpty());
    }

    /** Keeps the windows and the messages in memory. */
    static final class MemoryStore implements DigestStore {
        final List<Message> sent = new CopyOnWriteArrayList<>();
        final Map<Kind, DigestWindows.Stored> windows = new ConcurrentHashMap<>();

        @Override
        public void publish(Message message) {
            sent.add(message);
        }

        @Override
        public void save(DigestWindows.Stored window) {
            windows.put(window.kind(), window);
        }

        @Override
        public void close(Kind kind, Message digest) {
            sent.add(digest);
            windows.remove(kind);
        }

        @Override
        public List<DigestWindows.Stored> open() {
            return List.copyOf(windows.values());
        }
    }

    /** @return how many events the digests the receiver took tell of */
    private static long events(List<StandIn.Request> requests) {
        long events = 0;
        for (StandIn.Request request : requests) {
            try {
                events += new ObjectMapper().readTree(request.body()).path("events").asLong();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return events;
    }

    /** Takes the stored windows up again, as the next start does, 11 minutes later: their 10 minutes passed. */
    private static void closedAfterTheirTime(MemoryStore store) throws InterruptedException {
        ShiftedClock later = new ShiftedClock();
        later.shift(Duration.ofMinutes(11));
        int before = store.sent.size();
        int windows = store.windows.size();
        try (DigestCollector restarted = new DigestCollector(Duration.ofMinutes(10), Centers.CONSOLE, store, later)) {
            restarted.reopen();
            Eventually.until("the stored windows close", WAIT, () -> store.sent.size() == before + windows);
        }
    }

    private static Map<String, Object> disk(long freeBytes, boolean nearlyFull) {
        return Map.of(EventProperties.PATH, "/var/lib/deckhand", EventProperties.FREE_BYTES, freeBytes,
                EventProperties.SIZE_BYTES, 500L * GIB, EventProperties.NEARLY_FULL, nearlyFull);
    }

    @Test
    void aMixIsToldWhenItStartsAndStopsAndARenderWhenItEndsButNotEachTrackOrProgress() {
        assertEquals("Mix started: Vv51K8qJ", EventMapper.map(Topics.MIXER_MIX_STARTED, Map.of(
                EventProperties.MIX_ID, "Vv51K8qJ", EventProperties.TOTAL, 12L)).orElseThrow().title());
        assertEquals("/mixes/Vv51K8qJ", EventMapper.map(Topics.MIXER_MIX_STOPPED, Map.of(
                EventProperties.MIX_ID, "Vv51K8qJ", EventProperties.STATE, "ENDED")).orElseThrow().consolePath());
        assertEquals(Level.ERROR, EventMapper.map(Topics.MIXER_RENDER_FAILED, Map.of(EventProperties.MIX_ID, "a",
                EventProperties.PATH, "/data/renders/a.mp3", EventProperties.MESSAGE, "disk full")).orElseThrow()
                .level());
        assertTrue(EventMapper.map(Topics.MIXER_MIX_TRACK_CHANGED, Map.of(EventProperties.MIX_ID, "a",
                EventProperties.TRACK_NAME, "Artist - Title")).isEmpty(), "a transition is no message");
        assertTrue(EventMapper.map(Topics.MIXER_RENDER_PROGRESS, Map.of(EventProperties.MIX_ID, "a",
                EventProperties.PROGRESS, 0.5)).isEmpty(), "progress is no message");
    }
}
