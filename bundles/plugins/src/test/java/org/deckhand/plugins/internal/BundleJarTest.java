package org.deckhand.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleJarTest {

    @TempDir
    Path folder;

    @Test
    void directivesAreNotPartOfTheName() throws IOException {
        Path jar = Files.write(folder.resolve("a.jar"), TestJars.withHeaders(Map.of("Bundle-ManifestVersion", "2",
                "Bundle-SymbolicName", "com.example.zcr; singleton:=true")));

        assertEquals(new BundleJar("com.example.zcr", "0.0.0"), BundleJar.read(jar));
    }

    @Test
    void filesThatAreNotBundlesSayWhy() throws IOException {
        assertEquals("not a jar (zip) file: zip END header not found",
                reasonFor(Files.writeString(folder.resolve("text.jar"), "hello")));
        assertEquals("not an OSGi bundle: its manifest has no Bundle-SymbolicName",
                reasonFor(Files.write(folder.resolve("plain.jar"), TestJars.withHeaders(Map.of()))));
        assertEquals("not an OSGi R4+ bundle: its manifest lacks Bundle-ManifestVersion: 2",
                reasonFor(Files.write(folder.resolve("r3.jar"),
                        TestJars.withHeaders(Map.of("Bundle-SymbolicName", "old.style")))));
        assertEquals("its Bundle-SymbolicName is not a valid name: ../../etc/passwd",
                reasonFor(Files.write(folder.resolve("hostile.jar"), TestJars.withHeaders(Map.of(
                        "Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "../../etc/passwd")))));
    }

    @Test
    void aNameThatWouldHideThePluginsFileIsRefused() throws IOException {
        for (String hidden : new String[] {".hidden", "..", "a..b", "trailing."}) {
            assertEquals("its Bundle-SymbolicName is not a valid name: " + hidden,
                    reasonFor(Files.write(folder.resolve("named.jar"), TestJars.withHeaders(Map.of(
                            "Bundle-ManifestVersion", "2", "Bundle-SymbolicName", hidden)))));
        }
    }

    @Test
    void aManifestLargerThanTheBoundIsRefusedWithoutReadingItAll() throws IOException {
        StringBuilder value = new StringBuilder("y".repeat(60));
        while (value.length() < 4 * 1024 * 1024) {
            value.append("\r\n ").append("y".repeat(60));
        }
        Path huge = Files.write(folder.resolve("huge.jar"), TestJars.withRawManifest("Manifest-Version: 1.0\r\n"
                + "Bundle-ManifestVersion: 2\r\nBundle-SymbolicName: huge\r\nX-Padding: " + value + "\r\n\r\n"));

        assertEquals("not an OSGi bundle Deckhand takes: its manifest is larger than 1024 KiB", reasonFor(huge));
    }

    @Test
    void aManifestThatCannotBeParsedSaysSo() throws IOException {
        Path broken = Files.write(folder.resolve("broken.jar"), TestJars.withRawManifest("Manifest-Version: 1.0\r\n"
                + "Bundle-SymbolicName: " + "z".repeat(600) + "\r\n\r\n"));

        String reason = reasonFor(broken);
        assertTrue(reason.startsWith("not an OSGi bundle: its manifest cannot be read: line too long"), reason);
    }

    private static String reasonFor(Path jar) {
        return assertThrows(InvalidPluginException.class, () -> BundleJar.read(jar)).getMessage();
    }
}
