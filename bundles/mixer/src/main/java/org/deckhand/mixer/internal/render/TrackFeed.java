package org.deckhand.mixer.internal.render;

import java.util.Optional;
import org.deckhand.mixer.internal.track.TrackFacts;

/**
 * Tells the renderer which track comes next: a plan being played, which may be extended or changed while it plays.
 * The renderer asks for the next track once the track before it plays alone, so a change made until then is heard.
 */
@FunctionalInterface
public interface TrackFeed {

    /** @return the next track to mix in, or empty when the mix ends after the track playing */
    Optional<TrackFacts> next();
}
