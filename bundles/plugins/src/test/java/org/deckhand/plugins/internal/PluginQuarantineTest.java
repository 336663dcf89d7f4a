package org.deckhand.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quarantine marks on a real file system, read again by a new instance as after a restart. */
class PluginQuarantineTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    @Test
    void aPluginStillMarkedStartingAfterARestartIsQuarantinedWithTheTime() {
        new PluginQuarantine(data.resolve("plugin-quarantine"), CLOCK).markStarting("org.example.slow");

        PluginQuarantine afterRestart = new PluginQuarantine(data.resolve("plugin-quarantine"), CLOCK);

        assertEquals(Optional.of("The server stopped while this plugin was starting (2026-12-07T10:00:00Z), so it is "
                + "not started again."), afterRestart.reason("org.example.slow"));
        assertEquals(Optional.empty(), afterRestart.reason("org.example.other"));
    }

    @Test
    void aStartThatReturnedLeavesNoMarkAndAFailureKeepsItsReason() {
        PluginQuarantine quarantine = new PluginQuarantine(data.resolve("plugin-quarantine"), CLOCK);

        quarantine.markStarting("org.example.fine");
        quarantine.clear("org.example.fine");
        quarantine.markStarting("org.example.broken");
        quarantine.quarantine("org.example.broken", "Its start failed: java.lang.IllegalStateException: no");

        PluginQuarantine afterRestart = new PluginQuarantine(data.resolve("plugin-quarantine"), CLOCK);
        assertEquals(Optional.empty(), afterRestart.reason("org.example.fine"));
        assertEquals(Optional.of("Its start failed: java.lang.IllegalStateException: no"),
                afterRestart.reason("org.example.broken"));
    }

    @Test
    void anIdThatIsNoFileNameStaysInsideTheFolder() {
        PluginQuarantine quarantine = new PluginQuarantine(data.resolve("plugin-quarantine"), CLOCK);

        quarantine.quarantine("../../escape", "reason");

        assertEquals(Optional.of("reason"), quarantine.reason("../../escape"));
        assertEquals(false, data.resolve("escape.properties").toFile().exists());
    }
}
