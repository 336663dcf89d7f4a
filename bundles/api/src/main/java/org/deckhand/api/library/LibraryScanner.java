package org.deckhand.api.library;

import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The watcher of the music folders, as a service: which folders it follows, and scans on demand. */
@ProviderType
public interface LibraryScanner {

    /**
     * @return the music folders, absolute, in the order they were configured
     */
    List<Path> musicFolders();

    /**
     * Asks for a full scan of the music folders soon; a scan already under way finishes first. Progress is posted
     * under {@code org/deckhand/library/scan}.
     */
    void requestScan();
}
