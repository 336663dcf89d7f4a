package org.deckhand.mixer.internal.render;

import org.deckhand.api.library.ReplayGain;

/**
 * The gain a deck plays a track at: its ReplayGain 2.0 track gain, which brings it to -18 LUFS, lowered where needed
 * so that its peak stays at or below full scale (the clipping prevention of the ReplayGain 2.0 specification).
 */
final class PlaybackGain {

    private PlaybackGain() {
    }

    /**
     * @param replayGain the track's ReplayGain
     * @param unknownGainDb the gain for a track whose ReplayGain is unknown, dB
     * @return the linear gain
     */
    static double of(ReplayGain replayGain, double unknownGainDb) {
        double gainDb = replayGain.trackGainDb() == null ? unknownGainDb : replayGain.trackGainDb();
        double gain = Math.pow(10, gainDb / 20);
        Double peak = replayGain.trackPeak();
        return peak != null && peak > 0 ? Math.min(gain, 1 / peak) : gain;
    }
}
