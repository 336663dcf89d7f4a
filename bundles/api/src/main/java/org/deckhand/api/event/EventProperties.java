package org.deckhand.api.event;

/** Keys of the properties that Deckhand's events carry, with the Java type of each value. */
public final class EventProperties {

    /** The catalog id of the track concerned, {@link Long}. */
    public static final String TRACK_ID = "track.id";

    /** Absolute path of the file concerned, {@link String}. */
    public static final String PATH = "path";

    /** Absolute path of a moved file before the move, {@link String}. */
    public static final String PREVIOUS_PATH = "previous.path";

    /** Identifier of a scan, {@link String}. */
    public static final String SCAN_ID = "scan.id";

    /** How many items are done so far, {@link Long}. */
    public static final String DONE = "done";

    /** How many items there are in all, {@link Long}, or -1 when not yet known. */
    public static final String TOTAL = "total";

    /** How long a piece of work took, in seconds, {@link Double}. */
    public static final String DURATION_SECONDS = "duration.seconds";

    /** The id of the analyser concerned, {@link String}. */
    public static final String ANALYSER_ID = "analyser.id";

    /** The id of the plugin concerned, its bundle symbolic name, {@link String}. */
    public static final String PLUGIN_ID = "plugin.id";

    /** A bundle state in upper case: {@code INSTALLED}, {@code RESOLVED}, {@code ACTIVE}..., {@link String}. */
    public static final String STATE = "state";

    /** A message for the user, {@link String}. */
    public static final String MESSAGE = "message";

    /** The ids of the analysers that succeeded on a track, a {@code String[]}. */
    public static final String ANALYSERS = "analysers";

    /** The ids of the analysers that failed on a track, a {@code String[]}. */
    public static final String FAILED = "failed";

    /** How many tracks wait for analysis, an {@link Integer}. */
    public static final String QUEUED = "queued";

    /** How many tracks are being analysed now, an {@link Integer}. */
    public static final String RUNNING = "running";
    /** The id of a renamer batch, {@link Long}. */
    public static final String BATCH_ID = "batch.id";
    /** Whether a renamer batch is being undone, {@link Boolean}. */
    public static final String UNDO = "undo";
    /** How many items failed, {@link Long}. */
    public static final String FAILED_COUNT = "failed.count";

    /** A tracklist's id ({@link Long}). */
    public static final String TRACKLIST_ID = "tracklist.id";

    /** The id of a tracklist source, such as {@code 1001tracklists} ({@link String}). */
    public static final String SOURCE = "source";

    /** A web address ({@link String}). */
    public static final String ADDRESS = "address";

    /** How many entries the library lacks ({@link Integer}). */
    public static final String MISSING = "missing";

    /**
     * A mix's id, {@link String}.
     *
     * @since 1.3
     */
    public static final String MIX_ID = "mix.id";

    /**
     * How a track is named for people: "Artist - Title", or its file's name without the extension when it is untagged
     * ({@link String}).
     *
     * @since 1.3
     */
    public static final String TRACK_NAME = "track.name";

    /**
     * A position in a mix, seconds from its start, {@link Double}.
     *
     * @since 1.3
     */
    public static final String POSITION_SECONDS = "position.seconds";

    /**
     * How far a piece of work is, 0 to 1, {@link Double}.
     *
     * @since 1.3
     */
    public static final String PROGRESS = "progress";

    /**
     * Usable space left on a file store, in bytes, {@link Long}.
     *
     * @since 1.4
     */
    public static final String FREE_BYTES = "free.bytes";

    /**
     * The size of a file store, in bytes, {@link Long}.
     *
     * @since 1.4
     */
    public static final String SIZE_BYTES = "size.bytes";

    /**
     * Whether a file store is nearly full, not merely low on space, {@link Boolean}.
     *
     * @since 1.4
     */
    public static final String NEARLY_FULL = "nearly.full";

    /**
     * A bundle's symbolic name, such as {@code org.deckhand.catalog}, {@link String}.
     *
     * @since 1.4
     */
    public static final String SYMBOLIC_NAME = "bundle.symbolic.name";

    /**
     * A version, such as {@code 1.2.0}, {@link String}.
     *
     * @since 1.4
     */
    public static final String VERSION = "version";

    /**
     * The IP address of an HTTP client as the connection gives it, such as {@code 192.0.2.7}, {@link String}.
     *
     * @since 1.4
     */
    public static final String CLIENT_ADDRESS = "client.address";

    /**
     * The length of the window over which a count was taken, in seconds, {@link Long}.
     *
     * @since 1.4
     */
    public static final String WINDOW_SECONDS = "window.seconds";

    /**
     * The id of an API key, 12 hex digits, {@link String}; never its token.
     *
     * @since 1.4
     */
    public static final String KEY_ID = "apikey.id";

    /**
     * What the admin called an API key, such as {@code mpd on the living-room pi}, {@link String}.
     *
     * @since 1.4
     */
    public static final String KEY_NAME = "apikey.name";

    private EventProperties() {
    }
}
