package org.deckhand.renamer.internal;

import java.nio.file.Path;

/** A batch refused because a music folder it would change cannot be written. */
final class ReadOnlyFolderException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param folder the music folder
     */
    ReadOnlyFolderException(Path folder) {
        super("The music folder " + folder + " is read-only, so no file in it can be moved; the preview works, "
                + "applying does not. To allow writing, mount it read-write; under the shipped systemd unit, run "
                + "'systemctl edit deckhand' and add " + folder + " to ReadWritePaths= (and take it out of "
                + "ReadOnlyPaths=), then restart Deckhand.");
    }
}
