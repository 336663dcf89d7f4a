package org.deckhand.kernel;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the server runs from, what it serves and where it listens.
 *
 * @param home the installation folder, holding {@code bundles/}, {@code plugins/} and {@code config/}
 * @param music the music folders, absolute
 * @param musicIsDefault whether {@code music} is the default folder, which is created when missing
 * @param data the data folder, absolute
 * @param host the address the HTTP server listens on
 * @param port the HTTP port
 */
record Settings(Path home, List<Path> music, boolean musicIsDefault, Path data, String host, int port) {

    /** The HTTP port when none is set: documented in the README. */
    static final int DEFAULT_PORT = 8750;

    /** The listening address when none is set: every interface, so that players on the LAN reach the server. */
    static final String DEFAULT_HOST = "0.0.0.0";

    Path bundles() {
        return home.resolve("bundles");
    }

    Path plugins() {
        return home.resolve("plugins");
    }

    Path config() {
        return home.resolve("config");
    }
}
