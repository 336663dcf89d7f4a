package org.deckhand.analysers.tempo;

import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.AnalysisContext;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.analysis.PcmBlock;

/**
 * The part of an analysis shared by the tempo and beat grid analysers: feeds the mono blocks to the track's
 * {@link TrackEnvelope}, which the tempo and beat grid analyses of one track share through the run's
 * {@link AnalysisContext} (under an {@link EnvelopeKey} of their tempo range), and checks, when the track ends, that
 * it lasted long enough to carry a tempo.
 */
abstract class EnvelopeAnalysis implements Analysis {

    /** The shortest track analysed, s. */
    static final double SHORTEST_SECONDS = 5;

    private final TrackEnvelope envelope;
    private long frames;

    /**
     * @param range the analyser's tempo range
     * @param context the run's context, whose envelope for the range this analysis feeds and reads
     */
    EnvelopeAnalysis(TempoRange range, AnalysisContext context) {
        this.envelope = context.shared(new EnvelopeKey(range), TrackEnvelope.class, () -> new TrackEnvelope(range));
    }

    @Override
    public final void process(PcmBlock block) {
        envelope.add(block);
        frames += block.frames();
    }

    @Override
    public final AnalysisResult finish() throws AnalysisException {
        if (frames < SHORTEST_SECONDS * OnsetEnvelope.SAMPLE_RATE_HZ) {
            throw new AnalysisException("The track is too short to find a tempo: it lasts less than "
                    + (int) SHORTEST_SECONDS + " seconds.");
        }
        return result(envelope);
    }

    /**
     * @param envelope the track's envelope, whole
     * @return the analyser's result
     * @throws AnalysisException if the track has no beat
     */
    abstract AnalysisResult result(TrackEnvelope envelope) throws AnalysisException;

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

    /**
     * The key of a track's envelope in the run's context: analyses with the same tempo range share one.
     *
     * @param range the analysers' tempo range
     */
    private record EnvelopeKey(TempoRange range) {
    }
}
