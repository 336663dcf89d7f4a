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
     * The analysis of a track ended: every analyser due ran over it, successfully or not, and its results are stored.
     * Properties: {@link EventProperties#TRACK_ID}, {@link EventProperties#PATH}, {@link EventProperties#ANALYSERS}
     * (the ids of the analysers that succeeded), {@link EventProperties#FAILED} (the ids of those that failed).
     */
    public static final String ANALYSIS_TRACK_COMPLETED = ROOT + "analysis/track/COMPLETED";

    /**
     * An analyser failed on a track, or the track could not be decoded (then once for each analyser due).
     * Properties: {@link EventProperties#TRACK_ID}, {@link EventProperties#PATH},
     * {@link EventProperties#ANALYSER_ID}, {@link EventProperties#MESSAGE}.
     */
    public static final String ANALYSIS_TRACK_FAILED = ROOT + "analysis/track/FAILED";

    /**
     * The analysis queue progressed, at most once a second while it works and once when it empties. Properties:
     * {@link EventProperties#QUEUED} (tracks waiting, those being analysed included), {@link EventProperties#DONE}
     * (tracks analysed since the server started), {@link EventProperties#RUNNING} (tracks being analysed now).
     */
    public static final String ANALYSIS_QUEUE_PROGRESS = ROOT + "analysis/queue/PROGRESS";

    /**
     * A plugin bundle was installed, updated, started, stopped or uninstalled. Properties:
     * {@link EventProperties#PLUGIN_ID}, {@link EventProperties#STATE}.
     */
    public static final String PLUGIN_CHANGED = ROOT + "plugins/CHANGED";

    /**
     * A tracklist was imported from a site or pasted text, or imported again. Properties:
     * {@link EventProperties#TRACKLIST_ID}, {@link EventProperties#SOURCE}, {@link EventProperties#ADDRESS} (absent
     * for text), {@link EventProperties#TOTAL} (its entries).
     */
    public static final String TRACKLISTS_IMPORTED = ROOT + "tracklists/IMPORTED";

    /**
     * A tracklist's entries were matched to the library, or the user set a match. Properties:
     * {@link EventProperties#TRACKLIST_ID}, {@link EventProperties#DONE} (entries matched),
     * {@link EventProperties#TOTAL} (entries), {@link EventProperties#MISSING} (entries the library lacks).
     */
    public static final String TRACKLISTS_MATCHED = ROOT + "tracklists/MATCHED";

    /**
     * A site answered with a captcha or bot check: its source is blocked for a while; the user should open the page
     * in a browser. Properties: {@link EventProperties#SOURCE}, {@link EventProperties#ADDRESS},
     * {@link EventProperties#MESSAGE}.
     */
    public static final String TRACKLISTS_BLOCKED = ROOT + "tracklists/BLOCKED";

    /**
     * A renamer batch started to move its files, or to move them back when undone. Properties:
     * {@link EventProperties#BATCH_ID}, {@link EventProperties#UNDO}, {@link EventProperties#TOTAL}.
     */
    public static final String RENAMER_STARTED = ROOT + "renamer/STARTED";

    /**
     * A renamer batch progressed, at most once a second. Properties: {@link EventProperties#BATCH_ID},
     * {@link EventProperties#UNDO}, {@link EventProperties#DONE}, {@link EventProperties#TOTAL}.
     */
    public static final String RENAMER_PROGRESS = ROOT + "renamer/PROGRESS";

    /**
     * A renamer batch made all its moves; some may have failed, each with its reason in the batch's report.
     * Properties: {@link EventProperties#BATCH_ID}, {@link EventProperties#DONE} (files moved),
     * {@link EventProperties#FAILED_COUNT} (moves that failed).
     */
    public static final String RENAMER_COMPLETED = ROOT + "renamer/COMPLETED";

    /**
     * A renamer batch stopped before its end (its journal could not be written); it resumes at the next start.
     * Properties: {@link EventProperties#BATCH_ID}, {@link EventProperties#MESSAGE}.
     */
    public static final String RENAMER_FAILED = ROOT + "renamer/FAILED";

    /**
     * A renamer batch was undone. Properties: {@link EventProperties#BATCH_ID}, {@link EventProperties#DONE} (files
     * moved back), {@link EventProperties#FAILED_COUNT} (files left where the batch put them, each with its reason).
     */
    public static final String RENAMER_UNDONE = ROOT + "renamer/UNDONE";

    /**
     * A mix started playing. Properties: {@link EventProperties#MIX_ID}, {@link EventProperties#TOTAL} (the tracks
     * planned).
     *
     * @since 1.3
     */
    public static final String MIXER_MIX_STARTED = ROOT + "mixer/mix/STARTED";

    /**
     * Listeners of a mix now hear a track fade in (or the first track start): at each transition, a skip's
     * included. Properties: {@link EventProperties#MIX_ID}, {@link EventProperties#TRACK_ID} (the track now playing),
     * {@link EventProperties#TRACK_NAME}, {@link EventProperties#POSITION_SECONDS} (where its fade-in starts in the
     * mix).
     *
     * @since 1.3
     */
    public static final String MIXER_MIX_TRACK_CHANGED = ROOT + "mixer/mix/TRACK_CHANGED";

    /**
     * A mix's planned order changed: a track was taken out, put next or moved, or the plan was extended.
     * Properties: {@link EventProperties#MIX_ID}, {@link EventProperties#TOTAL} (the tracks planned now).
     *
     * @since 1.3
     */
    public static final String MIXER_MIX_PLAN_CHANGED = ROOT + "mixer/mix/PLAN_CHANGED";

    /**
     * A mix no longer plays: it was stopped or forgotten ({@link EventProperties#STATE} {@code STOPPED}), or it
     * played its whole plan ({@code ENDED}). Properties: {@link EventProperties#MIX_ID},
     * {@link EventProperties#STATE}.
     *
     * @since 1.3
     */
    public static final String MIXER_MIX_STOPPED = ROOT + "mixer/mix/STOPPED";

    /**
     * A render of a mix into a file progressed, at most once a second. Properties: {@link EventProperties#MIX_ID},
     * {@link EventProperties#PROGRESS}.
     *
     * @since 1.3
     */
    public static final String MIXER_RENDER_PROGRESS = ROOT + "mixer/render/PROGRESS";

    /**
     * A render of a mix into a file is done, with its CUE sheet beside it. Properties:
     * {@link EventProperties#MIX_ID}, {@link EventProperties#PATH} (the audio file),
     * {@link EventProperties#DURATION_SECONDS} (how long the render took).
     *
     * @since 1.3
     */
    public static final String MIXER_RENDER_COMPLETED = ROOT + "mixer/render/COMPLETED";

    /**
     * A render of a mix into a file failed or was cancelled; the partial file stays. Properties:
     * {@link EventProperties#MIX_ID}, {@link EventProperties#PATH}, {@link EventProperties#MESSAGE}.
     *
     * @since 1.3
     */
    public static final String MIXER_RENDER_FAILED = ROOT + "mixer/render/FAILED";

    /**
     * A music folder is not there, or cannot be read, or is empty while the catalog holds tracks in it: a network
     * share that dropped out, most likely. Its tracks are left as they are. Posted once when the folder goes missing,
     * not again while it stays so. Properties: {@link EventProperties#PATH} (the music folder),
     * {@link EventProperties#MESSAGE} (what was found).
     *
     * @since 1.4
     */
    public static final String HEALTH_FOLDER_MISSING = ROOT + "health/folder/MISSING";

    /**
     * A music folder that was missing ({@link #HEALTH_FOLDER_MISSING}) can be read again. Properties:
     * {@link EventProperties#PATH} (the music folder).
     *
     * @since 1.4
     */
    public static final String HEALTH_FOLDER_BACK = ROOT + "health/folder/BACK";

    /**
     * The file store (disk, partition or share) that holds the data folder or a music folder has little space left.
     * Posted once when its space goes low, once more if it then becomes nearly full, and not again until the space
     * has recovered. Properties: {@link EventProperties#PATH} (the data folder or the music folder on that store),
     * {@link EventProperties#FREE_BYTES}, {@link EventProperties#SIZE_BYTES}, {@link EventProperties#NEARLY_FULL}.
     *
     * @since 1.4
     */
    public static final String HEALTH_DISK_LOW = ROOT + "health/disk/LOW";

    /**
     * A bundle of the server itself (not a plugin) is not active: it failed to start or stopped while the server
     * runs. Posted once when it is found so, not again until it has been active again. Properties:
     * {@link EventProperties#SYMBOLIC_NAME}, {@link EventProperties#STATE}.
     *
     * @since 1.4
     */
    public static final String HEALTH_BUNDLE_INACTIVE = ROOT + "health/bundle/INACTIVE";

    /**
     * A client address failed to sign in so often that its sign-ins are refused for a while (the password or token
     * is then not even checked). Posted when the address gets throttled, at most once an hour for one address. No
     * property holds what the client sent. Properties: {@link EventProperties#CLIENT_ADDRESS}, {@link EventProperties#FAILED_COUNT} (failed
     * sign-ins within the window), {@link EventProperties#WINDOW_SECONDS}.
     *
     * @since 1.4
     */
    public static final String SECURITY_SIGNIN_THROTTLED = ROOT + "security/signin/THROTTLED";

    /**
     * An API key was created. Properties: {@link EventProperties#KEY_ID}, {@link EventProperties#KEY_NAME}; never
     * the key's token.
     *
     * @since 1.4
     */
    public static final String SECURITY_APIKEY_CREATED = ROOT + "security/apikey/CREATED";

    /**
     * An API key was revoked: requests that present it are refused from now on. Properties:
     * {@link EventProperties#KEY_ID}, {@link EventProperties#KEY_NAME}.
     *
     * @since 1.4
     */
    public static final String SECURITY_APIKEY_REVOKED = ROOT + "security/apikey/REVOKED";

    /**
     * A plugin jar was uploaded over the API and stored in the plugins folder, to be hot-loaded. Properties:
     * {@link EventProperties#PLUGIN_ID}, {@link EventProperties#VERSION}, {@link EventProperties#PATH} (the jar in
     * the plugins folder).
     *
     * @since 1.4
     */
    public static final String SECURITY_PLUGIN_UPLOADED = ROOT + "security/plugin/UPLOADED";

    private Topics() {
    }
}
