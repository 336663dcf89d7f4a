package org.deckhand.cue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.deckhand.api.cue.CueDraft;
import org.deckhand.api.cue.CueEntry;
import org.deckhand.api.cue.CueFileType;
import org.deckhand.api.cue.CueProblem;
import org.deckhand.api.cue.CueProblem.Kind;
import org.deckhand.api.cue.CueTrack;
import org.deckhand.api.cue.CueWriting;
import org.junit.jupiter.api.Test;

class CueSheetWriterTest {

    private final CueSheetService cue = new CueSheetService();

    private static CueDraft draft(Double duration, List<CueEntry> entries) {
        return new CueDraft("Live at Tresor", "DJ Rødhåd", "2026-12-07", "Techno",
                "https://www.1001tracklists.com/tracklist/2x8k1wq1/rodhad-tresor-2026-12-07.html", "tresor.flac",
                CueFileType.of("tresor.flac"), duration, entries);
    }

    @Test
    void theSheetGivesTheMixThenEachTrackWithItsIndex01() {
        CueWriting writing = cue.write(draft(3_600.0, List.of(new CueEntry("Dax J", "Offender", 0.0),
                new CueEntry("Surgeon", "Floorshow", 61.5), new CueEntry("Regis", "Blood Witness", 3_725.02 - 600))));

        assertEquals("REM DATE 2026-12-07\r\n"
                + "REM GENRE \"Techno\"\r\n"
                + "REM COMMENT \"https://www.1001tracklists.com/tracklist/2x8k1wq1/rodhad-tresor-2026-12-07.html\"\r\n"
                + "PERFORMER \"DJ Rødhåd\"\r\n"
                + "TITLE \"Live at Tresor\"\r\n"
                + "FILE \"tresor.flac\" WAVE\r\n"
                + "  TRACK 01 AUDIO\r\n    TITLE \"Offender\"\r\n    PERFORMER \"Dax J\"\r\n    INDEX 01 00:00:00\r\n"
                + "  TRACK 02 AUDIO\r\n    TITLE \"Floorshow\"\r\n    PERFORMER \"Surgeon\"\r\n"
                + "    INDEX 01 01:01:38\r\n"
                + "  TRACK 03 AUDIO\r\n    TITLE \"Blood Witness\"\r\n    PERFORMER \"Regis\"\r\n"
                + "    INDEX 01 52:05:02\r\n", writing.text());
        assertEquals(List.of(), writing.problems());
        assertEquals(List.of(0L, 4_613L, 234_377L),
                writing.sheet().tracks().stream().map(CueTrack::startFrames).toList());
        assertEquals("Techno", writing.sheet().genre());
    }

    @Test
    void minutesGoPast99ForALongMix() {
        CueWriting writing = cue.write(draft(null, List.of(new CueEntry("A", "One", 0.0),
                new CueEntry("B", "Two", 5_999.99), new CueEntry("C", "Three", 7_384.5))));

        assertTrue(writing.text().contains("INDEX 01 99:59:74\r\n"), writing.text());
        assertTrue(writing.text().contains("INDEX 01 123:04:38\r\n"), writing.text());
    }

    @Test
    void quotesBecomeTypographicAndControlCharactersGo() {
        CueWriting writing = cue.write(draft(null, List.of(
                new CueEntry("AC/DC-like", "Back_Slash & \"Quotes\" (12\" Mix)", 0.0),
                new CueEntry("Line\r\nBreak\tTab", "Bell\u0007 and\u0085 NEL", 10.0))));

        assertTrue(writing.text().contains("    TITLE \"Back_Slash & \u201CQuotes\u201D (12\u201D Mix)\"\r\n"),
                writing.text());
        assertTrue(writing.text().contains("    PERFORMER \"Line Break Tab\"\r\n"), writing.text());
        assertTrue(writing.text().contains("    TITLE \"Bell and NEL\"\r\n"), writing.text());
    }

