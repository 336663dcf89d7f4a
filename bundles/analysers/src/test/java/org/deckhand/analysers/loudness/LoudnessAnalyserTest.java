package org.deckhand.analysers.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.deckhand.analysers.testing.AnalyserRun;
import org.deckhand.api.analysis.AnalysisException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The analyser against signals whose loudness and peaks are known exactly: the EBU test cases and others. */
class LoudnessAnalyserTest {

    private static final int RATE_HZ = 48_000;

    private static Map<String, Object> measure(float[][] samples, int sampleRateHz) throws AnalysisException {
        return AnalyserRun.run(new LoudnessAnalyser(), samples, sampleRateHz).values();
    }

    private static double integrated(ToneSequence tones, int sampleRateHz) throws AnalysisException {
        return (Double) measure(tones.stereo(), sampleRateHz).get(LoudnessAnalysis.INTEGRATED);
    }

    private static double range(ToneSequence tones) throws AnalysisException {
        return (Double) measure(tones.stereo(), RATE_HZ).get(LoudnessAnalysis.RANGE);
    }

    @Test
    void tech3341Case1SineAtMinus23ReadsMinus23() throws AnalysisException {
        assertEquals(-23, integrated(new ToneSequence(RATE_HZ, 1000, -23, 20), RATE_HZ), 0.1);
    }

    @Test
    void tech3341Case2SineAtMinus33ReadsMinus33() throws AnalysisException {
        assertEquals(-33, integrated(new ToneSequence(RATE_HZ, 1000, -33, 20), RATE_HZ), 0.1);
    }

    @Test
    void tech3341Case3RelativeGateDropsTheQuietEnds() throws AnalysisException {
        assertEquals(-23, integrated(new ToneSequence(RATE_HZ, 1000, -36, 10, -23, 60, -36, 10), RATE_HZ), 0.1);
    }

    @Test
    void tech3341Case4AbsoluteGateDropsNearSilence() throws AnalysisException {
        ToneSequence tones = new ToneSequence(RATE_HZ, 1000, -72, 10, -36, 10, -23, 60, -36, 10, -72, 10);
        assertEquals(-23, integrated(tones, RATE_HZ), 0.1);
    }

    @Test
    void tech3341Case5LoudMiddleAveragesToMinus23() throws AnalysisException {
        assertEquals(-23, integrated(new ToneSequence(RATE_HZ, 1000, -26, 20, -20, 20.1, -26, 20), RATE_HZ), 0.1);
    }

    @Test
    void tech3342Case1TenLuApart() throws AnalysisException {
        assertEquals(10, range(new ToneSequence(RATE_HZ, 1000, -20, 20, -30, 20)), 1);
    }

    @Test
    void tech3342Case2FiveLuApart() throws AnalysisException {
        assertEquals(5, range(new ToneSequence(RATE_HZ, 1000, -20, 20, -15, 20)), 1);
    }

    @Test
    void tech3342Case3TwentyLuApart() throws AnalysisException {
        assertEquals(20, range(new ToneSequence(RATE_HZ, 1000, -40, 20, -20, 20)), 1);
    }

    @Test
    void tech3342Case4RelativeGateDropsTheQuietestSteps() throws AnalysisException {
        assertEquals(15, range(new ToneSequence(RATE_HZ, 1000, -50, 20, -35, 20, -20, 20, -35, 20, -50, 20)), 1);
    }

    /**
     * The K-weighting is computed for the actual rate: tones on the slopes of the shelf (2 kHz) and of the high-pass
     * (40 Hz), where 48 kHz coefficients used at another rate would misread by decibels, read alike at any rate
     * within the 0.1 LU the EBU cases allow (the bilinear transform warps the response slightly: 0.07 LU at 2 kHz
     * and 22.05 kHz).
     */
    @ParameterizedTest
    @CsvSource({"22050, 2000", "44100, 2000", "96000, 2000", "192000, 2000", "22050, 40", "44100, 40", "192000, 40"})
    void integratedLoudnessDoesNotDependOnTheSampleRate(int sampleRateHz, double frequencyHz)
            throws AnalysisException {
        double reference = integrated(new ToneSequence(RATE_HZ, frequencyHz, -23, 10), RATE_HZ);
        assertEquals(reference, integrated(new ToneSequence(sampleRateHz, frequencyHz, -23, 10), sampleRateHz), 0.1);
    }

    /** ITU-R BS.1770-4, Annex 1, Tables 1 and 2: the coefficients at 48 kHz. */
    @Test
    void kWeightingAt48kHzHasTheRecommendationsCoefficients() {
        double[][] coefficients = new KWeighting(48_000).coefficients();
        double[] shelf = {1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241,
            0.73248077421585};
        double[] highPass = {1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621};
        for (int i = 0; i < 5; i++) {
            assertEquals(shelf[i], coefficients[0][i], 1e-6, "pre-filter coefficient " + i);
            assertEquals(highPass[i], coefficients[1][i], 1e-6, "high-pass coefficient " + i);
        }
    }

