package org.deckhand.analysers.tempo;

import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.PcmBlock;

/**
 * The part of an analysis shared by the tempo and beat grid analysers: feeds the mono blocks to an
 * {@link OnsetEnvelope} and checks, when the track ends, that it lasted long enough to carry a tempo.
 */
abstract class EnvelopeAnalysis implements Analysis {

    /** The shortest track analysed, s. */
    static final double SHORTEST_SECONDS = 5;

    /** The track's onset envelope. */
    final OnsetEnvelope envelope;
    private long frames;

    /**
     * @param withBarFeatures whether the envelope keeps the low-band flux and the level
     */
    EnvelopeAnalysis(boolean withBarFeatures) {
        this.envelope = new OnsetEnvelope(withBarFeatures);
    }

    @Override
    public final void process(PcmBlock block) {
        envelope.add(block.samples()[0], block.frames());
        frames += block.frames();
    }

    /**
     * @throws AnalysisException if the track is shorter than {@link #SHORTEST_SECONDS}
     */
    final void requireLength() throws AnalysisException {
        if (frames < SHORTEST_SECONDS * OnsetEnvelope.SAMPLE_RATE_HZ) {
            throw new AnalysisException("The track is too short to find a tempo: it lasts less than "
                    + (int) SHORTEST_SECONDS + " seconds.");
        }
    }

    /** @return the exception for a track without beats */
    static AnalysisException noBeat() {
        return new AnalysisException("No beat found: the track is silent or has no rhythmic onsets.");
    }

    /**
     * @param value a number
     * @param decimals how many decimals to keep
     * @return {@code value} rounded to that many decimals
     */
    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
