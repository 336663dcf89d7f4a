package org.deckhand.mixer.internal.stream;

import org.deckhand.mixer.internal.render.MixListener;
import org.deckhand.mixer.internal.render.TrackStart;

/**
 * Hears a {@link SharedRender}: what its renderer reports ahead of time (a {@link MixListener}), and what listeners
 * hear as its clock goes on. Called without any of the render's locks held; keep the calls short.
 */
public interface PlaybackListener extends MixListener {

    /**
     * The clock reached a track's fade-in (or the first track's start): listeners now hear it come in.
     *
     * @param start the track's start, as {@link #trackStarted} reported it
     */
    default void trackHeard(TrackStart start) {
    }

    /**
     * The mix no longer plays; called once.
     *
     * @param state {@link RenderState#STOPPED} when it was stopped, {@link RenderState#ENDED} when it played to its
     *     end or its render failed
     */
    default void ended(RenderState state) {
    }
}
