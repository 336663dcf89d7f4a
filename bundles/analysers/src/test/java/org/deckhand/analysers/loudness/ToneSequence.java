package org.deckhand.analysers.loudness;

/**
 * Builds the stereo test signals of EBU Tech 3341 and 3342: a 1 kHz sine in both channels, in segments of stated level
 * (dBFS, peak) and duration (s). The right channel's sine starts a quarter period later than the left's: the same level
 * and loudness in each channel, yet the channels are not sample-identical, so the analyser does not take the signal
 * for a mono file.
 */
final class ToneSequence {

    private final int sampleRateHz;
    private final double frequencyHz;
    private final double[] levelsDbfs;
    private final double[] durationsSeconds;

    /**
     * @param sampleRateHz the sample rate (Hz)
     * @param frequencyHz the sine's frequency (Hz)
     * @param levelsAndDurations pairs of level (dBFS) and duration (s)
     */
    ToneSequence(int sampleRateHz, double frequencyHz, double... levelsAndDurations) {
        this.sampleRateHz = sampleRateHz;
        this.frequencyHz = frequencyHz;
        levelsDbfs = new double[levelsAndDurations.length / 2];
        durationsSeconds = new double[levelsDbfs.length];
        for (int i = 0; i < levelsDbfs.length; i++) {
            levelsDbfs[i] = levelsAndDurations[2 * i];
            durationsSeconds[i] = levelsAndDurations[2 * i + 1];
        }
    }

    /**
     * @return the samples, {@code [2][frames]}; the sine comes from a rotating phasor, far quicker than a sine and a
     *     cosine per sample and exact to within 1e-9 over minutes
     */
    float[][] stereo() {
        double totalSeconds = 0;
        for (double seconds : durationsSeconds) {
            totalSeconds += seconds;
        }
        int frames = (int) Math.round(totalSeconds * sampleRateHz);
        float[][] samples = new float[2][frames];
        double stepCos = Math.cos(2 * Math.PI * frequencyHz / sampleRateHz);
        double stepSin = Math.sin(2 * Math.PI * frequencyHz / sampleRateHz);
        double sin = 0;
        double cos = 1;
        int frame = 0;
        double elapsedSeconds = 0;
        for (int segment = 0; segment < levelsDbfs.length; segment++) {
            elapsedSeconds += durationsSeconds[segment];
            int end = (int) Math.round(elapsedSeconds * sampleRateHz);
            double amplitude = Math.pow(10, levelsDbfs[segment] / 20);
            for (; frame < end; frame++) {
                samples[0][frame] = (float) (amplitude * sin);
                samples[1][frame] = (float) (amplitude * cos);
                double nextSin = sin * stepCos + cos * stepSin;
                cos = cos * stepCos - sin * stepSin;
                sin = nextSin;
            }
        }
        return samples;
    }
}
