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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deckhand.cue.internal.CueSheetService;
import org.deckhand.decoder.internal.FileAudioDecoder;
import org.deckhand.mixer.internal.audio.DecoderTrackOpener;
import org.deckhand.mixer.internal.encode.StreamFormat;
import org.deckhand.mixer.internal.render.TransitionOptions;
import org.deckhand.mixer.internal.testing.RealTracks;
import org.deckhand.testing.RecordingEventAdmin;
import org.deckhand.mixer.internal.track.TrackFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listens to a mix of corpus recordings of different lengths (a real 112 s track; two labelled items at 100 and 97
 * BPM with steady beats, 45 s and one cut to 30 s with ffmpeg; a real track cut to 45 s), analysed as the server
 * would, rendered to MP3 with fades asked for that outlast the short tracks (16-bar beat-matched fades, about 40 s
 * at 100 BPM, and 40 s plain ones) and decoded by ffmpeg as a player would: ffmpeg's {@code silencedetect} finds no second below
 * -50 dB anywhere, and around every transition (3 s before its CUE index to 15 s after) the EBU R 128 short-term
 * loudness (3 s windows) that ffmpeg's {@code ebur128} filter measures on the decoded audio never changes by more
 * than 3 LU within a second.
 */
class RealMixListeningTest {

    private static final Pattern SHORT_TERM = Pattern.compile("t: *([0-9.]+) .*S: *(-?[0-9.]+)");
    private static final Pattern INDEX = Pattern.compile("INDEX 01 (\\d+):(\\d\\d):(\\d\\d)");
    private static final double MAX_JUMP_LU = 3;
    /** The defaults (16-bar beat-matched fades, about 40 s at 100 BPM) but for 40 s plain fades. */
    private static final TransitionOptions LONG_FADES = new TransitionOptions(44_100, 16, 8, false, 0.5, 0.5, 8,
            true, 40, -8);

    @TempDir
    Path folder;

    @Test
    void transitionsBetweenTracksOfThirtySecondsToTwoMinutesHaveNoDeadAirAndNoLoudnessJump() throws Exception {
        Path corpus = RealTracks.corpus();
        List<Path> files = List.of(
                cut(corpus.resolve("real/supertux-data/antarctic/airship_remix.ogg"), 0, 0, "1.flac"),
                cut(corpus.resolve("labelled/midi_blupi_music006.flac"), 0, 0, "2.flac"),
                cut(corpus.resolve("labelled/mma_desert_97_Dm.flac"), 0, 30, "3.flac"),
                cut(corpus.resolve("real/hyperrogue-music/hr-domina-hunting.ogg"), 10, 45, "4.flac"));
        Map<Long, Path> paths = new LinkedHashMap<>();
        List<TrackFacts> tracks = new ArrayList<>();
        for (Path file : files) {
            long id = tracks.size() + 1;
            paths.put(id, file);
            tracks.add(RealTracks.analyse(id, RealTracks.decode(file)));
        }
        assertEquals(45, tracks.get(1).durationSeconds(), 0.1);
        assertEquals(30, tracks.get(2).durationSeconds(), 0.1);

        RenderJob job = new RenderJob("listen", tracks, new DecoderTrackOpener(new FileAudioDecoder(), paths::get,
                MixService.SAMPLE_RATE_HZ), LONG_FADES, StreamFormat.MP3, 192, folder,
                new CueSheetService(), new MixEvents(new RecordingEventAdmin()), System::nanoTime);
        job.run();
        RenderStatus status = job.status();
        assertEquals("DONE", status.state(), status.error());
        Path mix = Path.of(status.file());
        List<Double> starts = cueStarts(Path.of(status.cueFile()));
        assertEquals(4, starts.size(), "every track plays: " + starts);

        String silences = ffmpeg(mix, "silencedetect=noise=-50dB:d=1", "info");
        assertTrue(!silences.contains("silence_start"), "near-silence in the mix: " + silences);

        TreeMap<Double, Double> shortTerm = shortTermLoudness(ffmpeg(mix, "ebur128=framelog=verbose", "verbose"));
        for (double start : starts.subList(1, starts.size())) {
            double worst = 0;
            double at = start;
            for (Map.Entry<Double, Double> entry : shortTerm.subMap(start - 3, true, start + 15, true).entrySet()) {
                double jump = Math.abs(shortTerm.floorEntry(entry.getKey() + 1).getValue() - entry.getValue());
                if (jump > worst) {
                    worst = jump;
                    at = entry.getKey();
                }
            }
            assertTrue(worst <= MAX_JUMP_LU, String.format("the short-term loudness changes by %.1f LU within a "
                    + "second at %.1f s, in the transition at %.1f s (tracks start at %s)", worst, at, start,
                    starts));
        }
    }

    /** @return the file, or {@code seconds} of it from {@code from} on (all of it for 0), as 44.1 kHz stereo FLAC */
    private Path cut(Path source, double from, double seconds, String name) throws IOException, InterruptedException {
        Path out = folder.resolve(name);
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-ss",
                Double.toString(from), "-i", source.toString()));
        if (seconds > 0) {
            command.addAll(List.of("-t", Double.toString(seconds)));
        }
        command.addAll(List.of("-ar", "44100", "-ac", "2", out.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return out;
    }

    private static List<Double> cueStarts(Path cue) throws IOException {
        List<Double> starts = new ArrayList<>();
        Matcher index = INDEX.matcher(Files.readString(cue, StandardCharsets.UTF_8));
        while (index.find()) {
            starts.add(Integer.parseInt(index.group(1)) * 60 + Integer.parseInt(index.group(2))
                    + Integer.parseInt(index.group(3)) / 75.0);
        }
        return starts;
    }

    private static TreeMap<Double, Double> shortTermLoudness(String log) {
        TreeMap<Double, Double> loudness = new TreeMap<>();
        for (String line : log.split("\n")) {
            Matcher values = SHORT_TERM.matcher(line);
            if (line.contains("TARGET") && values.find()) {
                loudness.put(Double.parseDouble(values.group(1)), Double.parseDouble(values.group(2)));
            }
        }
        assertTrue(loudness.size() > 100, "ebur128 measured nothing: " + log.substring(0, Math.min(500,
                log.length())));
        return loudness;
    }

    /** @return what ffmpeg logs while decoding the file through the filter */
    private static String ffmpeg(Path file, String filter, String level) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ffmpeg", "-nostdin", "-nostats", "-v", level, "-i", file.toString(),
                "-af", filter, "-f", "null", "-").start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        String log = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        out.join();
        assertEquals(0, process.waitFor(), log);
        return log;
    }
}
