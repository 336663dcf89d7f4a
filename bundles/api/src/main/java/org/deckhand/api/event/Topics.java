package org.deckhand.api.event;

/**
 * EventAdmin topics that Deckhand's bundles post. Subscribe with {@code event.topics=org/deckhand/*} for all of them.
 * The properties each topic carries are named in {@link EventProperties}.
 */
public final class Topics {

    /** The root of every Deckhand topic. */
    public static final String ROOT = "org/deckhand/";

    /** Every Deckhand topic, as an {@code event.topics} filter. */
    public static final String ALL = ROOT + "*";

    /**
     * A file appeared in a music folder. Properties: {@link EventProperties#TRACK_ID}, {@link EventProperties#PATH}.
     */
    public static final String LIBRARY_FILE_ADDED = ROOT + "library/file/ADDED";

    /** A file's content changed. Properties: {@link EventProperties#TRACK_ID}, {@link EventProperties#PATH}. */
    public static final String LIBRARY_FILE_CHANGED = ROOT + "library/file/CHANGED";

    /**
     * A file moved or was renamed; its track keeps its id. Properties: {@link EventProperties#TRACK_ID},
     * {@link EventProperties#PATH}, {@link EventProperties#PREVIOUS_PATH}.
     */
    public static final String LIBRARY_FILE_MOVED = ROOT + "library/file/MOVED";

    /** A file disappeared. Properties: {@link EventProperties#TRACK_ID}, {@link EventProperties#PATH}. */
    public static final String LIBRARY_FILE_REMOVED = ROOT + "library/file/REMOVED";

    /** A scan of the music folders started. Properties: {@link EventProperties#SCAN_ID}. */
    public static final String LIBRARY_SCAN_STARTED = ROOT + "library/scan/STARTED";

    /**
     * A scan progressed. Properties: {@link EventProperties#SCAN_ID}, {@link EventProperties#DONE},
     * {@link EventProperties#TOTAL}.
     */
    public static final String LIBRARY_SCAN_PROGRESS = ROOT + "library/scan/PROGRESS";

    /**
     * A scan completed. Properties: {@link EventProperties#SCAN_ID}, {@link EventProperties#DONE},
     * {@link EventProperties#DURATION_SECONDS}.
     */
    public static final String LIBRARY_SCAN_COMPLETED = ROOT + "library/scan/COMPLETED";

    /**
     * An analyser finished a track. Properties: {@link EventProperties#TRACK_ID},
     * {@link EventProperties#ANALYSER_ID}.
     */
    public static final String ANALYSIS_TRACK_COMPLETED = ROOT + "analysis/track/COMPLETED";

    /**
     * An analyser failed on a track. Properties: {@link EventProperties#TRACK_ID},
     * {@link EventProperties#ANALYSER_ID}, {@link EventProperties#MESSAGE}.
     */
    public static final String ANALYSIS_TRACK_FAILED = ROOT + "analysis/track/FAILED";

    /**
     * A plugin bundle was installed, updated, started, stopped or uninstalled. Properties:
     * {@link EventProperties#PLUGIN_ID}, {@link EventProperties#STATE}.
     */
    public static final String PLUGIN_CHANGED = ROOT + "plugins/CHANGED";

    private Topics() {
    }
}
