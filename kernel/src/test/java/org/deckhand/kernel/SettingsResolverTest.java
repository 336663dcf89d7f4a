package org.deckhand.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsResolverTest {

    @TempDir
    Path home;

    @Test
    void withNothingSetTheDefaultsLieInTheInstallationFolder() throws Exception {
        Settings settings = new SettingsResolver(home, Map.of()).resolve(new String[0]);

        assertEquals(List.of(home.resolve("music")), settings.music());
        assertTrue(settings.musicIsDefault());
        assertEquals(home.resolve("data"), settings.data());
        assertEquals("0.0.0.0", settings.host());
        assertEquals(8750, settings.port());
    }

    @Test
    void theCommandLineBeatsTheEnvironmentWhichBeatsTheFile() throws Exception {
        writeConfig("port = 9001\nhost = 10.0.0.2\ndata = state\nmusic = records\n");
        Map<String, String> environment = Map.of("DECKHAND_PORT", "9002", "DECKHAND_DATA", "/srv/deckhand");

        Settings fromFile = new SettingsResolver(home, Map.of()).resolve(new String[0]);
        Settings fromEnvironment = new SettingsResolver(home, environment).resolve(new String[0]);
        Settings fromCommandLine = new SettingsResolver(home, environment)
                .resolve(new String[] {"--port", "9003", "--data=/var/lib/deckhand"});

        assertEquals(9001, fromFile.port());
        assertEquals(home.resolve("state"), fromFile.data(), "relative paths in the file start at the home");
        assertEquals(List.of(home.resolve("records")), fromFile.music());
        assertFalse(fromFile.musicIsDefault());
        assertEquals(9002, fromEnvironment.port());
        assertEquals(Path.of("/srv/deckhand"), fromEnvironment.data());
        assertEquals("10.0.0.2", fromEnvironment.host());
        assertEquals(9003, fromCommandLine.port());
        assertEquals(Path.of("/var/lib/deckhand"), fromCommandLine.data());
    }

    @Test
    void severalMusicFolders() throws Exception {
        Map<String, String> environment = Map.of("DECKHAND_MUSIC",
                "/srv/vinyl" + File.pathSeparator + "/srv/promos" + File.pathSeparator);

        Settings fromEnvironment = new SettingsResolver(home, environment).resolve(new String[0]);
        Settings fromCommandLine = new SettingsResolver(home, environment)
                .resolve(new String[] {"--music", "/a", "--music", "/b"});

        assertEquals(List.of(Path.of("/srv/vinyl"), Path.of("/srv/promos")), fromEnvironment.music());
        assertEquals(List.of(Path.of("/a"), Path.of("/b")), fromCommandLine.music());
    }

    @Test
    void aMalformedCommandLineIsAUsageError() {
        for (String[] args : new String[][] {{"--port"}, {"--port", "http"}, {"--port", "70000"},
                {"--colour", "blue"}, {"music"}}) {
            LaunchException error = assertThrows(LaunchException.class,
                    () -> new SettingsResolver(home, Map.of()).resolve(args), String.join(" ", args));
            assertEquals(LaunchException.USAGE, error.exitStatus());
        }
    }

    private void writeConfig(String content) throws IOException {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config").resolve(SettingsResolver.CONFIG_FILE), content);
    }
}
