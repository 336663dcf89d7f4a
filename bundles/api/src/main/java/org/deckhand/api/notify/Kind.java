package org.deckhand.api.notify;

/**
 * The groups of things the server tells, as the user chooses them per channel. Each group gathers the EventAdmin
 * topics of one area ({@code org/deckhand/library/...}, {@code org/deckhand/analysis/...} and so on).
 */
public enum Kind {

    /** Tracks added, changed, moved or gone; scans finished; problems found in files. */
    LIBRARY,

    /** Analysis failures, a quarantined analyser plugin, the analysis queue drained. */
    ANALYSIS,

    /** Plugins installed, started, stopped, failed or removed. */
    PLUGINS,

    /** Mixes started or stopped, renders finished. */
    MIXER,

    /** Renamer batches done, failed or undone. */
    RENAMER,

    /** Tracklists imported or matched, sites that blocked the fetcher. */
    TRACKLISTS,

    /** Music folders gone missing or back, disk space low, bundles not active. */
    HEALTH,

    /**
     * Repeated failed sign-ins, API keys created or revoked, plugins uploaded. Security messages skip the digest
     * window and are sent at once, whatever their level.
     */
    SECURITY
}
