package org.deckhand.tracklists.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.TrackMetadata;
import org.deckhand.api.tracklist.BlockedBySiteException;
import org.deckhand.api.tracklist.EntryMatch;
import org.deckhand.api.tracklist.FetchException;
import org.deckhand.api.tracklist.MatchState;
import org.deckhand.api.tracklist.StoredTracklist;
import org.deckhand.api.tracklist.TracklistEntry;
import org.deckhand.catalog.internal.DerbyCatalog;
import org.deckhand.cue.internal.CueSheetService;
import org.deckhand.testing.RecordingEventAdmin;
import org.deckhand.testing.database.TestDatabases;
import org.deckhand.tracklists.internal.Fixtures;
import org.deckhand.tracklists.internal.SiteStandIn;
import org.deckhand.tracklists.internal.fetch.FetcherSettings;
import org.deckhand.tracklists.internal.fetch.PoliteHttpFetcher;
import org.deckhand.tracklists.internal.match.IndexCandidateFinder;
import org.deckhand.tracklists.internal.match.LibraryTrack;
import org.deckhand.tracklists.internal.match.TokenCandidateFinder;
import org.deckhand.tracklists.internal.parse.OneThousandOneSelectors;
import org.deckhand.tracklists.internal.rest.Requests;
import org.deckhand.tracklists.internal.rest.TracklistsResource;
import org.deckhand.tracklists.internal.source.MixesDbSource;
import org.deckhand.tracklists.internal.source.OneThousandOneSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;

/**
 * The import path end to end in one process: the stand-in site on 127.0.0.1 serving the saved pages at the sites'
 * real paths, the real fetcher and its cache, the real sources, the matcher over tracks in a real catalog (Derby),
 * the REST resource's answers.
 */
class TracklistServiceTest {

    private static final String CURBI = "/tracklist/nsgpmht/curbi-tape-06-2021-03-12.html";
    private static final String CAPTCHA = "/tracklist/k1fcbd1/drinks-on-me-drinks-on-decks-001-2021-04-07.html";
    private static final String TRACK_PAGE = "/track/18uj2vdx/john-summit-show-me/index.html";

    @TempDir
    Path data;
    private final SiteStandIn site = new SiteStandIn();
    private final RecordingEventAdmin events = new RecordingEventAdmin();
    private DerbyCatalog catalog;
    private PoliteHttpFetcher fetcher;
    private TracklistService service;
    private TracklistsResource resource;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @BeforeEach
    void start() throws Exception {
        site.page(CURBI, Fixtures.text("1001tracklists/curbi-tape-06-2021-03-12.html"));
        site.page(CAPTCHA, Fixtures.text("1001tracklists/captcha-forward-drinks-on-decks-001-2021-04-07.html"));
        site.page(TRACK_PAGE, Fixtures.text("1001tracklists/track-page-john-summit-show-me-2022-11-13.html"));
        catalog = new DerbyCatalog(data.resolve("catalog"), TestDatabases.engine());
        addTrack("Miley Cyrus", "Midnight Sky (ID Remix)", "/music/miley.flac", 223);
        addTrack("Curbi", "Tape 06 Intro", "/music/other.mp3", 100);
        FetcherSettings defaults = FetcherSettings.defaults("test");
        fetcher = new PoliteHttpFetcher(data.resolve("cache"), new FetcherSettings(defaults.userAgent(),
                defaults.robotName(), Duration.ofMillis(100), defaults.maximumCrawlDelay(), 20,
                Duration.ofMinutes(4), Duration.ofSeconds(2), Duration.ofSeconds(5), 5, 5_000_000,
                Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofDays(30), Duration.ofDays(1), 20, 16));
        List<LibraryTrack> library = new ArrayList<>();
        catalog.forEach(track -> library.add(IndexCandidateFinder.of(track)));
        service = new TracklistService(catalog, fetcher, List.of(
                new OneThousandOneSource(site.base(), OneThousandOneSelectors.CURRENT),
                new MixesDbSource("http://localhost:" + site.at("/").getPort(), "/db/api.php")),
                new TokenCandidateFinder(library), catalog, events, new CueSheetService());
        resource = new TracklistsResource(service, catalog, fetcher);
    }

