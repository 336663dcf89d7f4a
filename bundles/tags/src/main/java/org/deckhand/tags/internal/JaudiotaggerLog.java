package org.deckhand.tags.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps JAudioTagger's java.util.logging output off the console and collects its warnings per reading thread, so
 * that they can become warnings of the file being read. JAudioTagger logs from the thread that reads the file.
 */
final class JaudiotaggerLog extends Handler {

    /** The messages kept per file, enough to name the problem without flooding the user. */
    static final int MAX_MESSAGES = 3;

    /** Held strongly: java.util.logging keeps only weak references, and a collected logger loses its settings. */
    private final Logger root = Logger.getLogger("org.jaudiotagger");
    private final Level previousLevel;
    private final boolean previousUseParentHandlers;
    private final ThreadLocal<List<String>> collected = new ThreadLocal<>();

    /** Silences JAudioTagger's loggers and starts collecting their warnings. */
    JaudiotaggerLog() {
        previousLevel = root.getLevel();
        previousUseParentHandlers = root.getUseParentHandlers();
        setLevel(Level.WARNING);
        root.setLevel(Level.WARNING);
        root.setUseParentHandlers(false);
        root.addHandler(this);
    }

    /**
     * Runs a reading and collects what JAudioTagger warned about meanwhile on this thread, with the file's name
     * taken out of the messages.
     *
     * @param file the file being read
     * @param reading the reading
     * @param messages where to add the warnings, at most {@value #MAX_MESSAGES}
     * @return what the reading returned
     * @throws Exception what the reading threw
     */
    <T> T collecting(Path file, Callable<T> reading, List<String> messages) throws Exception {
        List<String> previous = collected.get();
        List<String> current = new ArrayList<>();
        collected.set(current);
        try {
            return reading.call();
        } finally {
            if (previous == null) {
                collected.remove();
            } else {
                collected.set(previous);
            }
            current.stream()
                    .map(message -> withoutFileName(message, file))
                    .distinct()
                    .limit(MAX_MESSAGES)
                    .forEach(message -> messages.add("JAudioTagger: " + message));
        }
    }

    private static String withoutFileName(String message, Path file) {
        String withoutPath = message.replace(file.toString() + ":", "").replace(file.toString(), "");
        Path name = file.getFileName();
        return (name == null ? withoutPath : withoutPath.replace(name + ":", "")).strip();
    }

    @Override
    public void publish(LogRecord record) {
        List<String> messages = collected.get();
        if (messages != null && isLoggable(record) && record.getMessage() != null) {
            messages.add(record.getMessage().strip());
        }
    }

    @Override
    public void flush() {
        // Nothing is buffered.
    }

    /** Stops collecting and gives JAudioTagger's loggers back their previous settings. */
    @Override
    public void close() {
        root.removeHandler(this);
        root.setLevel(previousLevel);
        root.setUseParentHandlers(previousUseParentHandlers);
    }
}
