package org.deckhand.mixer.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deckhand.api.cue.CueWriting;
import org.deckhand.cue.internal.CueSheetService;
import org.deckhand.mixer.internal.testing.Facts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixCueSheetTest {

    private static final List<TracklistEntry> TRACKS = List.of(
            TracklistEntry.of(1, Facts.named(4, List.of("Rødhåd"), "Target", "01 - Rødhåd - Target"), 0),
            TracklistEntry.of(2, Facts.named(9, List.of("Artist \"Quoted\""), "It's \"Quoted\"", "x"), 61.5),
            TracklistEntry.of(3, Facts.named(12, List.of(), null, "Track 20"), 3_725.02));

    @TempDir
    Path folder;

    @Test
    void eachTrackStartsAtItsFadeInAndUntaggedOnesAreNamedAsTheirStreamTitles() {
        CueWriting cue = new CueSheetService().write(MixCueSheet.draft("abc", "abc.mp3", null, TRACKS));

        assertTrue(cue.text().startsWith("PERFORMER \"Deckhand\"\r\nTITLE \"Deckhand mix abc\"\r\n"
                + "FILE \"abc.mp3\" MP3\r\n"), cue.text());
        assertTrue(cue.text().contains("  TRACK 02 AUDIO\r\n    TITLE \"It's \u201CQuoted\u201D\"\r\n"
                + "    PERFORMER \"Artist \u201CQuoted\u201D\"\r\n    INDEX 01 01:01:38\r\n"), cue.text());
        assertTrue(cue.text().contains("  TRACK 03 AUDIO\r\n    TITLE \"Track 20\"\r\n    INDEX 01 62:05:02\r\n"),
                cue.text());
        assertFalse(cue.text().contains("Unknown artist"), cue.text());
        assertEquals(List.of(), cue.problems());
    }

    @Test
    void aRenderedFileIsAWaveFileAndTracksPastItsEndAreLeftOut() {
        CueWriting cue = new CueSheetService().write(MixCueSheet.draft("abc", "mix-abc.flac", 3_600.0, TRACKS));

        assertTrue(cue.text().contains("FILE \"mix-abc.flac\" WAVE\r\n"), cue.text());
        assertEquals(2, cue.sheet().tracks().size());
        assertEquals(3, cue.problems().get(0).entry());
    }

    @Test
    void cueprintReadsEveryTrackWithoutAComplaint() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/cueprint")), "cueprint (cuetools) is not installed");
        Path sheet = folder.resolve("mix.cue");
        Files.write(sheet, new CueSheetService().write(MixCueSheet.draft("abc", "mix.flac", null, TRACKS)).bytes());
        Process process = new ProcessBuilder("cueprint", sheet.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, process.waitFor());
        assertTrue(out.startsWith("Disc Information"), out);
        assertTrue(out.contains("Target") && out.contains("Rødhåd") && out.contains("Track 20"), out);
    }
}
