package org.deckhand.tags.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deckhand.api.library.Artwork;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.TrackMetadata;
import org.deckhand.api.library.UnreadableAudioException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader on files made for each case: with ffmpeg, or by hand for what is not audio. */
class JaudiotaggerTagReaderTest {

    private static final JaudiotaggerTagReader READER = new JaudiotaggerTagReader();

    @TempDir
    Path folder;

    @AfterAll
    static void deactivate() {
        READER.deactivate();
    }

    @Test
    void aTextFileNamedMp3IsNotAnAudioFile() throws IOException {
        Path file = Files.writeString(folder.resolve("song.mp3"), "Just some notes about a song.\n");
        UnreadableAudioException e = assertThrows(UnreadableAudioException.class, () -> READER.read(file));
        assertEquals(file + ": not an audio file (it holds text)", e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void aZeroByteFileIsEmpty() throws IOException {
        Path file = Files.createFile(folder.resolve("empty.flac"));
        UnreadableAudioException e = assertThrows(UnreadableAudioException.class, () -> READER.read(file));
        assertEquals(file + ": empty file (0 bytes)", e.getMessage());
    }

    @Test
    void theFormatComesFromTheContentWhateverTheName() throws Exception {
        Tools.assumeFfmpeg();
        Path flac = sine("tone.flac", "-metadata", "title=Tone", "-metadata", "artist=AC/DC");
        for (String name : List.of("tone.mp3", "tone")) {
            Path renamed = Files.copy(flac, folder.resolve(name));
            TrackMetadata metadata = READER.read(renamed);
            assertEquals("flac", metadata.format());
            assertEquals("Tone", metadata.tags().title());
            assertEquals(List.of("AC/DC"), metadata.tags().artists(), "a single value keeps its slash");
            assertEquals(2.0, metadata.audio().durationSeconds(), 1e-9);
        }
    }

    @Test
    void readsReplayGainFromVorbisCommentsAndId3Txxx() throws Exception {
        Tools.assumeFfmpeg();
        for (String name : List.of("gain.flac", "gain.mp3")) {
            Path file = sine(name, "-metadata", "REPLAYGAIN_TRACK_GAIN=-6.50 dB", "-metadata",
                    "REPLAYGAIN_TRACK_PEAK=0.988312", "-metadata", "REPLAYGAIN_ALBUM_GAIN=+1.25 dB");
            assertEquals(new ReplayGain(-6.5, 0.988312, 1.25, null), READER.read(file).replayGain(), name);
        }
    }

    @Test
    void splitsRepeatedArtistComments() throws Exception {
        Tools.assumeFfmpeg();
        Path file = sine("duo.flac");
        Tools.run(List.of("metaflac", "--set-tag=ARTIST=Daft Punk", "--set-tag=ARTIST=Pharrell Williams",
                "--set-tag=BPM=116", "--set-tag=INITIALKEY=F#m", "--set-tag=LABEL=Columbia", file.toString()));
        TrackMetadata metadata = READER.read(file);
        assertEquals(List.of("Daft Punk", "Pharrell Williams"), metadata.tags().artists());
        assertEquals(116.0, metadata.tags().bpm());
        assertEquals("F#m", metadata.tags().key());
        assertEquals("Columbia", metadata.tags().label());
    }

    @Test
    void readsTheFrontCover() throws Exception {
        Tools.assumeFfmpeg();
        Path cover = folder.resolve("cover.png");
        Tools.ffmpeg("-f", "lavfi", "-i", "color=c=red:s=16x16", "-frames:v", "1", cover.toString());
        Path mp3 = folder.resolve("cover.mp3");
        Tools.ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-i", cover.toString(), "-map", "0",
                "-map", "1", "-c:v", "copy", "-id3v2_version", "3", "-metadata:s:v", "comment=Cover (front)",
                mp3.toString());
        assertTrue(READER.read(mp3).hasArtwork());
        Artwork artwork = READER.readArtwork(mp3).orElseThrow();
        assertEquals("image/png", artwork.mimeType());
        assertArrayEquals(Files.readAllBytes(cover), artwork.data());
        assertEquals(java.util.Optional.empty(), READER.readArtwork(sine("bare.flac")));
    }

    @Test
    void readsWavPackAudioFactsButNotItsTags() throws Exception {
        Tools.assumeFfmpeg();
        Path file = sine("tone.wv");
        TrackMetadata metadata = READER.read(file);
        assertEquals("wv", metadata.format());
        assertEquals(List.of("tags of WavPack files are not read"), metadata.warnings());
        assertEquals(Tools.ffprobe(file).path("format").path("duration").asDouble(),
                metadata.audio().durationSeconds(), 1e-3);
        assertEquals(44100, metadata.audio().sampleRateHz());
        assertTrue(metadata.audio().lossless());
    }

    @Test
    void readsWmaAndAlacTagsAndAudioFacts() throws Exception {
        Tools.assumeFfmpeg();
        Path wma = sine("tone.wma", "-c:a", "wmav2", "-metadata", "title=Windows Tone", "-metadata",
                "artist=Media Player");
        Path alac = sine("tone.m4a", "-c:a", "alac", "-metadata", "title=Apple Tone", "-metadata",
                "artist=Lossless", "-metadata", "album=Cupertino");

        TrackMetadata windows = READER.read(wma);
        TrackMetadata apple = READER.read(alac);

        assertEquals(List.of("wma", "Windows Tone", List.of("Media Player"), false),
                List.of(windows.format(), windows.tags().title(), windows.tags().artists(), windows.audio().lossless()));
        assertEquals(List.of("m4a", "alac", "Apple Tone", "Cupertino", true), List.of(apple.format(),
                apple.audio().codec(), apple.tags().title(), apple.tags().album(), apple.audio().lossless()));
        for (Path file : List.of(wma, alac)) {
            assertEquals(Tools.ffprobe(file).path("format").path("duration").asDouble(),
                    READER.read(file).audio().durationSeconds(), 0.05, file.toString());
        }
    }

    @Test
    void mapsNumbersAndGains() {
        assertEquals(3, TagsMapper.number("03/12"));
        assertEquals(null, TagsMapper.number("side A"));
        assertEquals(127.5, TagsMapper.bpm("127,5"));
        assertEquals(-6.5, ReplayGainMapper.decimal("-6.5 dB"));
        assertEquals(null, ReplayGainMapper.decimal("loud"));
        assertEquals(2, AudioFacts.channels("Joint Stereo"));
        assertEquals(0, AudioFacts.channels("-14"));
        assertEquals("a", TagValues.clean(new String(new byte[] {' ', 'a', 0}, StandardCharsets.ISO_8859_1)));
    }

    /** A 2-second 440 Hz sine, mono, 44.1 kHz, in the format the name's extension selects. */
    private Path sine(String name, String... metadata) {
        Path file = folder.resolve(name);
        List<String> arguments = new java.util.ArrayList<>(List.of("-f", "lavfi", "-i",
                "sine=frequency=440:duration=2:sample_rate=44100"));
        arguments.addAll(List.of(metadata));
        arguments.add(file.toString());
        Tools.ffmpeg(arguments.toArray(String[]::new));
        return file;
    }
}
