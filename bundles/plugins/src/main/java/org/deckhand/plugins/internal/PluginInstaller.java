package org.deckhand.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Puts uploaded plugin jars into the plugins folder and takes them out again, without ever leaving half a jar where
 * FileInstall can see it, and without destroying a user's file: a removed plugin's jar is moved to
 * {@code DATA/removed-plugins}, not deleted. A jar stored is told to {@link UploadEvents}.
 */
final class PluginInstaller {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final PluginFolder folder;
    private final Path removedFolder;
    private final Clock clock;
    private final UploadEvents events;

    /**
     * @param folder the plugins folder
     * @param removedFolder where removed plugins' jars are kept
     * @param clock the clock that stamps removed jars' names
     * @param events where a jar stored is told
     */
    PluginInstaller(PluginFolder folder, Path removedFolder, Clock clock, UploadEvents events) {
        this.folder = folder;
        this.removedFolder = removedFolder;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Stores an uploaded jar as {@code SYMBOLIC-NAME.jar}, or over the jar that already holds that bundle, so that
     * FileInstall installs it or updates the bundle.
     *
     * @param upload the jar's bytes
     * @param maxBytes the largest jar accepted, in bytes
     * @param reservedNames symbolic names the upload must not take, such as the server's own bundles
     * @return the bundle's identity
     * @throws UploadTooLargeException if the upload is larger than {@code maxBytes}
     * @throws InvalidPluginException if the upload is not a bundle jar or takes a reserved name
     * @throws IOException if the folder cannot be written
     */
    BundleJar install(InputStream upload, long maxBytes, Set<String> reservedNames) throws IOException {
        Files.createDirectories(folder.path());
        Path part = folder.path().resolve(".upload-" + UUID.randomUUID() + ".part");
        try {
            copyAtMost(upload, part, maxBytes);
            BundleJar identity = BundleJar.read(part);
            if (reservedNames.contains(identity.symbolicName())) {
                throw new InvalidPluginException("named " + identity.symbolicName()
                        + ", which is a bundle the server itself ships");
            }
            Path target = existingJarOf(identity.symbolicName())
                    .orElse(folder.path().resolve(identity.symbolicName() + ".jar"));
            move(part, target);
            events.uploaded(identity, target);
            return identity;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /**
     * Takes a jar out of the plugins folder, so that FileInstall uninstalls its bundle, and keeps it in
     * {@code DATA/removed-plugins}.
     *
     * @param jar a jar in the plugins folder
     * @return where the jar was moved
     * @throws IOException if it cannot be moved
     */
    Path remove(Path jar) throws IOException {
        Files.createDirectories(removedFolder);
        String name = jar.getFileName().toString();
        Path kept = removedFolder.resolve(name.substring(0, name.length() - ".jar".length()) + "-removed-"
                + STAMP.format(clock.instant()) + ".jar");
        Files.move(jar, kept, StandardCopyOption.REPLACE_EXISTING);
        return kept;
    }

    private Optional<Path> existingJarOf(String symbolicName) throws IOException {
        for (Path jar : folder.jars()) {
            try {
                if (BundleJar.read(jar).symbolicName().equals(symbolicName)) {
                    return Optional.of(jar);
                }
            } catch (InvalidPluginException | IOException notABundle) {
                continue;
            }
        }
        return Optional.empty();
    }

    private static void copyAtMost(InputStream upload, Path part, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(part)) {
            int read;
            while ((read = upload.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    throw new UploadTooLargeException(maxBytes);
                }
                out.write(buffer, 0, read);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The upload is larger than allowed. */
    static final class UploadTooLargeException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UploadTooLargeException(long maxBytes) {
            super("The plugin is larger than the limit of " + maxBytes / (1024 * 1024)
                    + " MiB (setting maxUploadMebibytes of " + PluginsConfiguration.PID + ")");
        }
    }
}
