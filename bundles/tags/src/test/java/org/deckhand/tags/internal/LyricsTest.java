package org.deckhand.tags.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deckhand.api.library.Lyrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lyrics read from files tagged by ffmpeg, metaflac and mutagen's mid3v2, and from LRC files beside them. */
class LyricsTest {

    private static final JaudiotaggerTagReader READER = new JaudiotaggerTagReader();
    private static final String LRC = """
            [ar:Fixture Artist]
            [ti:Fixture Song]
            [offset:+250]
            [00:12.50]First line
            [00:05.00][01:05.5]Chorus <00:05.20>with <00:05.80>word times
            [00:20.123]

            An untimed note
            """;

    @TempDir
    Path folder;

    @BeforeEach
    void tools() {
        Tools.assumeFfmpeg();
    }

    @AfterAll
    static void deactivate() {
        READER.deactivate();
    }

    @Test
    void syncedLyricsInAVorbisCommentAreTimedSortedAndCleaned() throws Exception {
        Path flac = sine("song.flac");
        Tools.run(List.of("metaflac", "--set-tag=LYRICS=" + LRC, flac.toString()));

        Lyrics lyrics = READER.readLyrics(flac).orElseThrow();

        assertTrue(lyrics.synced());
        assertEquals("und", lyrics.language());
        assertEquals(250, lyrics.offsetMillis());
        assertEquals(List.of(new Lyrics.Line(5_000L, "Chorus with word times"), new Lyrics.Line(12_500L, "First line"),
                new Lyrics.Line(20_123L, ""), new Lyrics.Line(65_500L, "Chorus with word times")), lyrics.lines());
    }

    @Test
    void plainLyricsInAnId3UsltFrameKeepTheirLanguageAndLines() throws Exception {
        Path mp3 = sine("song.mp3");
        Tools.run(List.of("mid3v2", "--USLT", "Lyrics:Erste Zeile\n\nZweite Zeile: mit Doppelpunkt:deu",
                mp3.toString()));

        Lyrics lyrics = READER.readLyrics(mp3).orElseThrow();

        assertEquals(new Lyrics("deu", false, 0, List.of(new Lyrics.Line(null, "Erste Zeile"),
                new Lyrics.Line(null, ""), new Lyrics.Line(null, "Zweite Zeile: mit Doppelpunkt"))), lyrics);
    }

    @Test
    void lyricsInMp4AndOpusTagsAreRead() throws Exception {
        Path m4a = sine("song.m4a", "-metadata", "lyrics=[00:01.00]One\n[00:02.00]Two");
        assertEquals(List.of(new Lyrics.Line(1_000L, "One"), new Lyrics.Line(2_000L, "Two")),
                READER.readLyrics(m4a).orElseThrow().lines());
        Path opus = sine("song.opus", "-metadata", "UNSYNCEDLYRICS=Only line");
        assertEquals(List.of(new Lyrics.Line(null, "Only line")), READER.readLyrics(opus).orElseThrow().lines());
    }

    @Test
    void anLrcFileBesideTheTrackComesFirstInUtf8OrWindows1252() throws Exception {
        Path flac = sine("Café.flac");
        Tools.run(List.of("metaflac", "--set-tag=LYRICS=From the tag", flac.toString()));
        Files.write(folder.resolve("Café.lrc"), "[00:03.00]Déjà vu\n".getBytes(Charset.forName("windows-1252")));

        assertEquals(List.of(new Lyrics.Line(3_000L, "Déjà vu")), READER.readLyrics(flac).orElseThrow().lines());

        Files.writeString(folder.resolve("Café.lrc"), "\uFEFF[00:04.00]Déjà vu, en UTF-8\n");
        assertEquals(List.of(new Lyrics.Line(4_000L, "Déjà vu, en UTF-8")),
                READER.readLyrics(flac).orElseThrow().lines());
    }

    @Test
    void anLrcFileTooBigForLyricsIsPassedOverForTheTags() throws Exception {
        Path flac = sine("big.flac");
        Tools.run(List.of("metaflac", "--set-tag=LYRICS=From the tag", flac.toString()));
        Files.write(folder.resolve("big.lrc"), new byte[(int) LyricsSources.MAX_LRC_BYTES + 1]);

        assertEquals(List.of(new Lyrics.Line(null, "From the tag")), READER.readLyrics(flac).orElseThrow().lines());
    }

    @Test
    void aTrackWithoutLyricsHasNone() throws Exception {
        assertEquals(Optional.empty(), READER.readLyrics(sine("plain.flac", "-metadata", "title=No words")));
        assertEquals(Optional.empty(), READER.readLyrics(sine("blank.mp3", "-metadata", "lyrics= ")));
    }

    /** A 2-second 440 Hz sine in the format the name's extension selects. */
    private Path sine(String name, String... metadata) {
        Path file = folder.resolve(name);
        List<String> arguments = new ArrayList<>(List.of("-f", "lavfi", "-i",
                "sine=frequency=440:duration=2:sample_rate=48000"));
        arguments.addAll(List.of(metadata));
        arguments.add(file.toString());
        Tools.ffmpeg(arguments.toArray(String[]::new));
        return file;
    }
}
