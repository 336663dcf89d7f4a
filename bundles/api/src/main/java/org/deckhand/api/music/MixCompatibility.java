package org.deckhand.api.music;

/**
 * How well one track mixes into the one playing, as one score from 0 (not at all) to 1 (perfectly): the one
 * rating of a move that {@code GET /tracks/{id}/compatible} sorts by and the mixer's planner turns into a cost. It
 * weighs three things in the order of harmonic-mixing practice, where clashing keys cannot be saved by tempo and
 * tempo can be matched by time-stretching within a few per cent:
 *
 * <ul>
 *   <li>{@value #KEY_WEIGHT} harmony, by the move on the Camelot wheel ({@link CamelotKey.Relation}), after Mark
 *       Davis's Camelot system (Mixed In Key, "Harmonic Mixing Guide"): the same key 1.0; one step around the wheel,
 *       a perfect fifth that keeps 6 of the 7 notes and the mode, 0.8; the relative major or minor, which keeps all
 *       7 notes but moves the tonal centre and turns the mood, 0.7; the energy boost two steps up, a whole tone that
 *       keeps 5 notes and is meant as a lift now and then, not a blend, 0.4; any other move (a semitone up, the
 *       "+7" boost, among them) clashes when the two play together, 0;</li>
 *   <li>{@value #TEMPO_WEIGHT} tempo: 1 at the same BPM, falling evenly to 0 at the edge of the BPM window (a
 *       turntable's pitch fader spans ±6 or ±8 %; beyond a few per cent time-stretching is heard), less
 *       {@value #HALF_DOUBLE_TIME_PENALTY} when the tracks meet only at half or double time, as the groove then
 *       changes;</li>
 *   <li>{@value #ENERGY_WEIGHT} energy: 1 at the same energy level (1 to 10), falling evenly to 0 at a jump of
 *       {@value #ENERGY_JUMP} levels or more, where a dance floor feels a break rather than a build; 0.5 when either
 *       level is unknown, the cost of a jump of 1.5 levels.</li>
 * </ul>
 * An unknown key or tempo scores 0 for its part.
 */
public final class MixCompatibility {

    /** The share of harmony in the score. */
    public static final double KEY_WEIGHT = 0.45;
    /** The share of tempo in the score. */
    public static final double TEMPO_WEIGHT = 0.2;
    /** The share of energy in the score. */
    public static final double ENERGY_WEIGHT = 0.35;
    /** What a match at half or double time takes off the tempo part, before its weight. */
    public static final double HALF_DOUBLE_TIME_PENALTY = 0.3;
    /** The difference of energy levels that scores 0 for the energy part. */
    public static final double ENERGY_JUMP = 3;

    private static final double UNKNOWN_ENERGY = 0.5;

    private MixCompatibility() {
    }

    /**
     * @param keyRelation the move from the playing track's key to the other's, or null when either key is unknown
     * @param tempoDifferencePercent the tempo difference left after any half or double time, in per cent of the
     *     playing track's BPM, positive when the other is faster; NaN when either BPM is unknown
     * @param halfOrDoubleTime whether the tempos meet only at half or double time
     * @param bpmWindowPercent the largest tempo difference a mix allows, in per cent, positive
     * @param energyFrom the playing track's energy level, 1 to 10, or null when unknown
     * @param energyTo the other track's energy level, 1 to 10, or null when unknown
     * @return the score, 0 to 1
     * @throws IllegalArgumentException if the window is not a positive number
     */
    public static double score(CamelotKey.Relation keyRelation, double tempoDifferencePercent,
            boolean halfOrDoubleTime, double bpmWindowPercent, Double energyFrom, Double energyTo) {
        return KEY_WEIGHT * keyScore(keyRelation)
                + TEMPO_WEIGHT * tempoScore(tempoDifferencePercent, halfOrDoubleTime, bpmWindowPercent)
                + ENERGY_WEIGHT * energyScore(energyFrom, energyTo);
    }

    /**
     * @param relation a move on the Camelot wheel, or null when either key is unknown
     * @return the harmony part, 0 to 1, before its weight
     */
    public static double keyScore(CamelotKey.Relation relation) {
        if (relation == null) {
            return 0;
        }
        return switch (relation) {
            case SAME -> 1.0;
            case ADJACENT -> 0.8;
            case RELATIVE -> 0.7;
            case ENERGY_BOOST -> 0.4;
            case CLASH -> 0.0;
        };
    }

    /**
     * @param differencePercent the tempo difference, in per cent, or NaN when unknown
     * @param halfOrDoubleTime whether the tempos meet only at half or double time
     * @param bpmWindowPercent the largest tempo difference a mix allows, in per cent, positive
     * @return the tempo part, 0 to 1, before its weight
     * @throws IllegalArgumentException if the window is not a positive number
     */
    public static double tempoScore(double differencePercent, boolean halfOrDoubleTime, double bpmWindowPercent) {
        if (!(bpmWindowPercent > 0)) {
            throw new IllegalArgumentException("the BPM window must be a positive number of per cent, not "
                    + bpmWindowPercent);
        }
        if (Double.isNaN(differencePercent)) {
            return 0;
        }
        double score = 1 - Math.abs(differencePercent) / bpmWindowPercent
                - (halfOrDoubleTime ? HALF_DOUBLE_TIME_PENALTY : 0);
        return Math.max(0, score);
    }

    /**
     * @param from one energy level, 1 to 10, or null when unknown
     * @param to the other, or null when unknown
     * @return the energy part, 0 to 1, before its weight
     */
    public static double energyScore(Double from, Double to) {
        if (from == null || to == null) {
            return UNKNOWN_ENERGY;
        }
        return Math.max(0, 1 - Math.abs(from - to) / ENERGY_JUMP);
    }
}