    /**
     * A sine at a quarter of the rate sampled 45 degrees off its crests: the true peak is 3.01 dB above the samples.
     * It fades in and out over 0.1 s, as a sine switched on and off at full level overshoots at the edges (Gibbs).
     */
    @Test
    void truePeakFindsTheCrestBetweenSamples() throws AnalysisException {
        int frames = 44_100 * 5;
        int fadeFrames = 4410;
        float[][] samples = new float[2][frames];
        double amplitude = Math.pow(10, -6 / 20.0);
        for (int frame = 0; frame < frames; frame++) {
            double fade = Math.min(1, Math.min(frame, frames - 1 - frame) / (double) fadeFrames);
            samples[0][frame] = (float) (fade * amplitude * Math.sin(Math.PI / 2 * frame + Math.PI / 4));
            samples[1][frame] = samples[0][frame] * 0.5f;
        }
        Map<String, Object> values = measure(samples, 44_100);
        assertEquals(-6 - 3.01, (Double) values.get(LoudnessAnalysis.SAMPLE_PEAK), 0.01);
        assertEquals(-6, (Double) values.get(LoudnessAnalysis.TRUE_PEAK), 0.05);
        assertEquals(amplitude, (Double) values.get(LoudnessAnalysis.REPLAY_GAIN_PEAK), 0.01);
    }

    /**
     * An inter-sample peak after louder samples: skipping quiet stretches must not skip it. A 1 kHz sine with sample
     * peaks at 0.5 comes first, then the quarter-rate sine of the test above with samples at 0.45 and crests at 0.636.
     */
    @Test
    void truePeakBetweenQuieterSamplesLaterInTheTrackIsFound() throws AnalysisException {
        int rateHz = 44_100;
        float[][] samples = new float[2][rateHz * 6];
        for (int frame = 0; frame < rateHz * 3; frame++) {
            samples[0][frame] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * frame / rateHz));
        }
        double crest = 0.45 * Math.sqrt(2);
        for (int frame = rateHz * 3; frame < samples[0].length; frame++) {
            double fade = Math.min(1, Math.min(frame - rateHz * 3, samples[0].length - 1 - frame) / 4410.0);
            samples[1][frame] = (float) (fade * crest * Math.sin(Math.PI / 2 * frame + Math.PI / 4));
        }
        Map<String, Object> values = measure(samples, rateHz);
        assertEquals(20 * Math.log10(0.5), (Double) values.get(LoudnessAnalysis.SAMPLE_PEAK), 0.01);
        assertEquals(20 * Math.log10(crest), (Double) values.get(LoudnessAnalysis.TRUE_PEAK), 0.05);
    }

    @Test
    void replayGainBringsTheTrackToMinus18() throws AnalysisException {
        Map<String, Object> values = measure(new ToneSequence(RATE_HZ, 1000, -23, 10).stereo(), RATE_HZ);
        assertEquals(5, (Double) values.get(LoudnessAnalysis.REPLAY_GAIN), 0.1);
    }

    /** A mono file comes as two identical channels; it is measured as one channel, as ffmpeg measures it. */
    @Test
    void aMonoFileIsMeasuredOnOneChannel() throws AnalysisException {
        float[][] stereo = new ToneSequence(RATE_HZ, 1000, -23, 10).stereo();
        float[][] dualMono = {stereo[0], stereo[0].clone()};
        Map<String, Object> values = AnalyserRun.run(new LoudnessAnalyser(), dualMono, RATE_HZ, 1).values();
        assertEquals(-26.01, (Double) values.get(LoudnessAnalysis.INTEGRATED), 0.1);
    }

    /** BS.1770 sums the two channels of a stereo file, even when they carry the same signal. */
    @Test
    void aStereoFileWithIdenticalChannelsSumsBoth() throws AnalysisException {
        float[][] stereo = new ToneSequence(RATE_HZ, 1000, -23, 10).stereo();
        float[][] identical = {stereo[0], stereo[0].clone()};
        Map<String, Object> values = AnalyserRun.run(new LoudnessAnalyser(), identical, RATE_HZ, 2).values();
        assertEquals(-23.0, (Double) values.get(LoudnessAnalysis.INTEGRATED), 0.1);
    }

    /** Begun without the file's format, the analyser takes identical channels for a mono file. */
    @Test
    void withoutTheChannelCountIdenticalChannelsAreMeasuredAsMono() throws AnalysisException {
        float[][] stereo = new ToneSequence(RATE_HZ, 1000, -23, 10).stereo();
        float[][] dualMono = {stereo[0], stereo[0].clone()};
        assertEquals(-26.01, (Double) measure(dualMono, RATE_HZ).get(LoudnessAnalysis.INTEGRATED), 0.1);
    }

    @Test
    void tooShortForARangeLeavesTheRangeOut() throws AnalysisException {
        Map<String, Object> values = measure(new ToneSequence(RATE_HZ, 1000, -23, 2).stereo(), RATE_HZ);
        assertFalse(values.containsKey(LoudnessAnalysis.RANGE));
        assertEquals(-23, (Double) values.get(LoudnessAnalysis.INTEGRATED), 0.1);
    }

    @Test
    void silenceHasNoLoudness() {
        assertThrows(AnalysisException.class, () -> measure(new float[2][RATE_HZ * 3], RATE_HZ));
    }
}
