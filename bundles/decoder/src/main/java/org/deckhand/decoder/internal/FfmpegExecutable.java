package org.deckhand.decoder.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the {@code ffmpeg} program on a search path. */
final class FfmpegExecutable {

    private FfmpegExecutable() {
    }

    /**
     * @param searchPath a list of folders in the form of the {@code PATH} environment variable, or null
     * @return the first executable {@code ffmpeg} (or {@code ffmpeg.exe}) in those folders
     */
    static Optional<Path> find(String searchPath) {
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String folder : searchPath.split(File.pathSeparator)) {
            if (folder.isBlank()) {
                continue;
            }
            for (String name : new String[] {"ffmpeg", "ffmpeg.exe"}) {
                Path candidate = Path.of(folder, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
