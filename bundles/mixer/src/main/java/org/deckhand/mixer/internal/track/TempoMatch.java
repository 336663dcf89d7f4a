package org.deckhand.mixer.internal.track;

import java.util.Optional;

/**
 * How the tempo of a track to mix in relates to the tempo playing: the factor that brings it onto the running tempo
 * (1, or 2 and 1/2 for half and double time) and the difference that remains, which time-stretching makes up.
 *
 * @param multiplier what the incoming track's BPM is multiplied by to compare with the running BPM: 1; 2 when it
 *     runs at half time (64 BPM into 128 BPM: each of its beats spans two running beats); 0.5 at double time
 * @param differencePercent the remaining difference, per cent of the running BPM: positive when the incoming track
 *     is faster
 */
public record TempoMatch(double multiplier, double differencePercent) {

    private static final double[] SAME_TIME = {1};
    private static final double[] HALF_DOUBLE_TIME = {1, 2, 0.5};

    /**
     * Finds the multiplier that brings the two tempos closest, preferring 1 on a tie.
     *
     * @param runningBpm the tempo playing, beats per minute
     * @param incomingBpm the tempo of the track to mix in, beats per minute
     * @param halfDoubleTime whether half and double time may match
     * @return the match, or empty when either tempo is not a positive number
     */
    public static Optional<TempoMatch> of(double runningBpm, double incomingBpm, boolean halfDoubleTime) {
        if (!(runningBpm > 0) || !(incomingBpm > 0)) {
            return Optional.empty();
        }
        TempoMatch best = null;
        for (double multiplier : halfDoubleTime ? HALF_DOUBLE_TIME : SAME_TIME) {
            double difference = 100 * (incomingBpm * multiplier - runningBpm) / runningBpm;
            if (best == null || Math.abs(difference) < Math.abs(best.differencePercent)) {
                best = new TempoMatch(multiplier, difference);
            }
        }
        return Optional.of(best);
    }

    /**
     * @param windowPercent the largest difference allowed, per cent
     * @return whether the remaining difference lies within it
     */
    public boolean within(double windowPercent) {
        return Math.abs(differencePercent) <= windowPercent;
    }
}
