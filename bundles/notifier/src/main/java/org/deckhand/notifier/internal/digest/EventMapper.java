package org.deckhand.notifier.internal.digest;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.api.notify.Kind;
import org.deckhand.api.notify.Level;

/**
 * Says what an EventAdmin event under {@value Topics#ROOT} is worth telling: its kind, level and wording, or nothing
 * for the events that only show progress (scan and queue progress, a batch's progress, each analysed track). Other
 * topics of the areas {@code mixer}, {@code health} and {@code security}, which plugins may post, are told in a
 * generic way: their last topic segments as the title, their {@link EventProperties#MESSAGE} as the text, and a
 * {@code level} property ({@code INFO}...{@code CRITICAL}) when they carry one.
 */
public final class EventMapper {

    /** An event property that a generic event may carry to give its level, such as {@code WARNING}. */
    public static final String LEVEL_PROPERTY = "level";

    /** The areas whose topics that are not mapped here are told in the generic way. */
    private static final List<String> GENERIC_AREAS = List.of("mixer", "health", "security");

    private EventMapper() {
    }

    /**
     * @param topic the event's topic
     * @param properties its properties
     * @return what to tell of it, if anything
     */
    public static Optional<Notice> map(String topic, Map<String, Object> properties) {
        Props p = new Props(properties);
        switch (topic) {
            case Topics.LIBRARY_FILE_ADDED:
                return Optional.of(file(Level.INFO, "track added", "tracks added", p, true));
            case Topics.LIBRARY_FILE_CHANGED:
                return Optional.of(file(Level.INFO, "track changed", "tracks changed", p, false));
            case Topics.LIBRARY_FILE_MOVED:
                return Optional.of(file(Level.INFO, "track moved", "tracks moved", p, false));
            case Topics.LIBRARY_FILE_REMOVED:
                return Optional.of(file(Level.WARNING, "track gone", "tracks gone", p, false));
            case Topics.LIBRARY_SCAN_COMPLETED:
                return Optional.of(new Notice(Kind.LIBRARY, Level.INFO, "scan finished", "scans finished",
                        Optional.empty(), Optional.empty(), "Scan finished: " + count(p.number(EventProperties.DONE))
                        + " files in " + Math.round(p.decimal(EventProperties.DURATION_SECONDS)) + " s", "",
                        "/library"));
            case Topics.ANALYSIS_TRACK_FAILED:
                return Optional.of(new Notice(Kind.ANALYSIS, Level.WARNING, "analysis failed", "analyses failed",
                        Optional.of(p.text(EventProperties.ANALYSER_ID)), fileName(p),
                        "Analysis failed: " + fileName(p).orElse("a track"),
                        p.text(EventProperties.ANALYSER_ID) + ": " + p.text(EventProperties.MESSAGE),
                        trackPath(p)));
            case Topics.ANALYSIS_QUEUE_PROGRESS:
                return p.number(EventProperties.QUEUED) == 0 && p.number(EventProperties.RUNNING) == 0
                        ? Optional.of(new Notice(Kind.ANALYSIS, Level.INFO, "analysis queue drained",
                                "analysis queue drained", Optional.empty(), Optional.empty(),
                                "Analysis queue drained: " + count(p.number(EventProperties.DONE))
                                        + " tracks analysed since the start", "", "/queue"))
                        : Optional.empty();
            case Topics.PLUGIN_CHANGED:
                return Optional.of(plugin(p));
            case Topics.MIXER_MIX_STARTED:
                return Optional.of(new Notice(Kind.MIXER, Level.INFO, "mix started", "mixes started",
                        Optional.empty(), Optional.of(p.text(EventProperties.MIX_ID)),
                        "Mix started: " + p.text(EventProperties.MIX_ID), count(p.number(EventProperties.TOTAL))
                        + " tracks planned", mixPath(p)));
            case Topics.MIXER_MIX_STOPPED:
                return Optional.of(new Notice(Kind.MIXER, Level.INFO, "mix stopped", "mixes stopped",
                        Optional.empty(), Optional.of(p.text(EventProperties.MIX_ID)),
                        "Mix " + ("ENDED".equals(p.text(EventProperties.STATE)) ? "ended" : "stopped") + ": "
                        + p.text(EventProperties.MIX_ID), "", mixPath(p)));
            case Topics.MIXER_RENDER_COMPLETED:
                return Optional.of(new Notice(Kind.MIXER, Level.INFO, "render finished", "renders finished",
                        Optional.empty(), fileName(p), "Render finished: " + fileName(p).orElse("a mix"),
                        Math.round(p.decimal(EventProperties.DURATION_SECONDS)) + " s of audio", mixPath(p)));
            case Topics.MIXER_RENDER_FAILED:
                return Optional.of(new Notice(Kind.MIXER, Level.ERROR, "render failed", "renders failed",
                        Optional.empty(), fileName(p), "Render failed: " + fileName(p).orElse("a mix"),
                        p.text(EventProperties.MESSAGE), mixPath(p)));
            case Topics.MIXER_MIX_TRACK_CHANGED, Topics.MIXER_MIX_PLAN_CHANGED, Topics.MIXER_RENDER_PROGRESS:
                return Optional.empty();
            case Topics.TRACKLISTS_IMPORTED:
                return Optional.of(new Notice(Kind.TRACKLISTS, Level.INFO, "tracklist imported",
                        "tracklists imported", Optional.empty(), Optional.of(p.text(EventProperties.SOURCE)),
                        "Tracklist imported from " + p.text(EventProperties.SOURCE) + ": "
                                + count(p.number(EventProperties.TOTAL)) + " entries", p.text(EventProperties.ADDRESS),
                        "/tracklists/" + p.number(EventProperties.TRACKLIST_ID)));
            case Topics.TRACKLISTS_MATCHED:
                return Optional.of(new Notice(Kind.TRACKLISTS, Level.INFO, "tracklist matched",
                        "tracklists matched", Optional.empty(), Optional.empty(), "Tracklist matched: "
                        + count(p.number(EventProperties.DONE)) + " of " + count(p.number(EventProperties.TOTAL))
                        + " entries, " + count(p.number(EventProperties.MISSING)) + " missing", "",
                        "/tracklists/" + p.number(EventProperties.TRACKLIST_ID)));
            case Topics.TRACKLISTS_BLOCKED:
                return Optional.of(new Notice(Kind.TRACKLISTS, Level.WARNING, "site blocked the fetcher",
                        "sites blocked the fetcher", Optional.empty(), Optional.of(p.text(EventProperties.SOURCE)),
                        p.text(EventProperties.SOURCE) + " blocked the tracklist fetcher",
                        p.text(EventProperties.MESSAGE) + "\nOpen " + p.text(EventProperties.ADDRESS)
                                + " in a browser.", "/tracklists"));
            case Topics.RENAMER_COMPLETED: {
                long failed = p.number(EventProperties.FAILED_COUNT);
                return Optional.of(new Notice(Kind.RENAMER, failed > 0 ? Level.WARNING : Level.INFO,
                        "rename batch done", "rename batches done", Optional.empty(), Optional.empty(),
                        "Rename batch " + p.number(EventProperties.BATCH_ID) + " done: "
                                + count(p.number(EventProperties.DONE)) + " files moved"
                                + (failed > 0 ? ", " + count(failed) + " failed" : ""), "", "/library"));
            }
            case Topics.RENAMER_FAILED:
                return Optional.of(new Notice(Kind.RENAMER, Level.ERROR, "rename batch failed",
                        "rename batches failed", Optional.empty(), Optional.empty(),
                        "Rename batch " + p.number(EventProperties.BATCH_ID) + " stopped",
                        p.text(EventProperties.MESSAGE) + "\nIt resumes at the next start.", "/logs"));
            case Topics.RENAMER_UNDONE:
                return Optional.of(new Notice(Kind.RENAMER, Level.INFO, "rename batch undone",
                        "rename batches undone", Optional.empty(), Optional.empty(), "Rename batch "
                        + p.number(EventProperties.BATCH_ID) + " undone: " + count(p.number(EventProperties.DONE))
                        + " files moved back", "", "/library"));
            case Topics.HEALTH_FOLDER_MISSING:
                return Optional.of(new Notice(Kind.HEALTH, Level.ERROR, "music folder missing",
                        "music folders missing", Optional.empty(), Optional.of(p.text(EventProperties.PATH)),
                        "Music folder missing: " + p.text(EventProperties.PATH), p.text(EventProperties.MESSAGE)
                                + "\nIts tracks are kept as they are until it is back.", "/library"));
            case Topics.HEALTH_FOLDER_BACK:
                return Optional.of(new Notice(Kind.HEALTH, Level.INFO, "music folder back", "music folders back",
                        Optional.empty(), Optional.of(p.text(EventProperties.PATH)),
                        "Music folder back: " + p.text(EventProperties.PATH), "", "/library"));
            case Topics.HEALTH_DISK_LOW:
                return Optional.of(diskLow(p));
            case Topics.HEALTH_BUNDLE_INACTIVE:
                return Optional.of(new Notice(Kind.HEALTH, Level.ERROR, "bundle not active", "bundles not active",
                        Optional.empty(), Optional.of(p.text(EventProperties.SYMBOLIC_NAME)),
                        "Bundle not active: " + p.text(EventProperties.SYMBOLIC_NAME), "State: "
                        + p.text(EventProperties.STATE) + ". What it does is not available; the logs say why.",
                        "/logs"));
            case Topics.SECURITY_SIGNIN_THROTTLED:
                return Optional.of(new Notice(Kind.SECURITY, Level.WARNING, "address throttled",
                        "addresses throttled", Optional.empty(), Optional.of(p.text(EventProperties.CLIENT_ADDRESS)),
                        "Sign-ins throttled: " + count(p.number(EventProperties.FAILED_COUNT)) + " failed from "
                                + p.text(EventProperties.CLIENT_ADDRESS) + " within "
                                + minutes(p.number(EventProperties.WINDOW_SECONDS)),
                        "Its sign-ins are refused for a while. A player with an old password, or someone guessing.",
                        "/logs"));
            case Topics.SECURITY_APIKEY_CREATED:
                return Optional.of(apiKey("API key created", "API keys created", p));
            case Topics.SECURITY_APIKEY_REVOKED:
                return Optional.of(apiKey("API key revoked", "API keys revoked", p));
            case Topics.SECURITY_PLUGIN_UPLOADED:
                return Optional.of(new Notice(Kind.SECURITY, Level.INFO, "plugin uploaded", "plugins uploaded",
                        Optional.empty(), Optional.of(p.text(EventProperties.PLUGIN_ID)), "Plugin uploaded: "
                        + p.text(EventProperties.PLUGIN_ID) + " " + p.text(EventProperties.VERSION),
                        "Stored as " + p.text(EventProperties.PATH) + "; the server runs it from now on.",
                        "/plugins"));
            default:
                return generic(topic, p);
        }
    }

