package org.deckhand.mixer.internal.render;

import java.io.IOException;
import org.deckhand.mixer.internal.track.TrackFacts;

/** Hears what happens in a mix as it is rendered, on the rendering thread: keep the calls short. */
public interface MixListener {

    /**
     * @param start a track that begins to fade in (or starts the mix)
     */
    default void trackStarted(TrackStart start) {
    }

    /**
     * A track that could not be played: the mix carries on without it, with the next one.
     *
     * @param track the track
     * @param error why it could not be opened or read; its message names the file
     */
    default void trackFailed(TrackFacts track, IOException error) {
    }
}
