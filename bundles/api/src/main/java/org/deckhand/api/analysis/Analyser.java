package org.deckhand.api.analysis;

import org.deckhand.api.library.Track;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An audio analyser, registered as an OSGi service. Implementations must be thread-safe: the pipeline may analyse
 * several tracks at once, each through its own {@link Analysis}.
 */
@ConsumerType
public interface Analyser {

    /**
     * Tells the pipeline who this analyser is, what audio it wants and which results it returns. Called often: return
     * the same, cheap, value every time.
     *
     * @return the analyser's descriptor, never null
     */
    AnalyserDescriptor descriptor();

    /**
     * Starts the analysis of one track.
     *
     * @param track the track about to be analysed, with its tags and file facts
     * @param format the sample rate and channel count of the blocks that will follow; the ones the descriptor asked
     *     for
     * @return a fresh analysis that receives the track's audio, never null
     * @throws AnalysisException if the analyser cannot analyse this track; the pipeline records the message as the
     *     track's failure for this analyser and carries on with the others
     */
    Analysis begin(Track track, PcmFormat format) throws AnalysisException;
}
