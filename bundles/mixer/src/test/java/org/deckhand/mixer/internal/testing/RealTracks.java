package org.deckhand.mixer.internal.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import be.tarsos.dsp.resample.Resampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.deckhand.analysers.loudness.LoudnessAnalyser;
import org.deckhand.analysers.tempo.BeatGridAnalyser;
import org.deckhand.analysers.tempo.TempoAnalyser;
import org.deckhand.analysers.tempo.TempoRange;
import org.deckhand.api.analysis.Analyser;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.analysis.PcmBlock;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.audio.DecodedAudio;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.Track;
import org.deckhand.api.library.TrackMetadata;
import org.deckhand.decoder.internal.FileAudioDecoder;
import org.deckhand.mixer.internal.track.TrackFacts;
import org.deckhand.mixer.internal.track.TrackFactsReader;

/**
 * Real recordings from the test corpus that {@code ../shared/corpus/build.sh} builds, found through the
 * {@code deckhand.corpus} property or the {@code DECKHAND_CORPUS} variable: decoded by the decoder bundle and
 * analysed by the built-in tempo, beat grid and loudness analysers, as the server would.
 */
public final class RealTracks {

    private static final int ANALYSIS_RATE_HZ = 11_025;
    private static final int BLOCK_FRAMES = 4096;

    private RealTracks() {
    }

    /** @return the corpus folder; skips the calling test when there is none */
    public static Path corpus() {
        String property = System.getProperty("deckhand.corpus", System.getenv("DECKHAND_CORPUS"));
        boolean built = property != null && !property.isBlank() && Files.isRegularFile(Path.of(property,
                "manifest.tsv"));
        assumeTrue(built, "no test corpus: build it with `../shared/corpus/build.sh --quick /tmp/deckhand-corpus`, "
                + "then run with DECKHAND_CORPUS=/tmp/deckhand-corpus");
        return Path.of(property);
    }

    /**
     * @param file a 44.1 kHz stereo file
     * @return its audio, left and right
     * @throws IOException if it cannot be decoded, or is not 44.1 kHz stereo
     */
    public static float[][] decode(Path file) throws IOException {
        try (DecodedAudio audio = new FileAudioDecoder().open(file)) {
            if (!audio.format().equals(new PcmFormat(ClickTrack.RATE_HZ, 2))) {
                throw new IOException(file + " is " + audio.format() + ", not 44.1 kHz stereo");
            }
            StereoBuffer all = new StereoBuffer();
            float[][] block = new float[2][BLOCK_FRAMES];
            int count;
            while ((count = audio.read(block, BLOCK_FRAMES)) > 0) {
                all.append(block, count);
            }
            return all.toArrays();
        }
    }

    /**
     * @param id the track id to give it
     * @param stereo its audio at 44.1 kHz
     * @return its facts, from the tempo, beat grid and loudness analysers' results
     * @throws AnalysisException if an analyser fails on it
     */
    public static TrackFacts analyse(long id, float[][] stereo) throws AnalysisException {
        float[] mono = monoAtAnalysisRate(stereo);
        double seconds = stereo[0].length / (double) ClickTrack.RATE_HZ;
        List<AnalysisResult> results = List.of(
                run(new TempoAnalyser(TempoRange.DEFAULT), new float[][] {mono}, ANALYSIS_RATE_HZ),
                run(new BeatGridAnalyser(TempoRange.DEFAULT), new float[][] {mono}, ANALYSIS_RATE_HZ),
                run(new LoudnessAnalyser(), stereo, ClickTrack.RATE_HZ));
        AudioFile file = new AudioFile(Path.of("/music/" + id + ".flac"), 1, Instant.EPOCH, "flac", null, null);
        Tags tags = new Tags("Track " + id, List.of("Artist " + id), null, null, null, null, null, null, null, null,
                null, null, null);
        TrackMetadata metadata = new TrackMetadata("flac", tags, new AudioProperties("flac", seconds, 0,
                ClickTrack.RATE_HZ, 16, 2, true), ReplayGain.NONE, false, List.of());
        return TrackFactsReader.of(new CatalogTrack(new Track(id, file, tags, seconds, results), metadata,
                Instant.EPOCH, null));
    }

    /**
     * @param stereo audio at 44.1 kHz
     * @return what the beat grid analyser finds in it
     * @throws AnalysisException if the analyser fails on it
     */
    public static AnalysisResult beatGrid(float[][] stereo) throws AnalysisException {
        return run(new BeatGridAnalyser(TempoRange.DEFAULT), new float[][] {monoAtAnalysisRate(stereo)},
                ANALYSIS_RATE_HZ);
    }

    private static AnalysisResult run(Analyser analyser, float[][] samples, int rateHz) throws AnalysisException {
        Analysis analysis = analyser.begin(null, new PcmFormat(rateHz, samples.length));
        float[][] block = new float[samples.length][BLOCK_FRAMES];
        for (int start = 0; start < samples[0].length; start += BLOCK_FRAMES) {
            int count = Math.min(BLOCK_FRAMES, samples[0].length - start);
            for (int channel = 0; channel < samples.length; channel++) {
                System.arraycopy(samples[channel], start, block[channel], 0, count);
            }
            analysis.process(new PcmBlock(block, count, start));
        }
        return analysis.finish();
    }

    /** @return the channels' mean, resampled to the tempo analysers' rate with TarsosDSP's resampler */
    private static float[] monoAtAnalysisRate(float[][] stereo) {
        float[] mono = new float[stereo[0].length];
        for (int i = 0; i < mono.length; i++) {
            mono[i] = (stereo[0][i] + stereo[1][i]) / 2;
        }
        double factor = ANALYSIS_RATE_HZ / (double) ClickTrack.RATE_HZ;
        float[] out = new float[(int) (mono.length * factor) + 1024];
        Resampler.Result result = new Resampler(false, factor, factor).process(factor, mono, 0, mono.length, true,
                out, 0, out.length);
        return Arrays.copyOf(out, result.outputSamplesGenerated);
    }
}
