package org.deckhand.cue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deckhand.api.cue.CueSheet;
import org.deckhand.api.cue.CueSheet.Dialect;
import org.deckhand.api.cue.CueSheetReader;
import org.deckhand.api.cue.CueTrack;
import org.deckhand.api.cue.MalformedCueSheetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CueSheetReaderTest {

    /** As EAC writes a one-file rip: REM lines, an INDEX 00 pregap, FLAGS and ISRC, CR LF. */
    private static final String EAC = "REM GENRE \"Deep House\"\r\nREM DATE 2004\r\nREM DISCID 8A0B6A0C\r\n"
            + "REM COMMENT \"ExactAudioCopy v1.6\"\r\nPERFORMER \"Kerri Chandler\"\r\nTITLE \"Trax on da Rocks\"\r\n"
            + "FILE \"Kerri Chandler - Trax on da Rocks.wav\" WAVE\r\n  TRACK 01 AUDIO\r\n    TITLE \"Track 1\"\r\n"
            + "    PERFORMER \"Kerri Chandler\"\r\n    FLAGS DCP\r\n    ISRC USABC0400001\r\n    INDEX 01 00:00:00\r\n"
            + "  TRACK 02 AUDIO\r\n    TITLE Unquoted\r\n    INDEX 00 05:47:74\r\n    INDEX 01 05:49:74\r\n"
            + "  track 03 audio\r\n    title \"Lower case\"\r\n    index 01 123:04:38\r\n";

    /** As rekordbox writes beside a recording: tabs, a FILE per track, INDEX 01 hh:mm:ss. */
    private static final String REKORDBOX = "REM DATE 2024-05-05 09:36 PM\nREM RECORDED_BY \"rekordbox-dj\"\n"
            + "TITLE \"REC-2024-05-05\"\nPERFORMER \"TNNR\"\nFILE \"01 REC-2024-05-05.wav\" WAVE\n"
            + "\tTRACK 01 AUDIO\n\t\tTITLE \"Drop Em Down (Original Mix)\"\n\t\tPERFORMER \"D-Sturb And Malice\"\n"
            + "\t\tFILE \"D:/Music/Malice/15 D-Sturb And Malice - Drop Em Down.m4a\" WAVE\n\t\tINDEX 01 00:00:00\n"
            + "\tTRACK 02 AUDIO\n\t\tTITLE \"Levitate\"\n\t\tPERFORMER \"Warface\"\n"
            + "\t\tFILE \"D:/Music/Warface/02 Levitate.mp3\" WAVE\n\t\tINDEX 01 00:03:41\n"
            + "\tTRACK 03 AUDIO\n\t\tTITLE \"Third\"\n\t\tPERFORMER \"Someone\"\n"
            + "\t\tFILE \"D:/Music/Third.flac\" WAVE\n\t\tINDEX 01 01:02:03\n";

    private final CueSheetService cue = new CueSheetService();

    @TempDir
    Path folder;

    @Test
    void aStandardSheetGivesEachTracksIndex01() throws IOException {
        CueSheet sheet = cue.parse("eac.cue", EAC.getBytes(StandardCharsets.UTF_8));

        assertEquals(Dialect.STANDARD, sheet.dialect());
        assertEquals("Deep House", sheet.genre());
        assertEquals("2004", sheet.date());
        assertEquals("ExactAudioCopy v1.6", sheet.comment());
        assertEquals("8A0B6A0C", sheet.remarks().get("DISCID"));
        assertEquals("Kerri Chandler", sheet.performer());
        assertEquals("Trax on da Rocks", sheet.title());
        assertEquals("Kerri Chandler - Trax on da Rocks.wav", sheet.fileName());
        assertEquals("WAVE", sheet.fileType());
        assertEquals(List.of(new CueTrack(1, "Track 1", "Kerri Chandler", 0, null),
                new CueTrack(2, "Unquoted", null, (5 * 60 + 49) * 75 + 74, null),
                new CueTrack(3, "Lower case", null, (123 * 60 + 4) * 75 + 38, null)), sheet.tracks());
        assertEquals(7_384.506_666, sheet.tracks().get(2).startSeconds(), 1e-5);
    }

    @Test
    void rekordboxsRecordingsGiveHoursMinutesAndSecondsAndTheFilePlayed() throws IOException {
        CueSheet sheet = cue.parse("REC-2024-05-05.cue", REKORDBOX.getBytes(StandardCharsets.UTF_8));

        assertEquals(Dialect.REKORDBOX, sheet.dialect());
        assertEquals("rekordbox-dj", sheet.remarks().get("RECORDED_BY"));
        assertEquals("2024-05-05 09:36 PM", sheet.date());
        assertEquals("01 REC-2024-05-05.wav", sheet.fileName());
        assertEquals(List.of(0.0, 221.0, 3_723.0), sheet.tracks().stream().map(CueTrack::startSeconds).toList());
        assertEquals("D:/Music/Warface/02 Levitate.mp3", sheet.tracks().get(1).file());
        assertEquals("Warface", sheet.tracks().get(1).performer());
    }

    @Test
    void utf8WithAByteOrderMarkReadsAsWithout() throws IOException {
        String text = "PERFORMER \"Zoë Testwell\"\nFILE \"mix.flac\" WAVE\nTRACK 01 AUDIO\nTITLE \"夜明けの歌\"\n"
                + "INDEX 01 00:00:00\n";
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);

        assertEquals(cue.parse("plain.cue", plain), cue.parse("bom.cue", bom));
        assertEquals("Zoë Testwell", cue.parse("bom.cue", bom).performer());
        assertEquals("夜明けの歌", cue.parse("bom.cue", bom).tracks().get(0).title());
    }

    @Test
    void aSheetThatIsNotUtf8IsReadAsWindows1252() throws IOException {
        String text = "PERFORMER \"Motörhead – Ace of Späde\"\r\nFILE \"mix.wav\" WAVE\r\nTRACK 01 AUDIO\r\n"
                + "TITLE \"Café €\"\r\nINDEX 01 00:00:00\r\n";

        CueSheet sheet = cue.parse("ansi.cue", text.getBytes(Charset.forName("windows-1252")));

        assertEquals("Motörhead – Ace of Späde", sheet.performer());
        assertEquals("Café €", sheet.tracks().get(0).title());
    }

    @Test
    void utf16WithItsByteOrderMarkIsRead() throws IOException {
        String text = "\uFEFFTITLE \"Jóga\"\r\nFILE \"mix.wav\" WAVE\r\nTRACK 01 AUDIO\r\nINDEX 01 00:00:00\r\n";

        assertEquals("Jóga", cue.parse("utf16.cue", text.getBytes(StandardCharsets.UTF_16LE)).title());
    }

    @Test
    void aMalformedSheetNamesTheFileAndTheLine() throws IOException {
        Path file = folder.resolve("broken.cue");
        Files.writeString(file, "FILE \"mix.flac\" WAVE\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n"
                + "  TRACK 02 AUDIO\n    INDEX 01 03:75:00\n");

        MalformedCueSheetException error = assertThrows(MalformedCueSheetException.class, () -> cue.read(file));

        assertEquals(file + ", line 5: INDEX time is not mm:ss:ff (seconds below 60, frames below 75)",
                error.getMessage());
        assertEquals(5, error.line());
    }

    @Test
    void eachKindOfMalformedLineIsNamed() {
        assertMalformed("FILE \"a.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01 00:00:75\n", 3, "frames below 75");
        assertMalformed("FILE \"a.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01 00:00.00\n", 3, "needs a time mm:ss:ff");
        assertMalformed("FILE \"a.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01\n", 3, "not nothing");
        assertMalformed("FILE \"a.wav\" WAVE\nTRACK 01 AUDIO\nINDEX x 00:00:00\n", 3, "INDEX needs a number");
        assertMalformed("FILE \"a.wav\" WAVE\nINDEX 01 00:00:00\n", 2, "INDEX before any TRACK");
        assertMalformed("TRACK 01 AUDIO\nINDEX 01 00:00:00\n", 1, "TRACK before any FILE");
        assertMalformed("FILE \"a.wav\" WAVE\nTRACK 0 AUDIO\nINDEX 01 00:00:00\n", 2, "from 1 to 254, not 0");
        assertMalformed("FILE \"a.wav\" WAVE\nTRACK thhpt! AUDIO\n", 2, "not thhpt!");
        assertMalformed("FILE \"a.wav\" WAVE\nTRACK 01\nINDEX 01 00:00:00\n", 2, "has no type");
        assertMalformed("FILE \"a.wav\"\nTRACK 01 AUDIO\nINDEX 01 00:00:00\n", 1, "has no type");
        assertMalformed("FILE \"a.wav\" WAVE\nTRACK 01 AUDIO\nTITLE \"open\nINDEX 01 00:00:00\n", 3,
                "a quote opens and does not close");
        assertMalformed("FILE \"a.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 00 00:00:00\nTRACK 02 AUDIO\n"
                + "INDEX 01 00:01:00\n", 2, "TRACK 1 has no INDEX 01");
        assertMalformed("FILE \"a.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01 00:10:00\nTRACK 02 AUDIO\n"
                + "INDEX 01 00:05:00\n", 4, "TRACK 2 starts before the track above it");
        assertMalformed("FILE \"a.wav\" WAVE\n", 0, "no TRACK: not a CUE sheet");
        assertMalformed("[playlist]\nFile1=a.mp3\n", 1, "unknown command [playlist]");
    }

    private void assertMalformed(String text, int line, String problem) {
        MalformedCueSheetException error = assertThrows(MalformedCueSheetException.class,
                () -> cue.parse("x.cue", text.getBytes(StandardCharsets.UTF_8)), text);
        assertEquals(line, error.line(), error.getMessage());
        assertEquals(true, error.getMessage().startsWith("x.cue") && error.getMessage().contains(problem),
                error.getMessage());
    }

    @Test
    void aFileLargerThanASheetCanBeIsRefusedUnread() throws IOException {
        Path file = folder.resolve("huge.cue");
        Files.write(file, new byte[CueSheetReader.MAX_BYTES + 1]);

        MalformedCueSheetException error = assertThrows(MalformedCueSheetException.class, () -> cue.read(file));
        assertEquals(true, error.getMessage().startsWith(file + ": larger than 1048576 bytes"), error.getMessage());
    }

    @Test
    void aBinaryFileIsNotText() {
        MalformedCueSheetException error = assertThrows(MalformedCueSheetException.class,
                () -> cue.parse("a.flac", new byte[] {'f', 'L', 'a', 'C', 0, 0, 0, 34}));
        assertEquals("a.flac: not a text file (it holds NUL bytes)", error.getMessage());
    }

    @Test
    void aSheetOfSeveralFilesGivesEachTrackItsFile() throws IOException {
        CueSheet sheet = cue.parse("album.cue", ("FILE \"01.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01 00:00:00\n"
                + "FILE \"02.wav\" WAVE\nTRACK 02 AUDIO\nINDEX 00 00:00:00\nINDEX 01 00:02:00\n").getBytes(
                        StandardCharsets.UTF_8));

        assertNull(sheet.tracks().get(0).file());
        assertEquals("02.wav", sheet.tracks().get(1).file());
        assertEquals(150, sheet.tracks().get(1).startFrames());
    }
}
