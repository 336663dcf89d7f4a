package org.deckhand.settings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving settings into a {@code .cfg} file keeps what a user wrote in it. */
class ConfigFileTest {

    @TempDir
    Path config;

    @Test
    void aSettingIsChangedInPlaceAndTheCommentsAndOtherSettingsStay() throws IOException {
        Path file = Files.write(config.resolve("org.deckhand.watcher.cfg"), List.of(
                "# The library watcher.",
                "# Minutes between full rescans. Note: a NAS may need more.",
                "rescanIntervalMinutes = 15",
                "settleSeconds = 2",
                "#musicFolders = /mnt/nas/vinyl"));

        new ConfigFile(config, "org.deckhand.watcher").set(Map.of("rescanIntervalMinutes", "30",
                "musicFolders", "/srv/music,/srv/promos"));

        assertEquals(List.of(
                "# The library watcher.",
                "# Minutes between full rescans. Note: a NAS may need more.",
                "rescanIntervalMinutes = 30",
                "settleSeconds = 2",
                "musicFolders = /srv/music,/srv/promos"), Files.readAllLines(file));
        try (var files = Files.list(config)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void anActiveLineWinsOverACommentedOneAndANewKeyIsAppended() throws IOException {
        Path file = Files.write(config.resolve("p.cfg"), List.of("#workers = 4", "workers = 1"));

        new ConfigFile(config, "p").set(Map.of("workers", "2", "callTimeoutSeconds", "30"));

        assertEquals(List.of("#workers = 4", "workers = 2", "callTimeoutSeconds = 30"), Files.readAllLines(file));
    }

    @Test
    void aFileIsCreatedForAPidThatHasNoneAndReadsBackAsProperties() throws IOException {
        new ConfigFile(config, "org.deckhand.analysers.key").set(Map.of("profile", "C:\\keys\nnew"));

        Properties read = new Properties();
        try (Reader reader = Files.newBufferedReader(config.resolve("org.deckhand.analysers.key.cfg"))) {
            read.load(reader);
        }
        assertEquals("C:\\keys\nnew", read.getProperty("profile"));
    }
}
