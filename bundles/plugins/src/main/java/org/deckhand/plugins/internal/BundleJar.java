package org.deckhand.plugins.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The identity of a bundle jar, read from its manifest.
 *
 * @param symbolicName the Bundle-SymbolicName, without directives
 * @param version the Bundle-Version, {@code 0.0.0} when absent
 */
record BundleJar(String symbolicName, String version) {

    /**
     * The largest manifest read, in bytes: far more than any bundle's (bnd writes a few KiB), and little enough that
     * a jar whose manifest inflates to gigabytes is refused without filling the heap.
     */
    static final int MAX_MANIFEST_BYTES = 1024 * 1024;

    /**
     * A symbolic name as OSGi Core R8, section 3.2.5 (Bundle-SymbolicName) and 1.3.2 (common header syntax), define
     * it: tokens of letters, digits, {@code _} and {@code -}, joined by single dots; so never a name that starts with
     * a dot, which would make the plugin's file hidden.
     */
    private static final String SYMBOLIC_NAME = "[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*";

    /**
     * Reads and checks a jar's manifest.
     *
     * @param jar the file
     * @return the bundle's identity
     * @throws InvalidPluginException if the file is not a jar, or the jar is not an OSGi R4+ bundle, has a manifest
     *     larger than {@value #MAX_MANIFEST_BYTES} bytes or a symbolic name that is not valid; the message says which,
     *     in words for the user
     * @throws IOException if the file cannot be read
     */
    static BundleJar read(Path jar) throws IOException {
        Manifest manifest = manifest(jar);
        Attributes main = manifest.getMainAttributes();
        String symbolicName = main.getValue("Bundle-SymbolicName");
        if (symbolicName == null || symbolicName.isBlank()) {
            throw new InvalidPluginException("not an OSGi bundle: its manifest has no Bundle-SymbolicName");
        }
        if (!"2".equals(trimmed(main.getValue("Bundle-ManifestVersion")))) {
            throw new InvalidPluginException("not an OSGi R4+ bundle: its manifest lacks Bundle-ManifestVersion: 2");
        }
        String name = symbolicName.split(";", 2)[0].trim();
        if (name.length() > 200 || !name.matches(SYMBOLIC_NAME)) {
            throw new InvalidPluginException("its Bundle-SymbolicName is not a valid name: " + name);
        }
        String version = trimmed(main.getValue("Bundle-Version"));
        return new BundleJar(name, version == null || version.isEmpty() ? "0.0.0" : version);
    }

    private static Manifest manifest(Path jar) throws IOException {
        byte[] bytes;
        try (ZipFile file = new ZipFile(jar.toFile())) {
            ZipEntry entry = file.getEntry(JarFile.MANIFEST_NAME);
            if (entry == null) {
                throw new InvalidPluginException("not an OSGi bundle: the jar has no " + JarFile.MANIFEST_NAME);
            }
            if (entry.getSize() > MAX_MANIFEST_BYTES) {
                throw manifestTooLarge();
            }
            try (InputStream in = file.getInputStream(entry)) {
                bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
            }
        } catch (ZipException e) {
            throw new InvalidPluginException("not a jar (zip) file: " + e.getMessage());
        }
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw manifestTooLarge();
        }
        try {
            return new Manifest(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new InvalidPluginException("not an OSGi bundle: its manifest cannot be read: " + e.getMessage());
        }
    }

    private static InvalidPluginException manifestTooLarge() {
        return new InvalidPluginException("not an OSGi bundle Deckhand takes: its manifest is larger than "
                + MAX_MANIFEST_BYTES / 1024 + " KiB");
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
