package org.deckhand.api.catalog;

/** How soon a queued track is analysed: a higher priority goes first. */
public enum AnalysisPriority {
    /** Tracks an analyser that appeared later, or a new version of one, has not seen yet. */
    BACKFILL,
    /** Files that entered the library or changed. */
    NEW_FILE,
    /** Tracks a user asked to analyse. */
    USER
}
