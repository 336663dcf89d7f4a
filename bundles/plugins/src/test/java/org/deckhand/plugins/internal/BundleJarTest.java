package org.deckhand.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    private static String reasonFor(Path jar) {
        return assertThrows(InvalidPluginException.class, () -> BundleJar.read(jar)).getMessage();
    }
}
