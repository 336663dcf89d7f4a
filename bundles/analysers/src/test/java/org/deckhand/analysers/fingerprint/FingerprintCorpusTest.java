package org.deckhand.analysers.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.analysers.testing.AnalyserRun;
import org.deckhand.analysers.testing.Corpus;
import org.deckhand.analysers.testing.Pcm;
import org.junit.jupiter.api.Test;

/**
 * The fingerprints of the corpus's real-formats folder: eight songs, each as FLAC, WAV, AIFF, MP3 (CBR 320 and VBR),
 * AAC and Opus, decoded by ffmpeg. Every copy of a song is within a bit error rate of 0.25 of every other (the
 * catalog's threshold for one recording), and every two songs are at least 0.35 apart.
 */
class FingerprintCorpusTest {

    private static final FingerprintAnalyser ANALYSER = new FingerprintAnalyser();

    @Test
    void copiesOfOneSongInEveryFormatMatchAndDifferentSongsDoNot() throws IOException, AnalysisException {
        Map<Path, int[]> prints = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(Corpus.folder().resolve("real-formats"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                prints.put(file, fingerprint(Pcm.decode(file, new PcmFormat(AudioFingerprint.SAMPLE_RATE_HZ, 1))));
            }
        }
        assertEquals(56, prints.size(), "8 songs in 7 formats");
        List<String> misses = new ArrayList<>();
        double worstSame = 0;
        double closestDifferent = 1;
        List<Path> files = List.copyOf(prints.keySet());
        for (int i = 0; i < files.size(); i++) {
            for (int j = i + 1; j < files.size(); j++) {
                boolean sameSong = song(files.get(i)).equals(song(files.get(j)));
                double rate = bitErrorRate(prints.get(files.get(i)), prints.get(files.get(j)));
                if (sameSong ? rate > 0.25 : rate < 0.35) {
                    misses.add(String.format("%.3f %s / %s", rate, files.get(i), files.get(j)));
                }
                worstSame = sameSong ? Math.max(worstSame, rate) : worstSame;
                closestDifferent = sameSong ? closestDifferent : Math.min(closestDifferent, rate);
            }
        }
        assertTrue(misses.isEmpty(), String.format("worst same %.3f, closest different %.3f:%n%s", worstSame,
                closestDifferent, String.join("\n", misses)));
        int words = prints.values().iterator().next().length;
        assertTrue(words >= 75 && words <= AudioFingerprint.FRAMES, "29.5 s of sound give " + words + " words");
    }

    @Test
    void leadingSilenceDoesNotMoveTheFingerprint() throws AnalysisException {
        float[] song = Pcm.decode(firstFlac(), new PcmFormat(AudioFingerprint.SAMPLE_RATE_HZ, 1))[0];
        float[] delayed = new float[song.length + 3000];
        System.arraycopy(song, 0, delayed, 3000, song.length);

        double rate = bitErrorRate(fingerprint(new float[][] {song}), fingerprint(new float[][] {delayed}));
        assertTrue(rate < 0.15, "bit error rate " + rate);
    }

    @Test
    void silenceHasNoFingerprint() {
        AnalysisException error = assertThrows(AnalysisException.class,
                () -> fingerprint(new float[][] {new float[AudioFingerprint.SAMPLE_RATE_HZ * 10]}));
        assertTrue(error.getMessage().contains("too little for a fingerprint"), error.getMessage());
    }

    private static int[] fingerprint(float[][] samples) throws AnalysisException {
        String hex = (String) AnalyserRun.run(ANALYSER, samples, AudioFingerprint.SAMPLE_RATE_HZ).values()
                .get(AudioFingerprint.FIELD);
        int[] words = new int[hex.length() / 8];
        for (int i = 0; i < words.length; i++) {
            words[i] = HexFormat.fromHexDigits(hex, i * 8, i * 8 + 8);
        }
        return words;
    }

    private static double bitErrorRate(int[] a, int[] b) {
        int words = Math.min(a.length, b.length);
        int differing = 0;
        for (int i = 0; i < words; i++) {
            differing += Integer.bitCount(a[i] ^ b[i]);
        }
        return differing / (32.0 * words);
    }

    private static String song(Path file) {
        return file.getFileName().toString().substring(0, 2);
    }

    private static Path firstFlac() {
        try (Stream<Path> files = Files.list(Corpus.folder().resolve("real-formats/flac"))) {
            return files.sorted().findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
