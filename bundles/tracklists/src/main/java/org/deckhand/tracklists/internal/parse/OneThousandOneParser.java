package org.deckhand.tracklists.internal.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.deckhand.api.tracklist.BlockedBySiteException;
import org.deckhand.api.tracklist.LayoutNotRecognisedException;
import org.deckhand.api.tracklist.MashupPart;
import org.deckhand.api.tracklist.NotATracklistException;
import org.deckhand.api.tracklist.Tracklist;
import org.deckhand.api.tracklist.TracklistEntry;
import org.deckhand.api.tracklist.TracklistException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;

/**
 * Reads a 1001Tracklists tracklist page with jsoup. The page holds the tracklist as schema.org microdata: a
 * {@code MusicPlaylist} element ({@code name}, {@code datePublished} as the day of the mix, {@code genre},
 * {@code author} for the DJs) whose rows are {@code MusicRecording}s ({@code name}, {@code byArtist},
 * {@code publisher}, {@code duration}). The cue times are in hidden {@code tlp<id>_cue_seconds} inputs (the visible
 * time is filled in by JavaScript); {@code 0} on every row means the page has none. A row numbered {@code w/} plays
 * together with the previous; mashup part rows follow their mashup's row. Rows of unidentified tracks carry no
 * microdata, only their text ({@code ID - ID}). Suggestions, notices and the player widget are not rows.
 */
public final class OneThousandOneParser {

    /** The id of the source. */
    public static final String SOURCE = "1001tracklists";
    private static final Pattern AUTHOR_SEPARATOR = Pattern.compile("\\s*(?:,|&| b2b | B2B | vs\\.? | x )\\s*");

    private final OneThousandOneSelectors selectors;

    /**
     * @param selectors where the parts are on the page
     * @throws IllegalArgumentException if a selector is not valid CSS for jsoup
     */
    public OneThousandOneParser(OneThousandOneSelectors selectors) {
        for (String selector : List.of(selectors.playlist(), selectors.row(), selectors.mashupPart(),
                selectors.cueSeconds(), selectors.trackNumber(), selectors.trackValue(), selectors.label(),
                selectors.captcha())) {
            try {
                Selector.evaluatorOf(selector);
            } catch (Selector.SelectorParseException e) {
                throw new IllegalArgumentException("The 1001Tracklists selector '" + selector + "' is not valid: "
                        + e.getMessage(), e);
            }
        }
        this.selectors = selectors;
    }

    /**
     * @param html the page
     * @param address where it came from
     * @param fetched when it was fetched
     * @return its tracklist, with at least one entry
     * @throws BlockedBySiteException if it is the captcha or bot-check page
     * @throws NotATracklistException if it is a track page or another page of the site
     * @throws LayoutNotRecognisedException if the selectors find no tracklist or no rows in it
     */
    public Tracklist parse(String html, String address, Instant fetched) throws TracklistException {
        Document page = Jsoup.parse(html, address);
        Element playlist = page.selectFirst(selectors.playlist());
        String kind = playlist == null ? pageKind(page, selectors.captcha()) : null;
        if (kind != null) {
            throw new NotATracklistException(SOURCE, address, kind);
        }
        if (!page.select(selectors.captcha()).isEmpty()) {
            throw new BlockedBySiteException(SOURCE, address);
        }
        if (playlist == null) {
            throw new LayoutNotRecognisedException(SOURCE, address,
                    "nothing on the page matches the tracklist selector \"" + selectors.playlist() + "\"");
        }
        Elements rows = playlist.select(selectors.row());
        if (rows.isEmpty()) {
            throw new LayoutNotRecognisedException(SOURCE, address,
                    "no row matches the selector \"" + selectors.row() + "\"");
        }
        String title = meta(playlist, "name");
        if (title == null) {
            title = page.title().isBlank() ? null : page.title().strip();
        }
        if (title == null) {
            throw new LayoutNotRecognisedException(SOURCE, address, "the tracklist has no name");
        }
        List<TracklistEntry> entries = entries(rows, address);
        return new Tracklist(title, djs(playlist), date(meta(playlist, "datePublished")),
                playlist.select("> meta[itemprop=genre]").eachAttr("content"), SOURCE, address, fetched, entries);
    }

    private List<TracklistEntry> entries(Elements rows, String address) throws LayoutNotRecognisedException {
        boolean anyCue = rows.stream().anyMatch(row -> cueValue(row) > 0);
        List<Builder> builders = new ArrayList<>();
        for (Element row : rows) {
            TrackText text = trackText(row);
            if (text == null) {
                throw new LayoutNotRecognisedException(SOURCE, address, "the row " + row.id()
                        + " has neither microdata nor a text matching \"" + selectors.trackValue() + "\"");
            }
            String label = label(row);
            if (row.is(selectors.mashupPart()) && !builders.isEmpty()) {
                builders.get(builders.size() - 1).parts.add(new MashupPart(text.artist(), text.title(),
                        text.remix(), label));
                continue;
            }
            double cue = cueValue(row);
            Double cueSeconds = anyCue && (cue > 0 || builders.isEmpty()) && cue >= 0 ? cue : null;
            Element number = row.selectFirst(selectors.trackNumber());
            boolean withPrevious = number != null && number.text().strip().equalsIgnoreCase("w/");
            builders.add(new Builder(text, label, cueSeconds, duration(row), withPrevious && !builders.isEmpty()));
        }
        List<TracklistEntry> entries = new ArrayList<>(builders.size());
        for (Builder builder : builders) {
            entries.add(builder.build(entries.size() + 1));
        }
        return entries;
    }