    private void addTrack(String artist, String title, String path, double seconds) {
        String format = path.substring(path.lastIndexOf('.') + 1);
        catalog.add(new AudioFile(Path.of(path), 1000, Instant.EPOCH, format, path, null), new TrackMetadata(format,
                new Tags(title, List.of(artist), null, null, null, null, null, null, null, null, null, null, null),
                new AudioProperties(format, seconds, 320, 44_100, 16, 2, false), ReplayGain.NONE, false, List.of()),
                Instant.EPOCH);
    }

    @AfterEach
    void stop() throws Exception {
        fetcher.close();
        catalog.close();
        site.close();
    }

    private List<String> topics() {
        return events.all().stream().map(Event::getTopic).toList();
    }

    @Test
    void anAddressIsImportedMatchedKeptAndAnnouncedAndASecondImportMakesNoRequest() throws Exception {
        Response created = resource.importTracklist(new Requests.ImportRequest(site.base() + CURBI, null, null, null));
        assertEquals(201, created.getStatus());
        JsonNode view = json.valueToTree(created.getEntity());
        assertEquals("Curbi @ Tape 06 2021-03-12", view.path("title").asText());
        assertEquals(27, view.path("counts").path("entries").asInt());
        JsonNode miley = null;
        for (JsonNode entry : view.path("entries")) {
            if ("Miley Cyrus".equals(entry.path("artist").asText())) {
                miley = entry;
            }
        }
        assertEquals("MATCHED", miley.path("match").path("state").asText(), miley.toString());
        assertEquals("/music/miley.flac", miley.path("match").path("track").path("path").asText());
        assertEquals("10:46", miley.path("cue").asText());
        assertEquals(1, view.path("counts").path("matched").asInt());
        assertEquals(List.of(Topics.TRACKLISTS_IMPORTED, Topics.TRACKLISTS_MATCHED), topics());
        long id = view.path("id").asLong();
        assertEquals(id, events.all().get(0).getProperty(EventProperties.TRACKLIST_ID));

        int position = miley.path("position").asInt();
        service.setMatch(id, position - 1, catalogId("/music/other.mp3"), false);
        long requests = site.count(CURBI);
        StoredTracklist again = service.importAddress(site.base() + CURBI);
        assertEquals(id, again.id(), "the same address is the same tracklist");
        assertEquals(requests, site.count(CURBI), "served from the cache");
        assertEquals(EntryMatch.confirmed(catalogId("/music/other.mp3")), again.matches().get(position - 2),
                "a confirmed match is kept");
        assertEquals(1, service.list("curbi", 10).size());
        assertEquals(1, service.list("midnight sky", 10).size());
    }

    private long catalogId(String path) {
        return catalog.findByPath(Path.of(path)).map(CatalogTrack::id).orElseThrow();
    }

    @Test
    void ownedAndMissingAsJsonCsvAndM3u() throws Exception {
        long id = service.importAddress(site.base() + CURBI).id();
        String m3u = (String) resource.owned(id, "m3u").getEntity();
        assertEquals("#EXTM3U\n#EXTINF:223,Miley Cyrus - Midnight Sky (ID Remix)\n/music/miley.flac\n", m3u);
        String csv = (String) resource.missing(id, "csv").getEntity();
        assertTrue(csv.startsWith("position,cue,artist,title,remix,label,state,trackId,path\r\n"), csv);
        assertTrue(csv.contains(",\"Chico Rose x 71 Digits & Bancali vs. AC Slater & Curbi\"") || csv.contains(
                ",Chico Rose x 71 Digits & Bancali vs. AC Slater & Curbi,"), csv);
        JsonNode missing = json.valueToTree(resource.missing(id, "json").getEntity());
        JsonNode view = json.valueToTree(resource.get(id));
        assertEquals(view.path("counts").path("missing").asInt(), missing.size());
        assertTrue(missing.size() >= 15, missing.toString());
        missing.forEach(entry -> assertEquals("MISSING", entry.path("match").path("state").asText()));
        WebApplicationException noFiles = assertThrows(WebApplicationException.class, () -> resource.missing(id,
                "m3u"));
        assertEquals(406, noFiles.getResponse().getStatus());
    }

