package org.deckhand.analysers.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.deckhand.api.analysis.Analyser;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.analysis.PcmBlock;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.Track;

/** Runs an analyser over audio held in memory, block by block, the way the pipeline does. */
public final class AnalyserRun {

    /** Frames per block, as the pipeline sends them. */
    public static final int BLOCK_FRAMES = 4096;

    private AnalyserRun() {
    }

    /**
     * @param analyser the analyser
     * @param samples the audio, {@code [channel][frame]}, in the analyser's channel count
     * @param sampleRateHz the audio's sample rate (Hz)
     * @return the analyser's result
     * @throws AnalysisException as the analyser throws it
     */
    public static AnalysisResult run(Analyser analyser, float[][] samples, int sampleRateHz) throws AnalysisException {
        return run(analyser, track(samples[0].length / (double) sampleRateHz, Tags.NONE), samples, sampleRateHz);
    }

    /**
     * @param analyser the analyser
     * @param track the track the audio belongs to
     * @param samples the audio, {@code [channel][frame]}, in the analyser's channel count
     * @param sampleRateHz the audio's sample rate (Hz)
     * @return the analyser's result
     * @throws AnalysisException as the analyser throws it
     */
    public static AnalysisResult run(Analyser analyser, Track track, float[][] samples, int sampleRateHz)
            throws AnalysisException {
        return feed(analyser.begin(track, new PcmFormat(sampleRateHz, samples.length)), samples);
    }

    /**
     * Runs the analyser as the pipeline does on a file whose own channel count may differ from the blocks', as a
     * mono file handed over as two equal channels.
     *
     * @param analyser the analyser
     * @param samples the audio, {@code [channel][frame]}, in the analyser's channel count
     * @param sampleRateHz the audio's sample rate (Hz), the file's too
     * @param fileChannels the file's own channel count
     * @return the analyser's result
     * @throws AnalysisException as the analyser throws it
     */
    public static AnalysisResult run(Analyser analyser, float[][] samples, int sampleRateHz, int fileChannels)
            throws AnalysisException {
        Track track = track(samples[0].length / (double) sampleRateHz, Tags.NONE);
        return feed(analyser.begin(track, new PcmFormat(sampleRateHz, samples.length),
                new PcmFormat(sampleRateHz, fileChannels)), samples);
    }

    private static AnalysisResult feed(Analysis analysis, float[][] samples) throws AnalysisException {
        float[][] block = new float[samples.length][BLOCK_FRAMES];
        int total = samples[0].length;
        for (int start = 0; start < total; start += BLOCK_FRAMES) {
            int frames = Math.min(BLOCK_FRAMES, total - start);
            for (int channel = 0; channel < samples.length; channel++) {
                System.arraycopy(samples[channel], start, block[channel], 0, frames);
            }
            analysis.process(new PcmBlock(block, frames, start));
        }
        return analysis.finish();
    }

    /**
     * @param durationSeconds the track's playing time
     * @return a track with no tags, as an analyser sees a freshly found file
     */
    public static Track track(double durationSeconds) {
        return track(durationSeconds, Tags.NONE);
    }

    /**
     * @param durationSeconds the track's playing time
     * @param tags its tags
     * @return a track with those tags, as an analyser sees a freshly found file
     */
    public static Track track(double durationSeconds, Tags tags) {
        AudioFile file = new AudioFile(Path.of("/music/test.flac"), 1, Instant.EPOCH, "flac", null, null);
        return new Track(1, file, tags, durationSeconds, List.of());
    }
}
