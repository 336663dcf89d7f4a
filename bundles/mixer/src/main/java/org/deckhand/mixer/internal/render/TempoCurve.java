package org.deckhand.mixer.internal.render;

/**
 * How fast a deck plays its track over time: a tempo held for a while, then a linear ramp to a final tempo that
 * holds from then on. A tempo is the number of the track's frames played per frame of the mix: 1 plays the track at
 * its own speed, 1.03 plays it 3 % faster.
 *
 * @param startTempo the tempo from the deck's start, 0.5 to 2
 * @param holdFrames how long the start tempo holds, frames of the mix
 * @param rampFrames how long the ramp lasts after it, frames of the mix (0 for none)
 * @param endTempo the tempo from the end of the ramp on, 0.5 to 2
 */
public record TempoCurve(double startTempo, long holdFrames, long rampFrames, double endTempo) {

    private static final double SLOWEST = 0.5;
    private static final double FASTEST = 2;

    /**
     * @throws IllegalArgumentException if a tempo lies outside 0.5..2 or a length is negative
     */
    public TempoCurve {
        if (!(startTempo >= SLOWEST && startTempo <= FASTEST && endTempo >= SLOWEST && endTempo <= FASTEST)) {
            throw new IllegalArgumentException("tempos must lie in 0.5..2: " + startTempo + ", " + endTempo);
        }
        if (holdFrames < 0 || rampFrames < 0) {
            throw new IllegalArgumentException("hold and ramp must not be negative: " + holdFrames + ", " + rampFrames);
        }
    }

    /**
     * @param tempo the tempo, 0.5 to 2
     * @return that tempo throughout
     */
    public static TempoCurve constant(double tempo) {
        return new TempoCurve(tempo, 0, 0, tempo);
    }

    /**
     * @param frame a frame of the deck's output, from its start
     * @return the tempo there
     */
    public double tempoAt(long frame) {
        if (frame < holdFrames) {
            return startTempo;
        }
        if (frame < settleFrame()) {
            return startTempo + (endTempo - startTempo) * (frame - holdFrames) / rampFrames;
        }
        return endTempo;
    }

    /** @return the first frame of the deck's output from which the tempo no longer changes */
    public long settleFrame() {
        return holdFrames + rampFrames;
    }

    /**
     * @param frame a frame of the deck's output
     * @return whether from there on the track plays at its own speed, with no time-stretching at all
     */
    public boolean passesThroughAt(long frame) {
        return frame >= settleFrame() && endTempo == 1;
    }

    /**
     * @param from a frame of the deck's output
     * @param to a later frame
     * @return how many of the track's frames play between them: the integral of the tempo
     */
    public double trackFramesBetween(long from, long to) {
        return integral(to) - integral(from);
    }

    private double integral(long frame) {
        double hold = Math.min(frame, holdFrames);
        double total = hold * startTempo;
        if (frame > holdFrames) {
            double ramped = Math.min(frame, settleFrame()) - holdFrames;
            total += ramped * startTempo + (endTempo - startTempo) * ramped * ramped / (2.0 * Math.max(1, rampFrames));
        }
        if (frame > settleFrame()) {
            total += (frame - settleFrame()) * endTempo;
        }
        return total;
    }
}
