package org.deckhand.analysers.loudness;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deckhand.api.analysis.AnalyserDescriptor;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.analysis.PcmBlock;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.library.BuiltInAnalysers;

/**
 * The loudness measurement of one track: K-weights each channel, sums the energy in 100 ms steps for the gating
 * blocks, and meters the peaks. A mono file, given in one channel or as two equal ones, is measured on one channel;
 * a stereo file on both. When the file's channel count is not known, it notes whether the two channels stay
 * identical and then measures the track as mono (see {@link LoudnessAnalyser}). Memory is fixed, whatever the
 * track's length.
 */
final class LoudnessAnalysis implements Analysis {

    static final String INTEGRATED = BuiltInAnalysers.LOUDNESS_INTEGRATED_LUFS;
    static final String RANGE = BuiltInAnalysers.LOUDNESS_RANGE_LU;
    static final String SAMPLE_PEAK = BuiltInAnalysers.LOUDNESS_SAMPLE_PEAK_DBFS;
    static final String TRUE_PEAK = BuiltInAnalysers.LOUDNESS_TRUE_PEAK_DBTP;
    static final String REPLAY_GAIN = BuiltInAnalysers.LOUDNESS_REPLAY_GAIN_DB;
    static final String REPLAY_GAIN_PEAK = BuiltInAnalysers.LOUDNESS_REPLAY_GAIN_PEAK;

    /** The ReplayGain 2.0 reference level (LUFS). */
    private static final double REPLAY_GAIN_REFERENCE_LUFS = -18;
    private static final double INTEGRATED_RELATIVE_GATE_LU = 10;
    private static final double RANGE_RELATIVE_GATE_LU = 20;
    private static final double RANGE_LOW_PERCENTILE = 10;
    private static final double RANGE_HIGH_PERCENTILE = 95;
    /** What measuring one of two identical channels instead of both changes (dB). */
    private static final double MONO_OFFSET_DB = -10 * Math.log10(2);

    private final AnalyserDescriptor descriptor;
    private final int sampleRateHz;
    private final KWeighting weighting;
    private final TruePeakMeter[] peakMeters;
    private final GatingBlocks blocks = new GatingBlocks();
    /** Whether the track is measured on its first channel alone: a mono file. */
    private final boolean monoSource;
    /** Whether the file's channel count is unknown, so that identical channels stand for a mono file. */
    private final boolean layoutUnknown;
    private boolean channelsIdentical;
    private long frames;
    private long stepIndex;
    private long stepEndFrame;
    private double stepSumOfSquares;

    /**
     * @param descriptor the analyser's descriptor, for the result
     * @param format the blocks' sample rate and channel count
     * @param sourceChannels the channel count of the track's file, 0 when unknown
     */
    LoudnessAnalysis(AnalyserDescriptor descriptor, PcmFormat format, int sourceChannels) {
        this.descriptor = descriptor;
        this.sampleRateHz = format.sampleRateHz();
        monoSource = format.channels() == 1 || sourceChannels == 1;
        layoutUnknown = !monoSource && sourceChannels == 0;
        weighting = new KWeighting(sampleRateHz);
        peakMeters = new TruePeakMeter[monoSource ? 1 : format.channels()];
        for (int channel = 0; channel < peakMeters.length; channel++) {
            peakMeters[channel] = new TruePeakMeter();
        }
        channelsIdentical = layoutUnknown;
        stepEndFrame = stepEnd(0);
    }

    @Override
    public void process(PcmBlock block) {
        float[][] samples = block.samples();
        float[] left = samples[0];
        float[] right = samples[samples.length - 1];
        int count = block.frames();
        if (channelsIdentical) {
            channelsIdentical = Arrays.equals(left, 0, count, right, 0, count);
        }
        for (int channel = 0; channel < peakMeters.length; channel++) {
            peakMeters[channel].process(samples[channel], count);
        }
        int from = 0;
        while (from < count) {
            int to = (int) Math.min(count, from + stepEndFrame - frames);
            stepSumOfSquares += monoSource ? weighting.sumOfSquares(left, from, to)
                    : weighting.sumOfSquares(left, right, from, to);
            frames += to - from;
            from = to;
            if (frames == stepEndFrame) {
                blocks.addStep(stepSumOfSquares, (int) (stepEndFrame - stepEnd(stepIndex - 1)));
                stepSumOfSquares = 0;
                stepIndex++;
                stepEndFrame = stepEnd(stepIndex);
            }
        }
    }

    @Override
    public AnalysisResult finish() throws AnalysisException {
        double offsetDb = channelsIdentical ? MONO_OFFSET_DB : 0;
        double integrated = blocks.momentary().gatedLoudness(offsetDb, INTEGRATED_RELATIVE_GATE_LU);
        if (Double.isNaN(integrated)) {
            throw new AnalysisException("The track is silent or shorter than 0.4 s, so it has no loudness.");
        }
        float samplePeak = 0;
        float truePeak = 0;
        for (TruePeakMeter meter : peakMeters) {
            meter.flush();
            samplePeak = Math.max(samplePeak, meter.samplePeak());
            truePeak = Math.max(truePeak, meter.truePeak());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(INTEGRATED, integrated);
        double range = blocks.shortTerm().range(offsetDb, RANGE_RELATIVE_GATE_LU, RANGE_LOW_PERCENTILE,
                RANGE_HIGH_PERCENTILE);
        if (!Double.isNaN(range)) {
            values.put(RANGE, range);
        }
        values.put(SAMPLE_PEAK, 20 * Math.log10(samplePeak));
        values.put(TRUE_PEAK, 20 * Math.log10(truePeak));
        values.put(REPLAY_GAIN, REPLAY_GAIN_REFERENCE_LUFS - integrated);
        values.put(REPLAY_GAIN_PEAK, (double) truePeak);
        return AnalysisResult.of(descriptor, values);
    }

    /**
     * @return the frame after the last of step {@code step}; at rates that are not a multiple of 10 Hz the steps'
     *     lengths differ by one frame so that they keep to 0.1 s on average
     */
    private long stepEnd(long step) {
        return (step + 1) * sampleRateHz / GatingBlocks.STEPS_PER_SECOND;
    }
}
