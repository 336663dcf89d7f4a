package org.deckhand.mixer.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.music.CamelotKey;
import org.deckhand.cue.internal.CueSheetService;
import org.deckhand.decoder.internal.FileAudioDecoder;
import org.deckhand.mixer.internal.audio.DecoderTrackOpener;
import org.deckhand.mixer.internal.encode.StreamFormat;
import org.deckhand.mixer.internal.testing.Ffmpeg;
import org.deckhand.mixer.internal.testing.RealTracks;
import org.deckhand.testing.RecordingEventAdmin;
import org.deckhand.mixer.internal.track.TrackFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mix of one recording of each format in the corpus ({@code real-formats/}: AIFF, FLAC, AAC, MP3 CBR and VBR, Opus,
 * WAV; 44.1 and 48 kHz), with an empty FLAC among them, rendered to MP3 through the decoder bundle as the server
 * would: every readable file plays, the broken one is skipped, and ffmpeg decodes the result without an error.
 */
class RealFormatsMixTest {

    private static final double SECONDS = 30;
    /** The 12 s plain fade, shortened to a third of the 30 s tracks. */
    private static final double PLAIN_FADE_SECONDS = SECONDS / 3;

    @TempDir
    Path data;

    @Test
    void everyFormatPlaysInOneMixAndABrokenFileIsSkipped() throws Exception {
        Path corpus = RealTracks.corpus();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> folders = Files.list(corpus.resolve("real-formats")).sorted()) {
            for (Path folder : folders.toList()) {
                try (Stream<Path> inFolder = Files.list(folder).sorted()) {
                    inFolder.filter(file -> file.getFileName().toString().startsWith("02 ")).findFirst()
                            .ifPresent(files::add);
                }
            }
        }
        files.add(2, corpus.resolve("broken/empty.flac"));
        Map<Long, Path> paths = new LinkedHashMap<>();
        Map<Long, TrackFacts> facts = new LinkedHashMap<>();
        for (Path file : files) {
            long id = paths.size() + 1;
            paths.put(id, file);
            facts.put(id, new TrackFacts(id, List.of("Artist " + id), file.getFileName().toString(), 120.0, 0,
                    CamelotKey.parse("8A").orElseThrow(), 5.0, SECONDS, null, ReplayGain.NONE, null));
        }
        TrackLibrary library = new TrackLibrary() {
            @Override
            public Optional<TrackFacts> facts(long trackId) {
                return Optional.ofNullable(facts.get(trackId));
            }

            @Override
            public List<TrackFacts> search(String query, int limit) {
                return List.copyOf(facts.values());
            }

            @Override
            public List<TrackFacts> all() {
                return List.copyOf(facts.values());
            }

            @Override
            public Path file(long trackId) {
                return paths.get(trackId);
            }
        };
        MixService service = new MixService(library, new DecoderTrackOpener(new FileAudioDecoder(), paths::get,
                MixService.SAMPLE_RATE_HZ), new CueSheetService(), new RecordingEventAdmin(), TestLibrary.configuration(1),
                data);
        try {
            List<String> ids = paths.keySet().stream().map(String::valueOf).toList();
            MixView mix = service.create(new Seed(null, null, ids), new MixOptions(null, null, null, null, 0, null,
                    null));
            assertEquals(files.size(), mix.plan().size());
            service.render(mix.id(), StreamFormat.MP3);
            RenderStatus status = service.renderStatus(mix.id());
            long deadline = System.nanoTime() + 300_000_000_000L;
            while ("RUNNING".equals(status.state()) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                status = service.renderStatus(mix.id());
            }
            assertEquals("DONE", status.state(), status.error());
            int playable = files.size() - 1;
            Ffmpeg.Decoded decoded = Ffmpeg.decode(Path.of(status.file()), "-f", "mp3");
            assertEquals("", decoded.errors());
            assertEquals(playable * SECONDS - (playable - 1) * PLAIN_FADE_SECONDS, decoded.seconds(), 1);
            String cue = Files.readString(Path.of(status.cueFile()), StandardCharsets.UTF_8);
            assertTrue(cue.contains(String.format("TRACK %02d AUDIO", playable)), cue);
            assertTrue(!cue.contains(String.format("TRACK %02d AUDIO", playable + 1)), cue);
            assertTrue(!cue.contains("empty.flac"), cue);
        } finally {
            service.deactivate();
        }
    }

    @Test
    void aMixOverTheSameSongsInSevenFormatsPlaysEachRecordingOnce() throws Exception {
        Path corpus = RealTracks.corpus();
        Map<Long, TrackFacts> facts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(corpus.resolve("real-formats"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Map<String, String> probed = probe(file);
                long id = facts.size() + 1;
                facts.put(id, new TrackFacts(id, List.of(probed.get("artist")), probed.get("title"), 120.0, 0,
                        CamelotKey.parse("8A").orElseThrow(), 5.0, Double.parseDouble(probed.get("duration")), null,
                        ReplayGain.NONE, file.getFileName().toString()));
            }
        }
        assertEquals(56, facts.size(), "8 songs in 7 formats");
        TrackLibrary library = new TrackLibrary() {
            @Override
            public Optional<TrackFacts> facts(long trackId) {
                return Optional.ofNullable(facts.get(trackId));
            }

            @Override
            public List<TrackFacts> search(String query, int limit) {
                return List.copyOf(facts.values());
            }

            @Override
            public List<TrackFacts> all() {
                return List.copyOf(facts.values());
            }

            @Override
            public Path file(long trackId) {
                return null;
            }
        };
        MixService service = new MixService(library, TestLibrary.opener(), new CueSheetService(),
                new RecordingEventAdmin(), TestLibrary.configuration(1), data);
        try {
            MixView mix = service.create(new Seed(null, "1", null), new MixOptions(40, null, null, null, 0, null,
                    null));
            List<String> songs = mix.plan().stream().map(entry -> entry.artist() + " - " + entry.title()).toList();
            assertEquals(8, songs.size(), songs.toString());
            assertEquals(8, songs.stream().distinct().count(), "no recording twice: " + songs);
            assertTrue(mix.planEnd().contains("every track of the pool"), mix.planEnd());
        } finally {
            service.deactivate();
        }
    }

    /** @return the artist, title and duration ffprobe reads in a file's container or stream tags */
    private static Map<String, String> probe(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries",
                "format=duration:format_tags=artist,title:stream_tags=artist,title", "-of", "default=nw=1",
                file.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.putIfAbsent(line.substring(0, equals).replace("TAG:", "").toLowerCase(Locale.ROOT),
                        line.substring(equals + 1).strip());
            }
        }
        assertTrue(values.keySet().containsAll(List.of("artist", "title", "duration")), file + ": " + out);
        return values;
    }
}
