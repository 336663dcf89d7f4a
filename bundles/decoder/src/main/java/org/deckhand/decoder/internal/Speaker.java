package org.deckhand.decoder.internal;

/**
 * The role of a decoded channel, for the stereo downmix, and the channel orders of the formats that carry more than
 * two channels.
 *
 * <p>Orders: WAVE and FLAC follow the WAVEFORMATEXTENSIBLE default order (Microsoft, "Multiple channel audio data and
 * WAVE files"; FLAC format specification, "Channel assignment"); Vorbis follows the Vorbis I specification, section
 * 4.3.9; AAC follows ISO/IEC 14496-3, table 1.19 (channel configurations).
 */
enum Speaker {
    LEFT, RIGHT, CENTER, LOW_FREQUENCY, SURROUND_LEFT, SURROUND_RIGHT, BACK_CENTER, MONO;

    private static final Speaker L = LEFT;
    private static final Speaker R = RIGHT;
    private static final Speaker C = CENTER;
    private static final Speaker LFE = LOW_FREQUENCY;
    private static final Speaker SL = SURROUND_LEFT;
    private static final Speaker SR = SURROUND_RIGHT;
    private static final Speaker BC = BACK_CENTER;

    /**
     * @param channels the channel count, 1 or more
     * @return the speakers in WAVE and FLAC order
     */
    static Speaker[] waveOrder(int channels) {
        return switch (channels) {
            case 1 -> new Speaker[] {MONO};
            case 2 -> new Speaker[] {L, R};
            case 3 -> new Speaker[] {L, R, C};
            case 4 -> new Speaker[] {L, R, SL, SR};
            case 5 -> new Speaker[] {L, R, C, SL, SR};
            case 6 -> new Speaker[] {L, R, C, LFE, SL, SR};
            case 7 -> new Speaker[] {L, R, C, LFE, BC, SL, SR};
            default -> alternating(new Speaker[] {L, R, C, LFE, SL, SR, SL, SR}, channels);
        };
    }

    /**
     * @param channelMask a WAVEFORMATEXTENSIBLE {@code dwChannelMask}, or 0 when the file has none
     * @param channels the channel count, 1 or more
     * @return the speakers the mask names, in bit order; the {@linkplain #waveOrder default order} when the mask is
     *     absent or does not name one speaker per channel
     */
    static Speaker[] waveMask(int channelMask, int channels) {
        if (channels <= 2 || Integer.bitCount(channelMask) != channels) {
            return waveOrder(channels);
        }
        Speaker[] byBit = {L, R, C, LFE, SL, SR, L, R, BC, SL, SR};
        Speaker[] speakers = new Speaker[channels];
        int c = 0;
        for (int bit = 0; bit < 32 && c < channels; bit++) {
            if ((channelMask & (1 << bit)) != 0) {
                speakers[c++] = bit < byBit.length ? byBit[bit] : (c % 2 == 1 ? L : R);
            }
        }
        return speakers;
    }

    /**
     * @param channels the channel count, 1 or more
     * @return the speakers in Vorbis order
     */
    static Speaker[] vorbisOrder(int channels) {
        return switch (channels) {
            case 1 -> new Speaker[] {MONO};
            case 2 -> new Speaker[] {L, R};
            case 3 -> new Speaker[] {L, C, R};
            case 4 -> new Speaker[] {L, R, SL, SR};
            case 5 -> new Speaker[] {L, C, R, SL, SR};
            case 6 -> new Speaker[] {L, C, R, SL, SR, LFE};
            case 7 -> new Speaker[] {L, C, R, SL, SR, BC, LFE};
            default -> alternating(new Speaker[] {L, C, R, SL, SR, SL, SR, LFE}, channels);
        };
    }

    /**
     * @param channels the channel count, 1 or more
     * @return the speakers in AAC order
     */
    static Speaker[] aacOrder(int channels) {
        return switch (channels) {
            case 1 -> new Speaker[] {MONO};
            case 2 -> new Speaker[] {L, R};
            case 3 -> new Speaker[] {C, L, R};
            case 4 -> new Speaker[] {C, L, R, BC};
            case 5 -> new Speaker[] {C, L, R, SL, SR};
            case 6 -> new Speaker[] {C, L, R, SL, SR, LFE};
            default -> alternating(new Speaker[] {C, L, R, L, R, SL, SR, LFE}, channels);
        };
    }

    /** The first eight speakers of a known order, then left and right alternately for any further channels. */
    private static Speaker[] alternating(Speaker[] firstEight, int channels) {
        Speaker[] speakers = new Speaker[channels];
        for (int c = 0; c < channels; c++) {
            speakers[c] = c < firstEight.length ? firstEight[c] : (c % 2 == 0 ? L : R);
        }
        return speakers;
    }
}