    @Test
    void aCaptchaIsBlockedAnnouncedAndNotRetried() {
        BlockedBySiteException blocked = assertThrows(BlockedBySiteException.class,
                () -> service.importAddress(site.base() + CAPTCHA));
        assertTrue(blocked.getMessage().contains("open the page in a browser"));
        assertTrue(topics().contains(Topics.TRACKLISTS_BLOCKED), topics().toString());
        assertEquals(1, site.count(CAPTCHA));
        WebApplicationException again = assertThrows(WebApplicationException.class, () -> resource.importTracklist(
                new Requests.ImportRequest(site.base() + CURBI, null, null, null)));
        assertEquals(503, again.getResponse().getStatus());
        assertEquals(0, site.count(CURBI), "the blocked site gets no request");
        assertEquals(1, fetcher.statistics().hosts().size());
    }

    @Test
    void errorsAreTheApisStatuses() {
        WebApplicationException track = assertThrows(WebApplicationException.class, () -> resource.importTracklist(
                new Requests.ImportRequest(site.base() + TRACK_PAGE, null, null, null)));
        assertEquals(422, track.getResponse().getStatus());
        assertTrue(track.getMessage().contains("not a tracklist page"), track.getMessage());
        WebApplicationException unknown = assertThrows(WebApplicationException.class, () -> resource.importTracklist(
                new Requests.ImportRequest("https://example.org/set.html", null, null, null)));
        assertEquals(400, unknown.getResponse().getStatus());
        assertTrue(unknown.getMessage().contains("1001Tracklists"), unknown.getMessage());
        assertEquals(400, assertThrows(WebApplicationException.class, () -> resource.importTracklist(
                new Requests.ImportRequest(null, null, null, null))).getResponse().getStatus());
        assertEquals(404, assertThrows(WebApplicationException.class, () -> resource.get(999)).getResponse()
                .getStatus());
        site.robots("User-agent: *\nDisallow: /tracklist/\n");
        site.page("/tracklist/a/b.html", "<html></html>");
        assertEquals(502, assertThrows(WebApplicationException.class, () -> resource.importTracklist(
                new Requests.ImportRequest(site.base() + "/nowhere.html", null, null, null))).getResponse().getStatus(),
                "a 404 from the site");
    }

    @Test
    void mixesDbIsImportedThroughItsApiAndTextAsPasted() throws Exception {
        site.json("/db/api.php", "{\"error\":{\"code\":\"missingtitle\",\"info\":\"The page you specified"
                + " doesn't exist.\"}}");
        String page = "http://localhost:" + site.at("/").getPort() + "/w/2019-06-01_-_Simon_Doty_@_Anjunadeep";
        WebApplicationException missing = assertThrows(WebApplicationException.class, () -> resource.importTracklist(
                new Requests.ImportRequest(page, null, null, null)));
        assertEquals(422, missing.getResponse().getStatus());
        site.json("/db/api.php", "{\"parse\":{\"title\":\"2019-06-01 - Simon Doty @ Anjunadeep\",\"pageid\":1,"
                + "\"wikitext\":\"== Tracklist ==\\n# [00] Curbi - Tape 06 Intro\\n# [05] ?\\n\"}}");
        StoredTracklist mix = service.importAddress(page);
        assertEquals("mixesdb", mix.tracklist().source());
        assertEquals(List.of("Simon Doty"), mix.tracklist().djs());
        assertEquals(MatchState.MATCHED, mix.matches().get(0).state());
        assertEquals(MatchState.UNMATCHABLE, mix.matches().get(1).state());
        assertEquals(2, site.count("/db/api.php"), "the error answer was not kept in the cache");
        assertTrue(site.received().stream().anyMatch(r -> r.path().equals("/db/api.php")
                && r.query().contains("page=2019-06-01+-+Simon+Doty+%40+Anjunadeep")), site.received().toString());

        StoredTracklist pasted = service.importText("01. [0:00] Curbi - Tape 06 Intro\n02. [3:10] Bicep - Glue",
                "My set");
        assertEquals("text", pasted.tracklist().source());
        assertNull(pasted.tracklist().address());
        List<TracklistEntry> entries = pasted.tracklist().entries();
        assertEquals(190.0, entries.get(1).cueSeconds());
        assertEquals(MatchState.MISSING, pasted.matches().get(1).state());
        assertThrows(IllegalArgumentException.class, () -> service.importText("\n\n", null));
    }

