package org.deckhand.analysers.tempo;

import org.deckhand.api.analysis.PcmBlock;

/**
 * The onset envelope of one track, shared by the tempo and the beat grid analyses of that track so that the audio is
 * transformed once and the tempo estimated once. Each analysis hands over every block it receives; both receive the
 * same blocks, so a block already added by the other (its start frame lies before the frames added so far) is
 * skipped. The tempo is estimated on first request, after the last block, and kept for the other analysis.
 * Thread-safe: the two analyses may be called on different threads.
 */
final class TrackEnvelope {

    private final OnsetEnvelope envelope = new OnsetEnvelope(true);
    private final TempoRange range;
    private long framesAdded;
    private TempoFinding tempo;

    /**
     * @param range the tempo range of the analysers that share it
     */
    TrackEnvelope(TempoRange range) {
        this.range = range;
    }

    /**
     * Adds the part of a block that is not yet in the envelope.
     *
     * @param block the next block of one of the analyses, mono at {@link OnsetEnvelope#SAMPLE_RATE_HZ}
     */
    synchronized void add(PcmBlock block) {
        long skipped = framesAdded - block.startFrame();
        if (skipped >= block.frames()) {
            return;
        }
        if (skipped <= 0) {
            envelope.add(block.samples()[0], 0, block.frames());
            framesAdded = block.startFrame() + block.frames();
        } else {
            envelope.add(block.samples()[0], (int) skipped, block.frames());
            framesAdded += block.frames() - skipped;
        }
    }

    /**
     * @return the tempo of the audio added so far, estimated on the first call, with the smoothed onset signal it
     *     came from
     */
    synchronized TempoFinding tempo() {
        if (tempo == null) {
            TempoEstimator estimator = new TempoEstimator(OnsetEnvelope.FRAME_RATE_HZ, range.minBpm(), range.maxBpm());
            float[] oss = estimator.smooth(envelope.flux());
            tempo = new TempoFinding(oss, oss == null ? null : estimator.estimateSmoothed(oss), estimator);
        }
        return tempo;
    }

    /** @return the low-band flux, one value per frame */
    synchronized float[] lowFlux() {
        return envelope.lowFlux();
    }

    /** @return the level above -120 dBFS (dB), one value per {@link OnsetEnvelope#LEVEL_FRAMES} frames */
    synchronized float[] levelAboveFloorDb() {
        return envelope.levelAboveFloorDb();
    }

    /**
     * A track's tempo with what it was found from.
     *
     * @param oss the smoothed full-band onset signal, or null if the track is silent
     * @param estimate the tempo, or null if the track has no beat
     * @param estimator the estimator that found it, for the track's further signals
     */
    record TempoFinding(float[] oss, TempoEstimate estimate, TempoEstimator estimator) {
    }
}
