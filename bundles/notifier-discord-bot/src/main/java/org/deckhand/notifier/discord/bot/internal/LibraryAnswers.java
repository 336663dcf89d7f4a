package org.deckhand.notifier.discord.bot.internal;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.catalog.LibraryStats;
import org.deckhand.api.library.Tags;
import org.deckhand.api.search.QuerySyntaxException;
import org.deckhand.api.search.SearchPage;
import org.deckhand.api.search.SearchRequest;
import org.deckhand.api.search.TrackIndex;

/**
 * The text of the bot's answers to {@code /deckhand search} and {@code /deckhand status}, from the library's search
 * index and catalog. Thread-safe. Every answer fits a Discord message (2,000 characters).
 */
final class LibraryAnswers {

    /** How many tracks an answer to a search lists. */
    static final int ROWS = 5;
    /** The longest answer Discord takes as a message's content, in characters. */
    static final int MAX_CONTENT = 2000;
    private static final int MAX_QUERY_SHOWN = 200;

    private final TrackIndex index;
    private final Catalog catalog;

    /**
     * @param index the search index queries run on
     * @param catalog the catalog that gives each track found its tags, and the library's figures
     */
    LibraryAnswers(TrackIndex index, Catalog catalog) {
        this.index = index;
        this.catalog = catalog;
    }

    /**
     * Searches the library in Deckhand's query language (the console's search box; README, Search).
     *
     * @param query what the user typed, such as {@code artist:surgeon bpm:130..140}
     * @return the first {@value #ROWS} tracks, one a line ("Artist – Title"), after how many match in all; or what
     *         is wrong with the query
     */
    String search(String query) {
        String shown = shorten(query.strip(), MAX_QUERY_SHOWN);
        SearchPage page;
        try {
            page = index.search(new SearchRequest(query, null, null, ROWS));
        } catch (QuerySyntaxException e) {
            return shorten("Search `" + shown + "`: " + e.getMessage(), MAX_CONTENT);
        }
        if (page.totalHits() == 0) {
            return "Search `" + shown + "`: no tracks.";
        }
        List<String> lines = new ArrayList<>();
        lines.add("Search `" + shown + "`: " + count(page.totalHits(), "track")
                + (page.totalHits() > page.trackIds().size() ? ", the first " + page.trackIds().size() + ":" : ":"));
        for (CatalogTrack track : catalog.getAll(page.trackIds())) {
            lines.add("• " + row(track));
        }
        return shorten(String.join("\n", lines), MAX_CONTENT);
    }

    /**
     * @return the library's figures: tracks, missing ones, tracks by format, problems
     */
    String status() {
        LibraryStats stats = catalog.stats();
        String formats = stats.tracksByFormat().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> number(entry.getValue()) + " " + entry.getKey().toUpperCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        StringBuilder answer = new StringBuilder("Deckhand: ").append(count(stats.tracks(), "track"));
        if (!formats.isEmpty()) {
            answer.append(" (").append(formats).append(')');
        }
        answer.append(", ").append(number(stats.missing())).append(" missing, ")
                .append(count(stats.problems(), "file")).append(" that could not be read.");
        return answer.toString();
    }

    private static String row(CatalogTrack track) {
        Tags tags = track.track().tags();
        String artists = tags.artists().isEmpty() ? "Unknown artist" : String.join(", ", tags.artists());
        String title = tags.title() == null || tags.title().isBlank()
                ? track.track().file().path().getFileName().toString() : tags.title();
        return shorten(artists + " – " + title, 200);
    }

    private static String count(long n, String noun) {
        return number(n) + " " + noun + (n == 1 ? "" : "s");
    }

    private static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
    }

    /**
     * @param text a text
     * @param max the most characters it may have
     * @return it, cut to {@code max} characters with an ellipsis at the end when it is longer
     */
    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
