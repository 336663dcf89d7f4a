package org.deckhand.mixer.internal.stream;

/** Where a shared render is in its life. */
public enum RenderState {
    /** Rendering, or paused for want of listeners. */
    PLAYING,
    /** Stopped by the user: the listeners' streams have ended. */
    STOPPED,
    /** Every planned track has played. */
    ENDED
}
