package org.deckhand.decoder.internal;

/**
 * Downmixes more than two channels to stereo, ITU-R BS.775 style: left and right as they are, centre and back centre
 * into both sides at -3 dB (0.7071) and -6 dB (0.5), each surround into its side at -3 dB, the low-frequency channel
 * left out. Each side's gains are then scaled to sum to 1, so that the mix never clips: for 5.1 this gives left =
 * 0.414 L + 0.293 C + 0.293 Ls: ffmpeg's default 5.1-to-stereo matrix (1, 0.707, 0.707) normalised as ffmpeg's
 * {@code rematrix_maxval=1} does, which {@link FfmpegSource} asks for too.
 */
final class StereoDownmix {

    private static final float MINUS_3_DB = 0.70710677f;
    private static final float MINUS_6_DB = 0.5f;

    private final float[] leftGains;
    private final float[] rightGains;

    /**
     * @param speakers the source's channels, three or more
     */
    StereoDownmix(Speaker[] speakers) {
        leftGains = new float[speakers.length];
        rightGains = new float[speakers.length];
        for (int c = 0; c < speakers.length; c++) {
            switch (speakers[c]) {
                case LEFT, SURROUND_LEFT -> leftGains[c] = speakers[c] == Speaker.LEFT ? 1 : MINUS_3_DB;
                case RIGHT, SURROUND_RIGHT -> rightGains[c] = speakers[c] == Speaker.RIGHT ? 1 : MINUS_3_DB;
                case CENTER -> {
                    leftGains[c] = MINUS_3_DB;
                    rightGains[c] = MINUS_3_DB;
                }
                case BACK_CENTER -> {
                    leftGains[c] = MINUS_6_DB;
                    rightGains[c] = MINUS_6_DB;
                }
                case MONO -> {
                    leftGains[c] = 1;
                    rightGains[c] = 1;
                }
                case LOW_FREQUENCY -> {
                    // left out of the mix, like ffmpeg's default
                }
            }
        }
        normalise(leftGains);
        normalise(rightGains);
    }

    private static void normalise(float[] gains) {
        float sum = 0;
        for (float g : gains) {
            sum += g;
        }
        if (sum > 0) {
            for (int c = 0; c < gains.length; c++) {
                gains[c] /= sum;
            }
        }
    }

    /**
     * Mixes {@code frames} frames of {@code source[c][from..]} into {@code into[0][at..]} (left) and
     * {@code into[1][at..]} (right).
     */
    void mix(float[][] source, int from, float[][] into, int at, int frames) {
        float[] left = into[0];
        float[] right = into[1];
        for (int i = 0; i < frames; i++) {
            float l = 0;
            float r = 0;
            for (int c = 0; c < source.length; c++) {
                float v = source[c][from + i];
                l += leftGains[c] * v;
                r += rightGains[c] * v;
            }
            left[at + i] = l;
            right[at + i] = r;
        }
    }
}
