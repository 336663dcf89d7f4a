package org.deckhand.plugins.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;

/**
 * The identity of a bundle jar, read from its manifest.
 *
 * @param symbolicName the Bundle-SymbolicName, without directives
 * @param version the Bundle-Version, {@code 0.0.0} when absent
 */
record BundleJar(String symbolicName, String version) {

    /**
     * Reads and checks a jar's manifest.
     *
     * @param jar the file
     * @return the bundle's identity
     * @throws InvalidPluginException if the file is not a jar, or the jar is not an OSGi R4+ bundle; the message says
     *     which, in words for the user
     * @throws IOException if the file cannot be read
     */
    static BundleJar read(Path jar) throws IOException {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (ZipException e) {
            throw new InvalidPluginException("not a jar (zip) file: " + e.getMessage());
        }
        if (manifest == null) {
            throw new InvalidPluginException("not an OSGi bundle: the jar has no META-INF/MANIFEST.MF");
        }
        Attributes main = manifest.getMainAttributes();
        String symbolicName = main.getValue("Bundle-SymbolicName");
        if (symbolicName == null || symbolicName.isBlank()) {
            throw new InvalidPluginException("not an OSGi bundle: its manifest has no Bundle-SymbolicName");
        }
        if (!"2".equals(trimmed(main.getValue("Bundle-ManifestVersion")))) {
            throw new InvalidPluginException("not an OSGi R4+ bundle: its manifest lacks Bundle-ManifestVersion: 2");
        }
        String name = symbolicName.split(";", 2)[0].trim();
        if (!name.matches("[A-Za-z0-9_.\\-]{1,200}")) {
            throw new InvalidPluginException("its Bundle-SymbolicName is not a valid name: " + name);
        }
        String version = trimmed(main.getValue("Bundle-Version"));
        return new BundleJar(name, version == null || version.isEmpty() ? "0.0.0" : version);
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