    @Test
    void aRecordingIsLinkedToItsTracklist() throws Exception {
        addTrack("Curbi", "Tape 06 (full set)", "/music/curbi-tape-06.flac", 2753);
        long recording = catalogId("/music/curbi-tape-06.flac");
        long id = service.importAddress(site.base() + CURBI).id();
        assertEquals(recording, service.link(recording, id).recordingTrackId());
        assertEquals(id, service.forRecording(recording).id());
        assertThrows(java.util.NoSuchElementException.class, () -> service.link(99_999, id));
    }

    @Test
    void theCueSheetBesideARecordingIsItsTracklistAndTheRecordingGetsASheetFromItsTracklist() throws Exception {
        Path folder = java.nio.file.Files.createDirectories(data.resolve("music"));
        Path recording = folder.resolve("curbi-tape-06.flac");
        java.nio.file.Files.write(recording, new byte[0]);
        java.nio.file.Files.writeString(folder.resolve("curbi-tape-06.cue"), "REM DATE 2021-03-12\r\n"
                + "PERFORMER \"Curbi\"\r\nTITLE \"Tape 06\"\r\nFILE \"curbi-tape-06.flac\" WAVE\r\n"
                + "  TRACK 01 AUDIO\r\n    TITLE \"Midnight Sky (ID Remix)\"\r\n    PERFORMER \"Miley Cyrus\"\r\n"
                + "    INDEX 01 00:00:00\r\n  TRACK 02 AUDIO\r\n    TITLE \"Glue\"\r\n    PERFORMER \"Bicep\"\r\n"
                + "    INDEX 01 04:10:30\r\n");
        addTrack("Curbi", "Tape 06", recording.toString(), 600);
        long recordingId = catalogId(recording.toString());

        Response created = resource.importTracklist(new Requests.ImportRequest(null, null, null, recordingId));
        assertEquals(201, created.getStatus());
        StoredTracklist fromSheet = service.forRecording(recordingId);
        assertEquals("cue", fromSheet.tracklist().source());
        assertEquals("Tape 06", fromSheet.tracklist().title());
        assertEquals(List.of("Curbi"), fromSheet.tracklist().djs());
        assertEquals(java.time.LocalDate.of(2021, 3, 12), fromSheet.tracklist().date());
        assertEquals(250.4, fromSheet.tracklist().entries().get(1).cueSeconds(), 1e-9);
        assertEquals("ID Remix", fromSheet.tracklist().entries().get(0).remix());
        assertEquals(MatchState.MATCHED, fromSheet.matches().get(0).state());

        org.deckhand.tracklists.internal.rest.RecordingTracklistResource recordings =
                new org.deckhand.tracklists.internal.rest.RecordingTracklistResource(service, catalog,
                        new CueSheetService());
        long curbi = service.importAddress(site.base() + CURBI).id();
        service.link(recordingId, curbi);
        String sheet = new String((byte[]) recordings.cueSheet(recordingId, "cue").getEntity(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(sheet.contains("FILE \"curbi-tape-06.flac\" WAVE"), sheet);
        assertTrue(sheet.contains("REM COMMENT \"" + site.base() + CURBI + "\""), sheet);
        assertTrue(sheet.contains("TRACK 01 AUDIO") && sheet.contains("INDEX 01 00:00:00"), sheet);
        assertTrue(sheet.contains("INDEX 01 02:24:00"), "the mashup at 144 s: " + sheet);
        assertTrue(sheet.contains("INDEX 01 09:00:00"), "Kage at 540 s: " + sheet);
        JsonNode report = json.valueToTree(recordings.cueSheet(recordingId, "json").getEntity());
        assertTrue(report.path("problems").toString().contains("AFTER_END"),
                "a 600 s recording leaves out the entries after 10:00: " + report.path("problems"));
    }
}
