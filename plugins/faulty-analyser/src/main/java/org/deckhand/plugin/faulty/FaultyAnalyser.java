package org.deckhand.plugin.faulty;

import org.deckhand.api.analysis.Analyser;
import org.deckhand.api.analysis.AnalyserDescriptor;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.library.Track;
import org.deckhand.api.analysis.PcmFormat;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * An analyser whose component throws as soon as it activates, standing for a third-party plugin with a bug. The
 * server must report it as failed and carry on.
 */
@Component(service = Analyser.class, immediate = true)
public final class FaultyAnalyser implements Analyser {

    /** The message of the exception it throws. */
    public static final String FAILURE = "faulty-analyser refuses to activate";

    /**
     * Always throws.
     *
     * @throws IllegalStateException always, with the message {@value #FAILURE}
     */
    @Activate
    public FaultyAnalyser() {
        throw new IllegalStateException(FAILURE);
    }

    @Override
    public AnalyserDescriptor descriptor() {
        throw new IllegalStateException(FAILURE);
    }

    @Override
    public Analysis begin(Track track, PcmFormat format) {
        throw new IllegalStateException(FAILURE);
    }
}