    /** The row's artist, title and remix: from its microdata, else from its text. */
    private TrackText trackText(Element row) {
        Element recording = recording(row);
        String name = meta(recording, "name");
        String artist = meta(recording, "byArtist");
        if (name != null && artist != null && name.startsWith(artist + " - ")) {
            String[] titleAndRemix = TrackText.splitRemix(name.substring(artist.length() + 3));
            TrackText parsed = TrackText.parse(artist + " - " + titleAndRemix[0]);
            String remix = titleAndRemix[1] != null ? titleAndRemix[1] : status(row);
            return new TrackText(parsed.kind(), parsed.artist(), parsed.title(), remix, null);
        }
        Element value = row.selectFirst(selectors.trackValue());
        if (value == null) {
            return name == null ? null : TrackText.parse(name);
        }
        TrackText parsed = TrackText.parse(value.text().replace('\u00a0', ' '));
        return parsed.remix() == null && status(row) != null
                ? new TrackText(parsed.kind(), parsed.artist(), parsed.title(), status(row), null)
                : parsed;
    }

    /** The remix that the site marks as not yet identified, such as {@code (ID Remix)}. */
    private static String status(Element row) {
        Element status = row.selectFirst(".trackStatus");
        if (status == null) {
            return null;
        }
        String text = status.text().strip().replaceAll("^\\(|\\)$", "").strip();
        return text.isEmpty() ? null : text;
    }

    private String label(Element row) {
        String publisher = meta(recording(row), "publisher");
        if (publisher != null) {
            String text = Jsoup.parse(publisher).text().strip();
            if (!text.isEmpty()) {
                return text;
            }
        }
        Element label = row.selectFirst(selectors.label());
        return label == null || label.text().isBlank() ? null : label.text().strip();
    }

    private double cueValue(Element row) {
        Element input = row.selectFirst(selectors.cueSeconds());
        if (input == null) {
            return -1;
        }
        try {
            return Double.parseDouble(input.attr("value").strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private static Double duration(Element row) {
        Double seconds = CueTimes.isoDuration(meta(recording(row), "duration"));
        return seconds == null || seconds <= 0 ? null : seconds;
    }

    /** The microdata value of a property of an item, given as a {@code meta} child of the item's element. */
    private static String meta(Element item, String property) {
        if (item == null) {
            return null;
        }
        Element meta = item.selectFirst("> meta[itemprop=" + property + "]");
        if (meta == null) {
            return null;
        }
        String content = meta.attr("content").strip();
        return content.isEmpty() ? null : content;
    }

    /** The row's schema.org {@code MusicRecording} item, or null when it has no microdata (unidentified rows). */
    private static Element recording(Element row) {
        return row.selectFirst("[itemprop=tracks]");
    }

    private static List<String> djs(Element playlist) {
        List<String> djs = new ArrayList<>();
        for (String author : playlist.select("> meta[itemprop=author]").eachAttr("content")) {
            for (String dj : AUTHOR_SEPARATOR.split(author.strip())) {
                if (!dj.isBlank()) {
                    djs.add(dj.strip());
                }
            }
        }
        return djs;
    }

    private static LocalDate date(String text) {
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    /**
     * What another page of the site is, by the address it names as its own (canonical link, {@code og:url}, the
     * captcha form's action: the site also answers a track's address with a captcha), or null when it is not
     * recognised either.
     */
    private static String pageKind(Document page, String captcha) {
        String canonical = page.select("link[rel=canonical]").attr("href")
                + " " + page.select("meta[property=og:url]").attr("content")
                + " " + page.select("form[action]:has(" + captcha.replaceFirst("^form\\s+", "") + ")")
                        .eachAttr("action");
        if (canonical.contains("/track/") || !page.select("[itemtype$=MusicRecording]").isEmpty()
                && page.select("[itemtype$=MusicPlaylist]").isEmpty()) {
            return "a track page (" + page.title().strip() + ")";
        }
        for (String kind : List.of("/dj/", "/artist/", "/label/", "/source/", "/search/")) {
            if (canonical.contains(kind)) {
                return "a " + kind.replace("/", "") + " page";
            }
        }
        return null;
    }

    /** An entry being put together: a row and the mashup parts that follow it. */
    private static final class Builder {
        private final TrackText text;
        private final String label;
        private final Double cueSeconds;
        private final Double duration;
        private final boolean withPrevious;
        private final List<MashupPart> parts = new ArrayList<>();

        Builder(TrackText text, String label, Double cueSeconds, Double duration, boolean withPrevious) {
            this.text = text;
            this.label = label;
            this.cueSeconds = cueSeconds;
            this.duration = duration;
            this.withPrevious = withPrevious;
        }

        TracklistEntry build(int position) {
            return new TracklistEntry(position, text.kind(), cueSeconds, text.artist(), text.title(), text.remix(),
                    label, duration, withPrevious, parts, null);
        }
    }
}