    private static Notice file(Level level, String one, String many, Props p, boolean byFormat) {
        Optional<String> name = fileName(p);
        Optional<String> format = byFormat ? name.flatMap(EventMapper::extension) : Optional.empty();
        String title = Character.toUpperCase(one.charAt(0)) + one.substring(1) + ": " + name.orElse("a file");
        return new Notice(Kind.LIBRARY, level, one, many, format, name, title, p.text(EventProperties.PATH),
                trackPath(p));
    }

    /** The console page of the mix an event is about. */
    private static String mixPath(Props p) {
        return "/mixes/" + p.text(EventProperties.MIX_ID);
    }

    private static Notice plugin(Props p) {
        String plugin = p.text(EventProperties.PLUGIN_ID);
        String state = p.text(EventProperties.STATE);
        String[] phrase = switch (state) {
            case "INSTALLED" -> new String[] {"plugin installed", "plugins installed"};
            case "ACTIVE" -> new String[] {"plugin started", "plugins started"};
            case "UNINSTALLED" -> new String[] {"plugin removed", "plugins removed"};
            default -> new String[] {"plugin changed", "plugins changed"};
        };
        String title = Character.toUpperCase(phrase[0].charAt(0)) + phrase[0].substring(1) + ": " + plugin;
        return new Notice(Kind.PLUGINS, Level.INFO, phrase[0], phrase[1], Optional.empty(), Optional.of(plugin),
                title, "State: " + state, "/plugins");
    }

