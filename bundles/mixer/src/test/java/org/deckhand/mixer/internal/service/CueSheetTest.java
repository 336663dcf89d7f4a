package org.deckhand.mixer.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CueSheetTest {

    private static final List<TracklistEntry> TRACKS = List.of(
            new TracklistEntry(1, "4", "Rødhåd", "Target", 0),
            new TracklistEntry(2, "9", "Artist \"Quoted\"", null, 61.5),
            new TracklistEntry(3, "12", null, "Last", 3_725.02));

    @TempDir
    Path folder;

    @Test
    void indexesAreMinutesSecondsAndFramesOf75() {
        assertEquals("00:00:00", CueSheet.index(0));
        assertEquals("01:01:38", CueSheet.index(61.5));
        assertEquals("62:05:02", CueSheet.index(3_725.02));
    }

    @Test
    void cueprintReadsEveryTrackWithoutAComplaint() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/cueprint")), "cueprint (cuetools) is not installed");
        Path cue = folder.resolve("mix.cue");
        Files.writeString(cue, CueSheet.of("Deckhand mix abc", "mix.flac", "WAVE", TRACKS), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder("cueprint", cue.toString()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor());
        assertEquals("", errors);
        assertTrue(out.contains("Target") && out.contains("Rødhåd"), out);
        assertTrue(out.contains("Artist 'Quoted'") && out.contains("Track 9"), out);
        assertTrue(out.contains("Unknown artist") && out.contains("Last"), out);
    }

    @Test
    void eachTrackHasItsIndexAtItsStart() throws IOException {
        String cue = CueSheet.of("Deckhand mix abc", "abc.mp3", "MP3", TRACKS);
        assertTrue(cue.startsWith("PERFORMER \"Deckhand\"\r\nTITLE \"Deckhand mix abc\"\r\nFILE \"abc.mp3\" MP3\r\n"));
        assertTrue(cue.contains("  TRACK 02 AUDIO\r\n    TITLE \"Track 9\"\r\n    PERFORMER \"Artist 'Quoted'\"\r\n"
                + "    INDEX 01 01:01:38\r\n"), cue);
    }
}
