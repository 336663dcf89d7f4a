package org.deckhand.settings.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configuration file {@code config/PID.cfg}, which Felix FileInstall applies to Configuration Admin whenever it
 * changes: the settings saved here survive a restart. Updates keep the file's comments and order, set a commented-out
 * key in place, and replace the file atomically, so that FileInstall never reads it half-written.
 */
final class ConfigFile {

    private static final Pattern KEY = Pattern.compile("^\\s*(#?)\\s*([A-Za-z0-9_.\\-]+)\\s*[=:].*$");

    private final Path file;

    ConfigFile(Path folder, String pid) {
        this.file = folder.resolve(pid + ".cfg");
    }

    /**
     * Sets keys to values, leaving the other lines as they are.
     *
     * @param values each key's new text, in the file's property syntax (escaped here)
     * @throws IOException if the file cannot be read or written
     */
    void set(Map<String, String> values) throws IOException {
        Map<String, String> pending = new LinkedHashMap<>(values);
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : new ArrayList<>();
        replace(lines, pending, false);
        replace(lines, pending, true);
        pending.forEach((key, value) -> lines.add(line(key, value)));
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Sets the keys found on lines that are commented out, or on lines that are not, and takes them off pending. */
    private static void replace(List<String> lines, Map<String, String> pending, boolean commentedOut) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher key = KEY.matcher(lines.get(i));
            if (key.matches() && key.group(1).isEmpty() != commentedOut && pending.containsKey(key.group(2))) {
                lines.set(i, line(key.group(2), pending.remove(key.group(2))));
            }
        }
    }

    private static String line(String key, String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return key + " = " + escaped;
    }
}
