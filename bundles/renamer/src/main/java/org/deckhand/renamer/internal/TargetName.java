package org.deckhand.renamer.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A sanitised target below a music folder: its folder names, its file's base name and extension, each valid for the
 * {@link NamingProfile} it was made for.
 *
 * @param folders the folder names, outermost first
 * @param base the file name without extension
 * @param extension the extension without its dot, or empty
 */
record TargetName(List<String> folders, String base, String extension) {

    TargetName {
        folders = List.copyOf(folders);
    }

    /**
     * @param root the music folder
     * @param number 1 for the name itself, 2 or more for the name with {@code " (2)"} before the extension
     * @return the absolute target
     */
    Path resolve(Path root, int number) {
        Path path = root;
        for (String folder : folders) {
            path = path.resolve(folder);
        }
        return path.resolve(fileName(number));
    }

    /**
     * @param number 1 for the name itself, 2 or more for a numbered one; a numbered name is cut so that it still
     *     fits in {@value PathSanitiser#MAX_COMPONENT_BYTES} bytes
     * @return the file name
     */
    String fileName(int number) {
        String suffix = (number > 1 ? " (" + number + ")" : "") + (extension.isEmpty() ? "" : "." + extension);
        int room = PathSanitiser.MAX_COMPONENT_BYTES - suffix.getBytes(StandardCharsets.UTF_8).length;
        return PathSanitiser.cut(base, room) + suffix;
    }
}
