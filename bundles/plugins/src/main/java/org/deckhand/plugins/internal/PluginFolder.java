package org.deckhand.plugins.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;

/**
 * The plugins folder, which FileInstall watches: every {@code *.jar} in it is installed as a bundle, updated when it
 * changes and uninstalled when it goes. Files whose names start with a dot are ignored, so uploads land under such a
 * name first.
 */
final class PluginFolder {

    private final Path folder;

    PluginFolder(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /**
     * @return the folder
     */
    Path path() {
        return folder;
    }

    /**
     * @return the plugin jars in the folder, by name
     * @throws IOException if the folder cannot be listed
     */
    List<Path> jars() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(PluginFolder::isPluginJar).sorted().toList();
        }
    }

    /**
     * @param bundle an installed bundle
     * @return the jar it was installed from, if it came from this folder
     */
    Optional<Path> jarOf(Bundle bundle) {
        String location = bundle.getLocation();
        if (!location.startsWith("file:")) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(URI.create(location)).toAbsolutePath().normalize();
            return folder.equals(path.getParent()) ? Optional.of(path) : Optional.empty();
        } catch (IllegalArgumentException notAFilePath) {
            return Optional.empty();
        }
    }

    private static boolean isPluginJar(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".jar") && !name.startsWith(".") && Files.isRegularFile(file);
    }
}