    /** Low space, a warning; nearly full, critical. */
    private static Notice diskLow(Props p) {
        boolean nearlyFull = Boolean.parseBoolean(p.text(EventProperties.NEARLY_FULL));
        long free = p.number(EventProperties.FREE_BYTES);
        long size = p.number(EventProperties.SIZE_BYTES);
        String path = p.text(EventProperties.PATH);
        String percent = size > 0 ? String.format(Locale.ENGLISH, " (%.1f %%)", 100.0 * free / size) : "";
        return new Notice(Kind.HEALTH, nearlyFull ? Level.CRITICAL : Level.WARNING,
                nearlyFull ? "disk nearly full" : "disk low on space",
                nearlyFull ? "disks nearly full" : "disks low on space", Optional.empty(), Optional.of(path),
                (nearlyFull ? "Disk nearly full: " : "Disk space low: ") + bytes(free) + " free of " + bytes(size)
                        + percent, "On the disk that holds " + path + (nearlyFull
                        ? ". The catalog, the search index and new files need room: free some now." : "."), "/");
    }

    private static Notice apiKey(String one, String many, Props p) {
        String name = p.text(EventProperties.KEY_NAME);
        return new Notice(Kind.SECURITY, Level.INFO, one, many, Optional.empty(), Optional.of(name),
                Character.toUpperCase(one.charAt(0)) + one.substring(1) + ": " + name,
                "Key id " + p.text(EventProperties.KEY_ID), "/");
    }

