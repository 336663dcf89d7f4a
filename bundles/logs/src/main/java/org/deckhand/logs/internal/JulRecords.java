package org.deckhand.logs.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.LoggerFactory;

/**
 * Keeps among the recent events what is logged through {@code java.util.logging}: the kernel's own warnings (such as a
 * plugin's blocked {@code System.exit}, from {@code org.deckhand.kernel.exit.BlockedExit}, which lives on the class
 * path, outside any bundle, and cannot log through SLF4J), and Jersey's and HK2's. A handler on the root logger of
 * {@code java.util.logging} hands each record to {@link RecentEvents} only: {@code java.util.logging} prints it to the
 * server's output already, so Logback's console appender does not print it twice. The root logger's level (the
 * kernel sets WARNING) decides which records come.
 */
@Component(immediate = true)
public final class JulRecords extends Handler {

    private final RecentEvents recent = new RecentEvents();
    private final SimpleFormatter messages = new SimpleFormatter();

    /** Attaches the handler to the root logger of {@code java.util.logging}. */
    @Activate
    public JulRecords() {
        Logger.getLogger("").addHandler(this);
    }

    /** Detaches the handler. */
    @Deactivate
    void deactivate() {
        Logger.getLogger("").removeHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !isLoggable(record)
                || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        String name = record.getLoggerName() == null ? "" : record.getLoggerName();
        LoggingEvent event = new LoggingEvent();
        event.setLoggerContext(context);
        event.setLoggerName(name);
        event.setLevel(level(record.getLevel().intValue()));
        event.setMessage(messages.formatMessage(record));
        event.setThreadName(Thread.currentThread().getName());
        event.setTimeStamp(record.getMillis());
        if (record.getThrown() != null) {
            event.setThrowableProxy(new ThrowableProxy(record.getThrown()));
        }
        recent.add(event);
    }

    /** SEVERE is ERROR, WARNING is WARN, INFO and CONFIG are INFO, FINE is DEBUG, FINER and FINEST are TRACE. */
    private static Level level(int julLevel) {
        if (julLevel >= java.util.logging.Level.SEVERE.intValue()) {
            return Level.ERROR;
        }
        if (julLevel >= java.util.logging.Level.WARNING.intValue()) {
            return Level.WARN;
        }
        if (julLevel >= java.util.logging.Level.CONFIG.intValue()) {
            return Level.INFO;
        }
        return julLevel >= java.util.logging.Level.FINE.intValue() ? Level.DEBUG : Level.TRACE;
    }

    @Override
    public void flush() {
        // the events are kept in memory
    }

    @Override
    public void close() {
        // nothing is held but the events, which RecentEvents keeps
    }
}
