package org.deckhand.logs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A warning of the kernel, which logs through {@code java.util.logging} from outside any bundle, is among the events
 * that {@code GET /api/v1/logs} lists, once, with its level, logger and stack trace.
 */
class JulRecordsTest {

    private static final String KERNEL = "org.deckhand.kernel.exit.BlockedExit";

    private final RecentEvents recent = new RecentEvents();

    @Test
    void aKernelWarningIsKeptAmongTheRecentEvents() {
        JulRecords records = new JulRecords();
        try {
            Logger.getLogger(KERNEL).log(java.util.logging.Level.WARNING, "Plugin {0} called System.exit(3); blocked",
                    new Object[] {"org.deckhand.plugin.rogue 0.1.0"});
            Logger.getLogger(KERNEL).log(java.util.logging.Level.SEVERE, "failed", new IllegalStateException("why"));
        } finally {
            records.deactivate();
        }

        List<ILoggingEvent> kernel = recent.events().stream().filter(e -> e.getLoggerName().equals(KERNEL)).toList();
        assertEquals(2, kernel.size(), kernel.toString());
        assertEquals("WARN", kernel.get(0).getLevel().toString());
        assertEquals("Plugin org.deckhand.plugin.rogue 0.1.0 called System.exit(3); blocked",
                kernel.get(0).getFormattedMessage());
        assertEquals("ERROR", kernel.get(1).getLevel().toString());
        assertEquals("why", kernel.get(1).getThrowableProxy().getMessage());
    }

    @Test
    void nothingIsKeptOnceTheBundleStops() {
        new JulRecords().deactivate();

        Logger.getLogger(KERNEL).warning("after the logs bundle stopped");

        assertTrue(recent.events().stream().noneMatch(e -> e.getFormattedMessage().contains("stopped")),
                recent.events().toString());
    }
}
