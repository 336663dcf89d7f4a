package org.deckhand.library.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Decides which files the API may serve: only those whose real path, links resolved, lies inside a music folder's
 * real path, whatever path or id a request gives.
 */
final class MusicFolders {

    private MusicFolders() {
    }

    /**
     * @param file a file the catalog names
     * @param folders the music folders
     * @return the file's real path when it exists inside one of them, otherwise empty
     */
    static Optional<Path> servable(Path file, List<Path> folders) {
        try {
            Path real = file.toRealPath();
            for (Path folder : folders) {
                try {
                    if (real.startsWith(folder.toRealPath())) {
                        return Optional.of(real);
                    }
                } catch (IOException folderUnavailable) {
                    continue;
                }
            }
            return Optional.empty();
        } catch (IOException gone) {
            return Optional.empty();
        }
    }
}
