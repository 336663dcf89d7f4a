package org.deckhand.mixer.internal.render;

import java.io.IOException;
import org.deckhand.mixer.internal.track.TrackFacts;

/** Opens a track's audio for the mixer, at the mix's sample rate, in stereo. */
@FunctionalInterface
public interface TrackOpener {

    /**
     * @param track the track to play
     * @return its audio from the start; the mixer closes it
     * @throws IOException if its file cannot be opened or decoded; the message names the file
     */
    PcmSource open(TrackFacts track) throws IOException;
}
