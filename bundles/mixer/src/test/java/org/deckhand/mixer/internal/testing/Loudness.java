package org.deckhand.mixer.internal.testing;

import org.deckhand.analysers.loudness.LoudnessAnalyser;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.analysis.PcmBlock;
import org.deckhand.api.analysis.PcmFormat;

/** Measures audio with the loudness analyser: ITU-R BS.1770-4 integrated loudness and the ReplayGain 2.0 gain. */
public final class Loudness {

    private static final int BLOCK_FRAMES = 4096;

    private Loudness() {
    }

    /**
     * @param stereo the audio
     * @param rateHz its sample rate, Hz
     * @param fromSeconds where the measured stretch starts
     * @param toSeconds where it ends
     * @return its integrated loudness, LUFS
     */
    public static double integratedLufs(float[][] stereo, int rateHz, double fromSeconds, double toSeconds) {
        return ((Number) measure(stereo, rateHz, fromSeconds, toSeconds).values().get("integratedLufs"))
                .doubleValue();
    }

    /**
     * @param stereo a whole track
     * @param rateHz its sample rate, Hz
     * @return its ReplayGain 2.0 track gain, dB, and its true peak, linear
     */
    public static double[] replayGain(float[][] stereo, int rateHz) {
        AnalysisResult result = measure(stereo, rateHz, 0, stereo[0].length / (double) rateHz);
        return new double[] {((Number) result.values().get("replayGainDb")).doubleValue(),
                ((Number) result.values().get("replayGainPeak")).doubleValue()};
    }

    private static AnalysisResult measure(float[][] stereo, int rateHz, double fromSeconds, double toSeconds) {
        try {
            Analysis analysis = new LoudnessAnalyser().begin(null, new PcmFormat(rateHz, 2));
            int from = (int) Math.round(fromSeconds * rateHz);
            int to = (int) Math.min(stereo[0].length, Math.round(toSeconds * rateHz));
            float[][] block = new float[2][BLOCK_FRAMES];
            for (int start = from; start < to; start += BLOCK_FRAMES) {
                int count = Math.min(BLOCK_FRAMES, to - start);
                for (int channel = 0; channel < 2; channel++) {
                    System.arraycopy(stereo[channel], start, block[channel], 0, count);
                }
                analysis.process(new PcmBlock(block, count, start - from));
            }
            return analysis.finish();
        } catch (AnalysisException e) {
            throw new IllegalStateException("the loudness analyser failed: " + e.getMessage(), e);
        }
    }
}
