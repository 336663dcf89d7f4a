package org.deckhand.plugins.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** Jars made on the spot, with the manifest headers a test needs. */
final class TestJars {

    private TestJars() {
    }

    static byte[] withHeaders(Map<String, String> headers) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(manifest.getMainAttributes()::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new ZipEntry("readme.txt"));
            jar.write(new byte[] {'h', 'i'});
            jar.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A jar whose manifest is the given text, written as it is, so that it may be malformed or huge. */
    static byte[] withRawManifest(String manifest) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            jar.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            jar.write(manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            jar.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] bundle(String symbolicName, String version) {
        return withHeaders(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", symbolicName,
                "Bundle-Version", version));
    }
}
