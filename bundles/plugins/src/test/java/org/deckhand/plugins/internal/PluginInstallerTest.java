package org.deckhand.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.testing.RecordingEventAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;

class PluginInstallerTest {

    private static final long LIMIT = 1024 * 1024;

    @TempDir
    Path root;

    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();

    private PluginFolder folder() {
        return new PluginFolder(root.resolve("plugins"));
    }

    private PluginInstaller installer() {
        return new PluginInstaller(folder(), root.resolve("removed"),
                Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC), new UploadEvents(eventAdmin));
    }

    @Test
    void anUploadLandsUnderItsSymbolicName() throws IOException {
        byte[] jar = TestJars.bundle("com.example.zcr", "1.2.0");

        BundleJar installed = installer().install(new ByteArrayInputStream(jar), LIMIT, Set.of());

        assertEquals(new BundleJar("com.example.zcr", "1.2.0"), installed);
        assertEquals(List.of(root.resolve("plugins/com.example.zcr.jar")), folder().jars());
        assertArrayEquals(jar, Files.readAllBytes(root.resolve("plugins/com.example.zcr.jar")));
        Event uploaded = eventAdmin.of(Topics.SECURITY_PLUGIN_UPLOADED).get(0);
        assertEquals(List.of("com.example.zcr", "1.2.0", root.resolve("plugins/com.example.zcr.jar").toString()),
                List.of(uploaded.getProperty(EventProperties.PLUGIN_ID), uploaded.getProperty(EventProperties.VERSION),
                        uploaded.getProperty(EventProperties.PATH)));
        assertEquals(1, eventAdmin.all().size());
    }

    @Test
    void aNewVersionReplacesTheJarThatHoldsTheSameBundle() throws IOException {
        Files.createDirectories(root.resolve("plugins"));
        Files.write(root.resolve("plugins/zcr-by-hand-1.0.jar"), TestJars.bundle("com.example.zcr", "1.0.0"));
        byte[] next = TestJars.bundle("com.example.zcr", "2.0.0");

        installer().install(new ByteArrayInputStream(next), LIMIT, Set.of());

        assertEquals(List.of(root.resolve("plugins/zcr-by-hand-1.0.jar")), folder().jars());
        assertArrayEquals(next, Files.readAllBytes(root.resolve("plugins/zcr-by-hand-1.0.jar")));
        assertEquals(root.resolve("plugins/zcr-by-hand-1.0.jar").toString(),
                eventAdmin.of(Topics.SECURITY_PLUGIN_UPLOADED).get(0).getProperty(EventProperties.PATH));
    }

    @Test
    void refusedUploadsLeaveNothingBehind() throws IOException {
        PluginInstaller installer = installer();

        assertThrows(PluginInstaller.UploadTooLargeException.class,
                () -> installer.install(new ByteArrayInputStream(new byte[(int) LIMIT + 1]), LIMIT, Set.of()));
        assertThrows(InvalidPluginException.class,
                () -> installer.install(new ByteArrayInputStream("text".getBytes()), LIMIT, Set.of()));
        InvalidPluginException reserved = assertThrows(InvalidPluginException.class, () -> installer.install(
                new ByteArrayInputStream(TestJars.bundle("org.deckhand.rest", "9")), LIMIT,
                Set.of("org.deckhand.rest")));

        assertTrue(reserved.getMessage().contains("a bundle the server itself ships"), reserved.getMessage());
        assertEquals(List.of(), eventAdmin.all(), "a refused upload is not posted as uploaded");
        try (Stream<Path> left = Files.list(root.resolve("plugins"))) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void aRemovedJarIsKeptNotDeleted() throws IOException {
        installer().install(new ByteArrayInputStream(TestJars.bundle("com.example.zcr", "1")), LIMIT, Set.of());

        Path kept = installer().remove(root.resolve("plugins/com.example.zcr.jar"));

        assertEquals(root.resolve("removed/com.example.zcr-removed-20261122-101530.jar"), kept);
        assertTrue(Files.exists(kept));
        assertFalse(Files.exists(root.resolve("plugins/com.example.zcr.jar")));
    }
}
