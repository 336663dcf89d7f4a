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

    /**
     * Starts the analysis of one track, knowing the format of the file as decoded. The pipeline calls this method;
     * override it when the source matters, as a loudness meter must tell a mono file, which the pipeline hands over
     * as two equal channels, from a stereo file whose channels are identical. By default it calls
     * {@link #begin(Track, PcmFormat)}.
     *
     * @param track the track about to be analysed, with its tags and file facts
     * @param format the sample rate and channel count of the blocks that will follow; the ones the descriptor asked
     *     for
     * @param source the file's own sample rate and channel count, before the pipeline downmixes, resamples, or copies
     *     a mono file to two channels
     * @return a fresh analysis that receives the track's audio, never null
     * @throws AnalysisException if the analyser cannot analyse this track, as for {@link #begin(Track, PcmFormat)}
     * @since 1.2
     */
    default Analysis begin(Track track, PcmFormat format, PcmFormat source) throws AnalysisException {
        return begin(track, format);
    }

    /**
     * Starts the analysis of one track, with the run's {@link AnalysisContext}, through which analyses of the same
     * track share work: two analysers that start from the same transform of the audio take it from the context under
     * one key, and the second does not compute it again. The pipeline calls this method, with one context for all
     * the analyses of a track, before it sends any of them the first block; override it to share work. By default it
     * calls {@link #begin(Track, PcmFormat, PcmFormat)}.
     *
     * @param track the track about to be analysed, with its tags and file facts
     * @param format the sample rate and channel count of the blocks that will follow; the ones the descriptor asked
     *     for
     * @param source the file's own sample rate and channel count, as for {@link #begin(Track, PcmFormat, PcmFormat)}
     * @param context the work shared by the analyses of this track, for this run only
     * @return a fresh analysis that receives the track's audio, never null
     * @throws AnalysisException if the analyser cannot analyse this track, as for {@link #begin(Track, PcmFormat)}
     * @since 1.4
     */
    default Analysis begin(Track track, PcmFormat format, PcmFormat source, AnalysisContext context)
            throws AnalysisException {
        return begin(track, format, source);
    }
}
