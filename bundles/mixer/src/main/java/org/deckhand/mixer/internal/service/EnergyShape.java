package org.deckhand.mixer.internal.service;

import java.util.ArrayList;
import java.util.List;
import org.deckhand.mixer.internal.plan.EnergyCurve;

/** The energy curves a mix may follow, by name, as the API takes them. */
public enum EnergyShape {

    /** No curve: each track keeps close to the energy of the one before. */
    NONE,
    /** A warm-up: from energy 3 to 8, evenly. */
    WARM_UP,
    /** Peak time: energy 8 throughout. */
    PEAK,
    /** A cool-down: from energy 8 to 3, evenly. */
    COOL_DOWN,
    /** A whole set: a warm-up from 4 to a peak of 9 held from 40 % to 75 % of the tracks, then down to 5. */
    SET;

    private static final double LOW = 3;
    private static final double HIGH = 8;

    /**
     * @param tracks how many tracks the plan has, the seed included
     * @return the curve, or null for {@link #NONE}
     */
    public EnergyCurve curve(int tracks) {
        int length = Math.max(2, tracks);
        return switch (this) {
            case NONE -> null;
            case WARM_UP -> ramp(length, LOW, HIGH);
            case PEAK -> new EnergyCurve(List.of(HIGH));
            case COOL_DOWN -> ramp(length, HIGH, LOW);
            case SET -> EnergyCurve.warmUpPeakCoolDown(length, 4, 9, 5);
        };
    }

    private static EnergyCurve ramp(int tracks, double from, double to) {
        List<Double> targets = new ArrayList<>(tracks);
        for (int position = 0; position < tracks; position++) {
            targets.add(from + (to - from) * position / (tracks - 1));
        }
        return new EnergyCurve(targets);
    }
}
