package org.deckhand.cue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deckhand.api.cue.MalformedCueSheetException;
import org.junit.jupiter.api.Test;

/**
 * The sheets metaflac rejects, after the kinds of FLAC's {@code test/cuesheets/bad.*.cue} that a sheet of the
 * parser's syntax can still break (the syntax errors among them are the parser's: see CueSheetReaderTest).
 */
class CdDaRulesTest {

    private static List<String> violations(String text) throws MalformedCueSheetException {
        return CdDaRules.violations(text, CueParser.parse("test.cue", text));
    }

    @Test
    void aPlainSheetPasses() throws MalformedCueSheetException {
        assertEquals(List.of(), violations("FILE \"z.wav\" WAVE\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n"
                + "  TRACK 02 AUDIO\n    INDEX 00 02:00:00\n    INDEX 01 02:02:00\n  TRACK 03 AUDIO\n"
                + "    INDEX 01 120:00:74\n"));
    }

    @Test
    void theFirstIndexMustBeAtZero() throws MalformedCueSheetException {
        assertEquals(List.of("line 3: first INDEX of first TRACK must have an offset of 00:00:00"),
                violations("FILE \"z.wav\" WAVE\n  TRACK 01 AUDIO\n    INDEX 01 00:02:00\n"));
    }

    @Test
    void aTracksFirstIndexIs0Or1AndTheNextFollowIt() throws MalformedCueSheetException {
        assertEquals(List.of("line 3: first INDEX number of a TRACK must be 0 or 1",
                "line 4: INDEX numbers must be sequential"),
                violations("FILE \"z.wav\" WAVE\n  TRACK 01 AUDIO\n    INDEX 02 00:00:00\n    INDEX 01 00:01:00\n"));
        assertEquals(List.of("line 4: INDEX numbers must be sequential",
                "line 4: CD-DA INDEX offsets must increase in time"),
                violations("FILE \"z.wav\" WAVE\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n    INDEX 00 00:00:00\n"));
    }

    @Test
    void offsetsMustIncreaseWithinATrackAndAcrossTracks() throws MalformedCueSheetException {
        assertEquals(List.of("line 5: CD-DA INDEX offsets must increase in time"),
                violations("FILE \"z.wav\" WAVE\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n    INDEX 02 00:02:00\n"
                        + "    INDEX 03 00:01:74\n"));
        assertEquals(List.of("line 6: CD-DA INDEX offsets must increase in time"),
                violations("FILE \"z.wav\" WAVE\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n    INDEX 02 00:02:00\n"
                        + "  TRACK 02 AUDIO\n    INDEX 01 00:02:00\n"));
    }

    @Test
    void tracksAreNumbered1To99InOrder() throws MalformedCueSheetException {
        assertEquals(List.of("line 2: CD-DA TRACK number must be between 1 and 99, inclusive"),
                violations("FILE \"z.wav\" WAVE\n  TRACK 100 AUDIO\n    INDEX 01 00:00:00\n"));
        assertEquals(List.of("line 4: CD-DA TRACK numbers must be sequential"),
                violations("FILE \"z.wav\" WAVE\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n  TRACK 03 AUDIO\n"
                        + "    INDEX 01 00:01:00\n"));
    }

    @Test
    void aLineLongerThanMetaflacsBufferIsRejected() throws MalformedCueSheetException {
        assertEquals(List.of("line 3: line too long"), violations("FILE \"z.wav\" WAVE\n  TRACK 01 AUDIO\n"
                + "    TITLE \"" + "x".repeat(4_100) + "\"\n    INDEX 01 00:00:00\n"));
    }

    @Test
    void aRecordingHasOneFileAndStandardTimes() throws MalformedCueSheetException {
        assertEquals(List.of("line 4: a sheet for one recording has one FILE"),
                violations("FILE \"a.wav\" WAVE\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n  TRACK 02 AUDIO\n"
                        + "    FILE \"b.wav\" WAVE\n    INDEX 01 00:01:00\n"));
        assertEquals("line 1: INDEX times must be mm:ss:ff, not REKORDBOX's",
                violations("REM RECORDED_BY \"rekordbox-dj\"\nFILE \"a.wav\" WAVE\n  TRACK 01 AUDIO\n"
                        + "    INDEX 01 00:00:00\n").get(0));
    }
}