    /** A size in bytes in binary units, such as {@code 8.5 GiB} or {@code 900 MiB}. */
    private static String bytes(long value) {
        if (value >= 1L << 40) {
            return String.format(Locale.ENGLISH, "%.1f TiB", value / (double) (1L << 40));
        }
        if (value >= 1L << 30) {
            return String.format(Locale.ENGLISH, "%.1f GiB", value / (double) (1L << 30));
        }
        return count(value >> 20) + " MiB";
    }

    private static String minutes(long seconds) {
        return seconds % 60 == 0 ? count(seconds / 60) + " minutes" : count(seconds) + " s";
    }

    private static Optional<Notice> generic(String topic, Props p) {
        if (!topic.startsWith(Topics.ROOT)) {
            return Optional.empty();
        }
        String[] segments = topic.substring(Topics.ROOT.length()).split("/");
        if (!GENERIC_AREAS.contains(segments[0])) {
            return Optional.empty();
        }
        Kind kind = Kind.valueOf(segments[0].toUpperCase(Locale.ROOT));
        Level level = Arrays.stream(Level.values()).filter(l -> l.name().equals(p.text(LEVEL_PROPERTY)))
                .findFirst().orElse(kind == Kind.MIXER ? Level.INFO : Level.WARNING);
        String what = String.join(" ", Arrays.copyOfRange(segments, 1, segments.length)).toLowerCase(Locale.ROOT)
                .replace('_', ' ');
        String phrase = segments[0] + " " + (what.isEmpty() ? "event" : what);
        String title = Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
        return Optional.of(new Notice(kind, level, phrase, phrase, Optional.empty(), Optional.empty(), title,
                p.text(EventProperties.MESSAGE), "/"));
    }

    private static Optional<String> fileName(Props p) {
        String path = p.text(EventProperties.PATH);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Path name = Path.of(path).getFileName();
        return Optional.of(name == null ? path : name.toString());
    }

    private static Optional<String> extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? Optional.empty()
                : Optional.of(name.substring(dot + 1).toUpperCase(Locale.ROOT));
    }

    private static String trackPath(Props p) {
        long id = p.number(EventProperties.TRACK_ID);
        return id > 0 ? "/tracks/" + id : "/library";
    }

    /**
     * @param value a count
     * @return it with a comma between thousands, such as {@code 2,048}
     */
    public static String count(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    /** Reads event properties whatever their exact number type, with defaults for missing ones. */
    private record Props(Map<String, Object> values) {

        String text(String key) {
            Object value = values.get(key);
            return value == null ? "" : value.toString();
        }

        long number(String key) {
            return values.get(key) instanceof Number number ? number.longValue() : 0;
        }

        double decimal(String key) {
            return values.get(key) instanceof Number number ? number.doubleValue() : 0;
        }
    }
}
