package org.deckhand.analysers.waveform;

import java.util.List;

/**
 * The JSON form of a track's waveform overview.
 *
 * @param trackId the track
 * @param points the number of points per channel
 * @param pointSeconds the duration each point covers (s)
 * @param durationSeconds the duration of the audio the overview covers (s)
 * @param channels per channel, its lowest and highest sample per point, in [-1, 1]
 * @param low the low band's (below 250 Hz) level per point, in [0, 1]
 * @param mid the mid band's (250 Hz to 4 kHz) level per point, in [0, 1]
 * @param high the high band's (above 4 kHz) level per point, in [0, 1]
 */
public record WaveformView(long trackId, int points, double pointSeconds, double durationSeconds,
        List<ChannelPeaks> channels, float[] low, float[] mid, float[] high) {

    /**
     * One channel of the overview.
     *
     * @param min the lowest sample per point, in [-1, 1]
     * @param max the highest sample per point, in [-1, 1]
     */
    public record ChannelPeaks(float[] min, float[] max) {
    }

    static WaveformView of(long trackId, double durationSeconds, WaveformOverview overview) {
        ChannelPeaks[] channels = new ChannelPeaks[overview.channels()];
        for (int channel = 0; channel < channels.length; channel++) {
            channels[channel] = new ChannelPeaks(overview.min()[channel], overview.max()[channel]);
        }
        return new WaveformView(trackId, overview.points(), overview.pointSeconds(), durationSeconds,
                List.of(channels), overview.low(), overview.mid(), overview.high());
    }
}
