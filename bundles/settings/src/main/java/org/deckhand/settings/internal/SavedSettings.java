package org.deckhand.settings.internal;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.deckhand.api.io.DurableFiles;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ReadOnlyConfigurationException;

/**
 * Saves a configuration PID's settings through Configuration Admin, which applies them at once. Felix FileInstall,
 * which watches the config folder, writes an updated configuration back into the file it came from,
 * {@code config/PID.cfg}, keeping the file's comments and the order of its keys (FileInstall's {@code ConfigInstaller},
 * the configuration's {@code felix.fileinstall.filename} property naming the file). A PID that has no file yet is
 * given one holding the new values before Configuration Admin is told, so that FileInstall, finding the file on its
 * next poll, reads the same values.
 */
final class SavedSettings {

    /** The property in which FileInstall names the file a configuration is kept in, as a {@code file:} URI. */
    static final String FILEINSTALL_FILENAME = "felix.fileinstall.filename";

    private final ConfigurationAdmin configurations;
    private final Path configFolder;

    /**
     * @param configurations where settings are saved and applied
     * @param configFolder the folder FileInstall watches for {@code .cfg} files
     */
    SavedSettings(ConfigurationAdmin configurations, Path configFolder) {
        this.configurations = configurations;
        this.configFolder = configFolder;
    }

    /**
     * Sets keys of a PID to values, leaving its other settings as they are.
     *
     * @param pid the configuration PID
     * @param name the settings' name as a user knows them, for the comment heading a new file
     * @param values each key's new value, as the text a {@code .cfg} file holds
     * @throws IOException if Configuration Admin cannot store the configuration, or a new file cannot be written
     * @throws IllegalStateException if the PID's file is read-only, naming it
     */
    void save(String pid, String name, Map<String, String> values) throws IOException {
        Configuration configuration = configurations.getConfiguration(pid, "?");
        Hashtable<String, Object> updated = copyOf(configuration.getProperties());
        if (!keptInAFile(updated.get(FILEINSTALL_FILENAME))) {
            Path file = configFolder.resolve(pid + ".cfg");
            if (Files.exists(file)) {
                readInto(file, updated);
            } else {
                Map<String, Object> initial = new LinkedHashMap<>();
                updated.forEach((key, value) -> {
                    if (!key.equals(FILEINSTALL_FILENAME) && !key.startsWith("service.")) {
                        initial.put(key, String.valueOf(value));
                    }
                });
                initial.putAll(values);
                create(file, name, pid, initial);
            }
            updated.put(FILEINSTALL_FILENAME, file.toFile().getAbsoluteFile().toURI().toString());
        }
        updated.putAll(values);
        try {
            configuration.update(updated);
        } catch (ReadOnlyConfigurationException readOnly) {
            throw new IllegalStateException("The settings of " + pid + " come from a file the server may not write, "
                    + configFolder.resolve(pid + ".cfg") + ": make it writable to change them here", readOnly);
        }
    }

    /** @return whether FileInstall names a file that is there, into which it will write the configuration back */
    private static boolean keptInAFile(Object filename) {
        return filename instanceof String uri && uri.startsWith("file:") && Files.isRegularFile(Path.of(URI.create(uri)));
    }

    /**
     * Adds the keys of a file FileInstall has not read yet, which its write-back would otherwise remove from it.
     */
    private static void readInto(Path file, Hashtable<String, Object> properties) throws IOException {
        Properties read = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read.load(reader);
        }
        read.stringPropertyNames().forEach(key -> properties.putIfAbsent(key, read.getProperty(key)));
    }

    private static Hashtable<String, Object> copyOf(Dictionary<String, Object> properties) {
        Hashtable<String, Object> copy = new Hashtable<>();
        if (properties != null) {
            properties.keys().asIterator().forEachRemaining(key -> copy.put(key, properties.get(key)));
        }
        return copy;
    }

    /** Writes a new file durably and atomically, so that FileInstall never reads it half-written. */
    private static void create(Path file, String name, String pid, Map<String, Object> values) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# " + name + " (configuration PID " + pid + "), saved from the settings API or the console.");
        values.forEach((key, value) -> lines.add(key + " = " + escaped(String.valueOf(value))));
        DurableFiles.replace(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8),
                DurableFiles.Access.INHERITED);
    }

    /** @return the value escaped as a properties file's syntax needs: backslashes and line breaks */
    private static String escaped(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