    @Test
    void nonLatinNamesAreUtf8WithoutAByteOrderMark() {
        CueWriting writing = cue.write(draft(null, List.of(new CueEntry("坂本龍一風トリオ", "夜明けの歌", 0.0),
                new CueEntry("Дмитрий Тестов", "Песня без слов", 30.0))));

        byte[] bytes = writing.bytes();
        assertEquals('R', bytes[0], "the sheet starts with REM, not a byte-order mark");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("PERFORMER \"坂本龍一風トリオ\"") && text.contains("TITLE \"Песня без слов\""), text);
        assertEquals("夜明けの歌", writing.sheet().tracks().get(0).title());
    }

    @Test
    void entriesWithoutACueTimeOrOutOfOrderAreLeftOutAndReported() {
        CueWriting writing = cue.write(draft(600.0, List.of(new CueEntry("A", "Intro", 0.0),
                new CueEntry("ID", "ID", null), new CueEntry("B", "Two", 120.0),
                new CueEntry("C", "Same time (w/)", 120.004), new CueEntry("D", "Earlier", 90.0),
                new CueEntry("E", "Three", 300.0), new CueEntry("F", "After the end", 600.0))));

        assertEquals(List.of(0L, 9_000L, 22_500L),
                writing.sheet().tracks().stream().map(CueTrack::startFrames).toList());
        assertEquals(List.of(2, 4, 5, 7), writing.problems().stream().map(CueProblem::entry).toList());
        assertEquals(List.of(Kind.NO_CUE_TIME, Kind.NOT_AFTER_PREVIOUS, Kind.NOT_AFTER_PREVIOUS, Kind.AFTER_END),
                writing.problems().stream().map(CueProblem::kind).toList());
        assertTrue(writing.problems().stream().allMatch(problem -> problem.kind().leftOut()));
        assertEquals("Entry 2 (ID - ID) has no cue time: left out of the CUE sheet",
                writing.problems().get(0).message());
        assertTrue(writing.problems().get(1).message().contains("02:00:00"), writing.problems().get(1).message());
        assertTrue(writing.text().contains("  TRACK 03 AUDIO\r\n    TITLE \"Three\""), writing.text());
    }

    @Test
    void aFirstTrackThatStartsLateStartsAtZeroSoTheIntroStaysPlayable() {
        CueWriting writing = cue.write(draft(null, List.of(new CueEntry("A", "One", 42.0),
                new CueEntry("B", "Two", 300.0))));

        assertTrue(writing.text().contains("  TRACK 01 AUDIO\r\n    TITLE \"One\"\r\n    PERFORMER \"A\"\r\n"
                + "    INDEX 01 00:00:00\r\n"), writing.text());
        assertEquals(Kind.FIRST_MOVED_TO_START, writing.problems().get(0).kind());
        assertFalse(writing.problems().get(0).kind().leftOut());
        assertFalse(writing.text().contains("INDEX 00"), writing.text());
    }

    @Test
    void theFirst99TracksAreKeptAndTheRestReported() {
        List<CueEntry> entries = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            entries.add(new CueEntry("Artist " + i, "Title " + i, i * 60.0));
        }
        CueWriting writing = cue.write(draft(null, entries));

        assertEquals(99, writing.sheet().tracks().size());
        assertTrue(writing.text().contains("  TRACK 99 AUDIO\r\n    TITLE \"Title 98\""), writing.text());
        assertFalse(writing.text().contains("TRACK 100"));
        assertEquals(21, writing.problems().size());
        assertTrue(writing.problems().stream().allMatch(problem -> problem.kind() == Kind.OVER_99_TRACKS));
        assertEquals(100, writing.problems().get(0).entry());
    }

    @Test
    void aTitleLongerThanALineAllowsIsCutAndReported() {
        CueWriting writing = cue.write(draft(null, List.of(new CueEntry("A", "夜".repeat(1_500), 0.0))));

        assertEquals(1_000, writing.sheet().tracks().get(0).title().length());
        assertEquals(Kind.TEXT_SHORTENED, writing.problems().get(0).kind());
        assertTrue(writing.text().lines()
                .allMatch(line -> line.getBytes(StandardCharsets.UTF_8).length <= CdDaRules.MAX_LINE_BYTES));
    }

    @Test
    void unknownNamesLeaveTheirLinesOut() {
        CueWriting writing = cue.write(new CueDraft(null, null, null, null, null, "mix.mp3", CueFileType.MP3, null,
                List.of(new CueEntry(null, "  ", 0.0))));

        assertEquals("FILE \"mix.mp3\" MP3\r\n  TRACK 01 AUDIO\r\n    INDEX 01 00:00:00\r\n", writing.text());
    }

    @Test
    void aTracklistWithoutAnyCueTimeGivesAClearError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> cue.write(draft(null,
                List.of(new CueEntry("A", "One", null), new CueEntry("B", "Two", null)))));

        assertTrue(error.getMessage().startsWith("no entry of the tracklist can start a CUE track: Entry 1 (A - One)"
                + " has no cue time"), error.getMessage());
    }

    @Test
    void aFileNameWithAQuoteCannotBeNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> cue.write(new CueDraft(
                null, null, null, null, null, "12\" mix.flac", CueFileType.WAVE, null,
                List.of(new CueEntry("A", "One", 0.0)))));

        assertTrue(error.getMessage().contains("12\" mix.flac"), error.getMessage());
    }

    @Test
    void theFileTypeFollowsTheRecordingsFormat() {
        assertEquals(CueFileType.MP3, CueFileType.of("Set.MP3"));
        assertEquals(CueFileType.AIFF, CueFileType.of("set.aiff"));
        assertEquals(CueFileType.WAVE, CueFileType.of("set.flac"));
        assertEquals(CueFileType.WAVE, CueFileType.of("set.wav"));
    }
}
