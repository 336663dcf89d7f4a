package org.deckhand.plugins.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import org.deckhand.api.io.DurableFiles;

/**
 * Durable marks, one file per plugin in {@code DATA/plugin-quarantine/}, that keep a plugin from being started: a
 * plugin is marked <em>starting</em> (flushed to disk) before its bundle starts, and the mark is cleared once the start
 * returns. A mark still there when the server starts again means the server stopped, crashed or was killed while that
 * plugin started: the plugin is quarantined. A plugin whose start failed is marked quarantined with the reason. Only
 * the user lifts a quarantine ({@link #clear}), through the API, or by removing the plugin.
 */
final class PluginQuarantine {

    private static final String STARTING = "starting";
    private static final String REASON = "reason";

    private final Path folder;
    private final Clock clock;

    PluginQuarantine(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /**
     * Marks a plugin as starting, durably, before its start.
     *
     * @param id the plugin's id (its bundle's symbolic name)
     * @throws UncheckedIOException if the mark cannot be written; then the plugin must not be started
     */
    void markStarting(String id) {
        write(id, STARTING, clock.instant().toString());
    }

    /**
     * Quarantines a plugin.
     *
     * @param id the plugin's id
     * @param reason why, for the user
     * @throws UncheckedIOException if the mark cannot be written
     */
    void quarantine(String id, String reason) {
        write(id, REASON, reason);
    }

    /**
     * Lifts a plugin's mark, whichever it is.
     *
     * @param id the plugin's id
     * @throws UncheckedIOException if the mark cannot be deleted
     */
    void clear(String id) {
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the quarantine mark of plugin " + id, e);
        }
    }

    /**
     * @param id the plugin's id
     * @return why the plugin is quarantined, if it is: the reason it was quarantined with, or, for a plugin still
     *     marked starting, that the server stopped during its start
     */
    Optional<String> reason(String id) {
        Properties mark = new Properties();
        try (Reader in = Files.newBufferedReader(file(id), StandardCharsets.UTF_8)) {
            mark.load(in);
        } catch (NoSuchFileException notMarked) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("Its quarantine mark " + file(id) + " cannot be read: " + e.getMessage());
        }
        String reason = mark.getProperty(REASON);
        if (reason != null) {
            return Optional.of(reason);
        }
        return Optional.of("The server stopped while this plugin was starting (" + mark.getProperty(STARTING, "?")
                + "), so it is not started again.");
    }

    private void write(String id, String key, String value) {
        Properties mark = new Properties();
        mark.setProperty("plugin", id);
        mark.setProperty(key, value);
        StringWriter text = new StringWriter();
        try {
            mark.store(text, null);
            DurableFiles.replace(file(id), text.toString().getBytes(StandardCharsets.UTF_8),
                    DurableFiles.Access.INHERITED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the quarantine mark of plugin " + id + " in " + folder, e);
        }
    }

    private Path file(String id) {
        return folder.resolve(URLEncoder.encode(id, StandardCharsets.UTF_8) + ".properties");
    }
}
