package org.deckhand.mixer.internal.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The energy a mix should have at each of its positions: a target from 1 (calm) to 10 (intense) for the first
 * track, the second, and so on; positions past the end keep the last target.
 *
 * @param targets the target energy at each position, from the seed (position 0) on
 */
public record EnergyCurve(List<Double> targets) {

    /**
     * @throws IllegalArgumentException if there is no target, or one lies outside 1..10
     */
    public EnergyCurve {
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("an energy curve needs at least one target");
        }
        for (double target : targets) {
            if (!(target >= 1 && target <= 10)) {
                throw new IllegalArgumentException("energy targets must lie in 1..10: " + target);
            }
        }
    }

    /**
     * The classic arc of a DJ set: a warm-up that rises from {@code start} to {@code peak} over the first 40 % of the
     * tracks, the peak held until 75 %, then a cool-down to {@code end}.
     *
     * @param tracks how many tracks the set has, at least 2
     * @param start the energy of the first track, 1 to 10
     * @param peak the energy at the peak, 1 to 10
     * @param end the energy of the last track, 1 to 10
     * @return the curve
     * @throws IllegalArgumentException if there are fewer than 2 tracks or an energy lies outside 1..10
     */
    public static EnergyCurve warmUpPeakCoolDown(int tracks, double start, double peak, double end) {
        if (tracks < 2) {
            throw new IllegalArgumentException("a warm-up, peak and cool-down needs at least 2 tracks: " + tracks);
        }
        List<Double> targets = new ArrayList<>(tracks);
        for (int position = 0; position < tracks; position++) {
            double progress = position / (double) (tracks - 1);
            double target;
            if (progress <= 0.4) {
                target = start + (peak - start) * progress / 0.4;
            } else if (progress <= 0.75) {
                target = peak;
            } else {
                target = peak + (end - peak) * (progress - 0.75) / 0.25;
            }
            targets.add(target);
        }
        return new EnergyCurve(targets);
    }

    /**
     * @param position a position in the mix, 0 for the seed
     * @return the target energy there, 1 to 10
     */
    public double at(int position) {
        return targets.get(Math.min(position, targets.size() - 1));
    }
}
