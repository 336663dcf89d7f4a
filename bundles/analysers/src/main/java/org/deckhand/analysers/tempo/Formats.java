package org.deckhand.analysers.tempo;

import org.deckhand.api.analysis.AnalyserDescriptor;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.PcmFormat;

/** Checks that the pipeline delivers the audio format an analyser declared. */
final class Formats {

    private Formats() {
    }

    /**
     * @param descriptor the analyser's descriptor
     * @param format the format the pipeline announced
     * @throws AnalysisException if it is not the declared one
     */
    static void require(AnalyserDescriptor descriptor, PcmFormat format) throws AnalysisException {
        if (!descriptor.format().equals(format)) {
            throw new AnalysisException("The " + descriptor.id() + " analyser needs mono audio at "
                    + descriptor.format().sampleRateHz() + " Hz but was given " + format.channels()
                    + " channel(s) at " + format.sampleRateHz() + " Hz.");
        }
    }
}
