package org.deckhand.api.runtime;

/**
 * Names of the framework properties the kernel sets before any bundle starts; read them with
 * {@code BundleContext.getProperty(name)}. Paths are absolute.
 */
public final class RuntimeProperties {

    /** Deckhand's version, such as {@code 0.1.0}. */
    public static final String VERSION = "deckhand.version";

    /** The installation folder, holding {@code bin/}, {@code bundles/}, {@code plugins/} and {@code config/}. */
    public static final String HOME = "deckhand.home";

    /** The data folder, where the server keeps its state. */
    public static final String DATA = "deckhand.data";

    /** The music folders, separated by the platform's path separator ({@code :} on Linux). */
    public static final String MUSIC = "deckhand.music";

    /** The plugins folder, watched for bundle jars that are installed and removed while the server runs. */
    public static final String PLUGINS = "deckhand.plugins";

    /** The configuration folder, watched for {@code *.cfg} files that feed ConfigAdmin. */
    public static final String CONFIG = "deckhand.config";

    /** The address the HTTP server listens on. */
    public static final String HOST = "deckhand.host";

    /** The port the HTTP server listens on. */
    public static final String PORT = "deckhand.port";

    /** When the kernel started, in milliseconds since the epoch. */
    public static final String STARTED_MILLIS = "deckhand.started.millis";

    /**
     * Where the kernel hands the admin password of the {@code DECKHAND_ADMIN_PASSWORD} environment variable to the
     * security bundle, relative to the data folder: a file only its owner may read, which the security bundle reads
     * on first start (when no admin credential exists yet) and deletes at every start. The password never travels
     * as a framework property, which every bundle and plugin could read.
     */
    public static final String INITIAL_ADMIN_PASSWORD_FILE = "security/initial-admin-password";

    private RuntimeProperties() {
    }
}
