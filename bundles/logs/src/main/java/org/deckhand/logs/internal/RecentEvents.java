package org.deckhand.logs.internal;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.CyclicBufferAppender;
import jakarta.ws.rs.ServiceUnavailableException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The last log events, from the {@value #APPENDER} appender that {@code config/logback.xml} attaches to the root
 * logger. Looked up on each call, since Logback builds a new one whenever it reloads its configuration; when the
 * configuration has none, one of {@value #CAPACITY} events is attached, which keeps what is logged from then on.
 */
final class RecentEvents {

    /** The appender's name in {@code config/logback.xml}. */
    static final String APPENDER = "RECENT";
    private static final int CAPACITY = 2000;

    /**
     * @return the events kept, oldest first
     * @throws ServiceUnavailableException if SLF4J does not log through Logback, which keeps them
     */
    List<ILoggingEvent> events() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new ServiceUnavailableException("The server does not log through Logback but through "
                    + LoggerFactory.getILoggerFactory().getClass().getName() + ", which keeps no recent events");
        }
        CyclicBufferAppender<ILoggingEvent> buffer = buffer(context);
        List<ILoggingEvent> events = new ArrayList<>(buffer.getLength());
        for (int i = 0; i < buffer.getLength(); i++) {
            events.add(buffer.get(i));
        }
        return events;
    }

    /**
     * Keeps an event that did not go through Logback (see {@link JulRecords}); nothing when SLF4J does not log
     * through Logback.
     *
     * @param event the event
     */
    void add(ILoggingEvent event) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            buffer(context).doAppend(event);
        }
    }

    private static synchronized CyclicBufferAppender<ILoggingEvent> buffer(LoggerContext context) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> configured = root.getAppender(APPENDER);
        if (configured instanceof CyclicBufferAppender<ILoggingEvent> buffer) {
            return buffer;
        }
        CyclicBufferAppender<ILoggingEvent> buffer = new CyclicBufferAppender<>();
        buffer.setContext(context);
        buffer.setName(APPENDER);
        buffer.setMaxSize(CAPACITY);
        buffer.start();
        root.addAppender(buffer);
        return buffer;
    }
}
