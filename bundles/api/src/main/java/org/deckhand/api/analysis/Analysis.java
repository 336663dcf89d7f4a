package org.deckhand.api.analysis;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The analysis of one track by one analyser: receives the track's audio block by block, in order, on one thread,
 * then returns its result. An instance is used once.
 */
@ConsumerType
public interface Analysis {

    /**
     * Receives the next block of audio. The block and its arrays belong to the pipeline and are reused after this
     * method returns: copy what must be kept.
     *
     * @param block the next block, in the format given to {@link Analyser#begin}
     * @throws AnalysisException if the audio cannot be analysed; no further blocks are sent
     */
    void process(PcmBlock block) throws AnalysisException;

    /**
     * Called once after the last block.
     *
     * @return the result, whose values match the fields the analyser's descriptor declares
     * @throws AnalysisException if no result can be given for this track
     */
    AnalysisResult finish() throws AnalysisException;
}
