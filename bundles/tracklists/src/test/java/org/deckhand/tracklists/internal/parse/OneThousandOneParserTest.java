package org.deckhand.tracklists.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.deckhand.api.tracklist.BlockedBySiteException;
import org.deckhand.api.tracklist.EntryKind;
import org.deckhand.api.tracklist.LayoutNotRecognisedException;
import org.deckhand.api.tracklist.NotATracklistException;
import org.deckhand.api.tracklist.Tracklist;
import org.deckhand.api.tracklist.TracklistEntry;
import org.deckhand.api.tracklist.TracklistException;
import org.deckhand.tracklists.internal.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OneThousandOneParserTest {

    private static final String SITE = "https://www.1001tracklists.com";
    private static final Instant FETCHED = Instant.parse("2026-12-07T09:00:00Z");
    private final OneThousandOneParser parser = new OneThousandOneParser(OneThousandOneSelectors.CURRENT);

    private Tracklist page(String name) throws TracklistException {
        return parser.parse(Fixtures.text("1001tracklists/" + name), SITE + "/tracklist/x/" + name, FETCHED);
    }

    @Test
    void warehouseProjectGivesWhatTheExpectedFileSays() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(
                Fixtures.text("1001tracklists/bicep-warehouse-project-rotterdam-2023-04-28.expected.json"));
        Tracklist tracklist = page("bicep-warehouse-project-rotterdam-2023-04-28.html");
        JsonNode mix = expected.path("tracklist");
        assertEquals(mix.path("name").asText(), tracklist.title());
        assertEquals(List.of(mix.path("artist").asText()), tracklist.djs());
        assertEquals(LocalDate.parse(mix.path("date").asText()), tracklist.date());
        assertEquals(List.of("Electronica", "Breaks"), tracklist.genres());
        assertEquals(mix.path("track_count").asInt(), tracklist.entries().size());
        assertEquals("1001tracklists", tracklist.source());

        JsonNode identified = expected.path("tracks_by_element_id").path("tlp5_content");
        TracklistEntry emotion = tracklist.entries().get(5);
        assertEquals(EntryKind.TRACK, emotion.kind());
        assertEquals(identified.path("artist").asText(), emotion.artist());
        assertEquals(identified.path("name").asText(), emotion.title());
        assertEquals(identified.path("publisher").asText(), emotion.label());
        assertEquals(identified.path("duration").asDouble(), emotion.durationSeconds());

        TracklistEntry unknown = tracklist.entries().get(7);
        assertTrue(unknown.unidentified(), unknown.toString());
        assertNull(unknown.artist());
        assertFalse(unknown.matchable());

        TracklistEntry bicepId = tracklist.entries().get(8);
        assertTrue(bicepId.unidentified(), bicepId.toString());
        assertEquals("Bicep", bicepId.artist());
        assertEquals("ID", bicepId.title());
        assertNull(bicepId.label());

        assertTrue(tracklist.entries().stream().allMatch(entry -> entry.cueSeconds() == null),
                "every *_cue_seconds input is 0 on this page: it has no cue times");
        for (int i = 0; i < tracklist.entries().size(); i++) {
            assertEquals(i + 1, tracklist.entries().get(i).position());
        }
    }

    @Test
    void remixesInBracketsLeaveTheTitle() throws Exception {
        Tracklist tracklist = page("bicep-warehouse-project-rotterdam-2023-04-28.html");
        TracklistEntry moderat = tracklist.entries().stream().filter(e -> "Moderat".equals(e.artist()))
                .findFirst().orElseThrow();
        assertEquals("Copy Copy", moderat.title());
        assertEquals("LOGIC1000 & Big Ever Remix", moderat.remix());
        assertEquals("Monkeytown Records", moderat.label());
    }

    @Test
    void ntsRadioShowHasItsFourteenTracks() throws Exception {
        Tracklist tracklist = page("bicep-nts-radio-2022-06-16.html");
        assertEquals("Bicep - NTS Radio 2022-06-16", tracklist.title());
        assertEquals(LocalDate.of(2022, 6, 16), tracklist.date());
        assertEquals(List.of("Drum & Bass", "Electronica"), tracklist.genres());
        assertEquals(14, tracklist.entries().size());
        assertTrue(tracklist.entries().stream().allMatch(e -> e.artist() != null || e.unidentified()));
    }

    @Test
    void curbiTapeHasCueTimesFromTheHiddenInputsAndMashupsWithTheirParts() throws Exception {
        Tracklist tracklist = page("curbi-tape-06-2021-03-12.html");
        assertEquals("Curbi @ Tape 06 2021-03-12", tracklist.title());
        assertEquals(List.of("Curbi"), tracklist.djs());
        List<TracklistEntry> entries = tracklist.entries();
        assertEquals(27, entries.size(), "31 rows, four of them parts of the two mashups");
        assertEquals(7.0, entries.get(0).cueSeconds());
        assertEquals(144.0, entries.get(1).cueSeconds());

        TracklistEntry mashup = entries.get(1);
        assertEquals("Chico Rose x 71 Digits & Bancali vs. AC Slater & Curbi", mashup.artist());
        assertEquals("Somebody's Watching Me vs. Navigator", mashup.title());
        assertEquals("Mike Williams Mashup", mashup.remix());
        assertEquals(2, mashup.mashupParts().size());
        assertEquals("Chico Rose x 71 Digits", mashup.mashupParts().get(0).artist());
        assertEquals("Somebody's Watching Me", mashup.mashupParts().get(0).title());
        assertEquals("Bancali Remix", mashup.mashupParts().get(0).remix());
        assertEquals("Spinnin' Records", mashup.mashupParts().get(0).label());

        TracklistEntry second = entries.stream().filter(e -> e.cueSeconds() != null && e.cueSeconds() == 957)
                .findFirst().orElseThrow();
        assertEquals("Curbi Edit", second.remix());
        assertEquals(List.of("Psycho Boys Club", "Riton ft. Kah-Lo"),
                second.mashupParts().stream().map(p -> p.artist()).toList());

        TracklistEntry miley = entries.stream().filter(e -> "Miley Cyrus".equals(e.artist())).findFirst()
                .orElseThrow();
        assertEquals(646.0, miley.cueSeconds());
        assertEquals("ID Remix", miley.remix(), "an unidentified remix is marked as the site marks it");

        double previous = -1;
        for (TracklistEntry entry : entries) {
            if (entry.cueSeconds() != null) {
                assertTrue(entry.cueSeconds() >= previous, "cue times in order: " + entry);
                previous = entry.cueSeconds();
            }
        }
        assertTrue(entries.stream().filter(e -> e.cueSeconds() != null).count() >= 20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"captcha-forward-bicep-nts-radio-2022-06-16.html",
            "captcha-forward-drinks-on-decks-001-2021-04-07.html"})
    void captchaPagesAreBlockedNotEmptyTracklists(String name) throws IOException {
        JsonNode expected = new ObjectMapper().readTree(
                Fixtures.text("1001tracklists/captcha-forward-bicep-nts-radio-2022-06-16.expected.json"));
        assertFalse(expected.path("is_tracklist").asBoolean());
        BlockedBySiteException blocked = assertThrows(BlockedBySiteException.class, () -> page(name));
        assertEquals("1001tracklists", blocked.source());
        assertTrue(blocked.getMessage().contains("open the page in a browser"), blocked.getMessage());
    }

    @Test
    void aTrackPageIsNotATracklist() {
        NotATracklistException error = assertThrows(NotATracklistException.class,
                () -> page("track-page-john-summit-show-me-2022-11-13.html"));
        assertTrue(error.getMessage().contains("a track page"), error.getMessage());
    }

    @Test
    void aPageWithItsClassesRenamedIsALayoutNotRecognisedNamingTheSource() {
        String renamed = Fixtures.text("1001tracklists/curbi-tape-06-2021-03-12.html")
                .replace("tlpItem", "tlpEntry").replace("tlpTog", "tlpToggle");
        LayoutNotRecognisedException error = assertThrows(LayoutNotRecognisedException.class,
                () -> parser.parse(renamed, SITE + "/tracklist/nsgpmht/curbi.html", FETCHED));
        assertEquals("1001tracklists", error.source());
        assertTrue(error.getMessage().contains("1001tracklists") && error.getMessage().contains("div.tlpItem"),
                error.getMessage());

        String noPlaylist = Fixtures.text("1001tracklists/curbi-tape-06-2021-03-12.html")
                .replace("id=\"tlTab\"", "id=\"tlTable\"");
        assertThrows(LayoutNotRecognisedException.class,
                () -> parser.parse(noPlaylist, SITE + "/tracklist/nsgpmht/curbi.html", FETCHED));
    }

    @Test
    void aSelectorInTheConfigurationMendsARenamedLayout() throws Exception {
        String renamed = Fixtures.text("1001tracklists/curbi-tape-06-2021-03-12.html").replace("tlpItem", "tlpEntry");
        OneThousandOneSelectors current = OneThousandOneSelectors.CURRENT;
        OneThousandOneParser mended = new OneThousandOneParser(new OneThousandOneSelectors(current.playlist(),
                "div.tlpEntry", current.mashupPart(), current.cueSeconds(), current.trackNumber(),
                current.trackValue(), current.label(), current.captcha()));
        assertEquals(27, mended.parse(renamed, SITE + "/tracklist/nsgpmht/curbi.html", FETCHED).entries().size());
    }

    @Test
    void anInvalidSelectorIsRefusedWithItsText() {
        OneThousandOneSelectors current = OneThousandOneSelectors.CURRENT;
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new OneThousandOneParser(new OneThousandOneSelectors(current.playlist(), "div[", 
                        current.mashupPart(), current.cueSeconds(), current.trackNumber(), current.trackValue(),
                        current.label(), current.captcha())));
        assertTrue(error.getMessage().contains("div["), error.getMessage());
    }

    private static String playlistOf(String... rows) {
        StringBuilder html = new StringBuilder("<html><head><title>Rows</title></head><body>"
                + "<div id=\"tlTab\" itemscope itemtype=\"http://schema.org/MusicPlaylist\">"
                + "<meta itemprop=\"name\" content=\"Vol. 26\">");
        for (String row : rows) {
            html.append(Fixtures.text("1001tracklists/rows/" + row));
        }
        return html.append("</div></body></html>").toString();
    }

    @Test
    void rowsAreTracksWithRowsPlayedTogetherAndTheRestSkipped() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(Fixtures.text("1001tracklists/rows/expected.json"));
        assertEquals("track", expected.path("row_track.html").path("kind").asText());
        Tracklist tracklist = parser.parse(playlistOf("row_player_widget.html", "row_text.html", "row_track.html",
                "row_suggestion.html", "row_track_concurrent.html", "row_save_footer.html"),
                SITE + "/tracklist/rows.html", FETCHED);
        assertEquals(2, tracklist.entries().size(), "suggestion, notice, player and footer rows are no tracks");
        TracklistEntry first = tracklist.entries().get(0);
        assertEquals("Nirvana", first.artist());
        assertEquals("Smells Like Teen Spirit", first.title());
        assertEquals("GEFFEN (UMG)", first.label());
        assertEquals(301.0, first.durationSeconds());
        assertFalse(first.playedWithPrevious());
        TracklistEntry together = tracklist.entries().get(1);
        assertTrue(expected.path("row_track_concurrent.html").path("is_concurrent").asBoolean());
        assertTrue(together.playedWithPrevious(), "the w/ row plays together with the previous");
        assertEquals("Dillon Francis & Julian Jordan", together.artist());
        assertEquals("The Sound", together.title());
        assertEquals("STMPD", together.label());
    }

    @Test
    void onlyChromeRowsAreALayoutNotRecognised() {
        assertThrows(LayoutNotRecognisedException.class, () -> parser.parse(playlistOf("row_suggestion.html",
                "row_text.html", "row_player_widget.html", "row_save_footer.html"), SITE + "/tracklist/c.html",
                FETCHED));
    }
}
