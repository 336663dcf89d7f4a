package org.deckhand.kernel;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Works out the {@link Settings} from, highest precedence first: the command line, the environment
 * ({@code DECKHAND_MUSIC}, {@code DECKHAND_DATA}, {@code DECKHAND_HOST}, {@code DECKHAND_PORT}), the file
 * {@code config/deckhand.properties} ({@code music}, {@code data}, {@code host}, {@code port}), and the defaults.
 * Several music folders are separated by the platform's path separator ({@code :} on Linux) in the environment and
 * the file; on the command line {@code --music} is repeated. Relative paths in the file are relative to the
 * installation folder.
 */
final class SettingsResolver {

    static final String USAGE = "usage: deckhand [--music DIR]... [--data DIR] [--host ADDR] [--port N]";
    static final String CONFIG_FILE = "deckhand.properties";

    private final Path home;
    private final Map<String, String> environment;

    /**
     * @param home the installation folder
     * @param environment the process environment
     */
    SettingsResolver(Path home, Map<String, String> environment) {
        this.home = home.toAbsolutePath().normalize();
        this.environment = environment;
    }

    /**
     * @param args the command line
     * @return the settings
     * @throws LaunchException if the command line is malformed (exit status {@link LaunchException#USAGE}), or a
     *     value is not valid or the settings file cannot be read
     */
    Settings resolve(String[] args) throws LaunchException {
        List<String> music = new ArrayList<>();
        String data = null;
        String host = null;
        String port = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length && isOption(name)) {
                value = args[++i];
            } else {
                throw new LaunchException(isOption(name) ? name + " needs a value; " + USAGE
                        : "unknown argument " + arg + "; " + USAGE, LaunchException.USAGE);
            }
            switch (name) {
                case "--music" -> music.add(value);
                case "--data" -> data = value;
                case "--host" -> host = value;
                case "--port" -> port = value;
                default -> throw new LaunchException("unknown option " + name + "; " + USAGE, LaunchException.USAGE);
            }
        }
        Properties file = readConfigFile();
        List<Path> musicFolders = new ArrayList<>();
        if (!music.isEmpty()) {
            music.forEach(m -> musicFolders.add(absolute(m, Path.of(""))));
        } else {
            String listed = first(environment.get("DECKHAND_MUSIC"), null);
            Path base = Path.of("");
            if (listed == null) {
                listed = file.getProperty("music");
                base = home;
            }
            if (listed != null) {
                for (String folder : listed.split(File.pathSeparator)) {
                    if (!folder.isBlank()) {
                        musicFolders.add(absolute(folder.strip(), base));
                    }
                }
            }
        }
        boolean musicIsDefault = musicFolders.isEmpty();
        if (musicIsDefault) {
            musicFolders.add(home.resolve("music"));
        }
        Path dataFolder = data != null ? absolute(data, Path.of(""))
                : environment.get("DECKHAND_DATA") != null ? absolute(environment.get("DECKHAND_DATA"), Path.of(""))
                : file.getProperty("data") != null ? absolute(file.getProperty("data"), home)
                : home.resolve("data");
        String hostName = first(host, first(environment.get("DECKHAND_HOST"),
                first(file.getProperty("host"), Settings.DEFAULT_HOST)));
        String portText = first(port, first(environment.get("DECKHAND_PORT"), file.getProperty("port")));
        return new Settings(home, List.copyOf(musicFolders), musicIsDefault, dataFolder, hostName.strip(),
                portText == null ? Settings.DEFAULT_PORT : parsePort(portText));
    }

    private Properties readConfigFile() throws LaunchException {
        Properties properties = new Properties();
        Path file = home.resolve("config").resolve(CONFIG_FILE);
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new LaunchException("cannot read " + file + ": " + e.getMessage(), LaunchException.CANNOT_START);
            }
        }
        return properties;
    }

    private static boolean isOption(String name) {
        return name.equals("--music") || name.equals("--data") || name.equals("--host") || name.equals("--port");
    }

    private static int parsePort(String text) throws LaunchException {
        int port;
        try {
            port = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65_535) {
            throw new LaunchException("port must be a number from 1 to 65535, not " + text.strip(),
                    LaunchException.USAGE);
        }
        return port;
    }

    private static Path absolute(String path, Path base) {
        Path given = Path.of(path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path);
        return base.resolve(given).toAbsolutePath().normalize();
    }

    private static String first(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
