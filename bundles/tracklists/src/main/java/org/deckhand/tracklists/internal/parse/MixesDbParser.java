package org.deckhand.tracklists.internal.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deckhand.api.tracklist.LayoutNotRecognisedException;
import org.deckhand.api.tracklist.NotATracklistException;
import org.deckhand.api.tracklist.Tracklist;
import org.deckhand.api.tracklist.TracklistEntry;
import org.deckhand.api.tracklist.TracklistException;

/**
 * Reads a MixesDB mix page from the answer of its MediaWiki API: {@code action=parse} with {@code prop=wikitext}
 * (both {@code formatversion}s), or {@code action=query} with {@code prop=revisions}. The API answers an error with
 * HTTP 200 and an {@code error} object ({@code code}, {@code info}); a missing page is {@code missingtitle} or a
 * page flagged {@code missing}. The tracklist is the page's {@code == Tracklist ==} section, in the conventions
 * {@link TextTracklistParser} reads; {@code === Name ===} sub-headings in it are back-to-back parts, as {@code ;Name}
 * lines are. The page's title names the mix: {@code 2023-04-28 - Bicep @ The Warehouse Project}, its date first and
 * its DJs before the {@code @}.
 *
 * <p>Source: MediaWiki API documentation, API:Parsing wikitext, API:Revisions, API:Errors and warnings.
 */
public final class MixesDbParser {

    /** The id of the source. */
    public static final String SOURCE = "mixesdb";
    private static final Pattern TRACKLIST_HEADING = Pattern.compile("(?im)^==\\s*Tracklist\\s*==\\s*$");
    private static final Pattern LEVEL_TWO_HEADING = Pattern.compile("(?m)^==[^=].*$");
    private static final Pattern SUB_HEADING = Pattern.compile("(?m)^===+\\s*(.*?)\\s*===+\\s*$");
    private static final Pattern TITLE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}|\\d{4}-\\d{2}|\\d{4})"
            + "\\s+-\\s+(.+?)(?:\\s+@\\s+.*|\\s+-\\s+.*)?$");
    private static final Pattern DJ_SEPARATOR = Pattern.compile("\\s*(?:,|&| b2b | B2B | vs\\.? )\\s*");

    private final ObjectMapper json = new ObjectMapper();
    private final TextTracklistParser lines = new TextTracklistParser();

    /**
     * @param apiAnswer the API's JSON answer
     * @param address the mix page's address
     * @param fetched when the answer was fetched
     * @return the tracklist, with at least one entry
     * @throws NotATracklistException if the page does not exist, or has no tracklist section
     * @throws LayoutNotRecognisedException if the answer is not the API's, or has no wikitext
     * @throws TracklistException if the API answers another error, or the tracklist has no tracks yet
     */
    public Tracklist parse(String apiAnswer, String address, Instant fetched) throws TracklistException {
        JsonNode root;
        try {
            root = json.readTree(apiAnswer);
        } catch (IOException e) {
            throw new LayoutNotRecognisedException(SOURCE, address, "the API's answer is not JSON ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.isObject()) {
            throw new LayoutNotRecognisedException(SOURCE, address, "the API's answer is not a JSON object");
        }
        JsonNode error = root.path("error");
        if (error.isObject()) {
            String code = error.path("code").asText();
            if (code.equals("missingtitle") || code.equals("invalidtitle")) {
                throw new NotATracklistException(SOURCE, address, "a page that does not exist");
            }
            throw new TracklistException(SOURCE, address, "MixesDB's API refused " + address + ": " + code + " ("
                    + error.path("info").asText() + ")");
        }
        String[] titleAndText = titleAndWikitext(root, address);
        String title = titleAndText[0];
        String section = tracklistSection(titleAndText[1], address);
        List<TracklistEntry> entries = lines.parse(SUB_HEADING.matcher(section).replaceAll(";$1"));
        if (entries.isEmpty()) {
            throw new TracklistException(SOURCE, address, "The MixesDB page " + address
                    + " has a tracklist section without any track yet.");
        }
        LocalDate date = null;
        List<String> djs = new ArrayList<>();
        Matcher named = TITLE.matcher(title);
        if (named.matches()) {
            date = date(named.group(1));
            for (String dj : DJ_SEPARATOR.split(named.group(2))) {
                if (!dj.isBlank()) {
                    djs.add(dj.strip());
                }
            }
        }
        return new Tracklist(title, djs, date, List.of(), SOURCE, address, fetched, entries);
    }

    private static String[] titleAndWikitext(JsonNode root, String address) throws TracklistException {
        JsonNode parse = root.path("parse");
        if (parse.isObject()) {
            JsonNode wikitext = parse.path("wikitext");
            String text = wikitext.isTextual() ? wikitext.asText() : wikitext.path("*").asText(null);
            if (text != null) {
                return new String[] {parse.path("title").asText(""), text};
            }
        }
        JsonNode pages = root.path("query").path("pages");
        JsonNode page = pages.isArray() ? pages.path(0) : pages.elements().hasNext() ? pages.elements().next()
                : null;
        if (page != null && page.isObject()) {
            if (page.has("missing") || page.has("invalid")) {
                throw new NotATracklistException(SOURCE, address, "a page that does not exist");
            }
            JsonNode revision = page.path("revisions").path(0);
            JsonNode main = revision.path("slots").path("main");
            String text = main.isObject() ? main.path("content").asText(main.path("*").asText(null))
                    : revision.path("*").asText(null);
            if (text != null) {
                return new String[] {page.path("title").asText(""), text};
            }
        }
        throw new LayoutNotRecognisedException(SOURCE, address,
                "the API's answer holds neither parse.wikitext nor query.pages[].revisions[] content");
    }

    private static String tracklistSection(String wikitext, String address) throws NotATracklistException {
        Matcher heading = TRACKLIST_HEADING.matcher(wikitext);
        if (!heading.find()) {
            throw new NotATracklistException(SOURCE, address, "a page without a == Tracklist == section");
        }
        String rest = wikitext.substring(heading.end());
        Matcher next = LEVEL_TWO_HEADING.matcher(rest);
        return next.find() ? rest.substring(0, next.start()) : rest;
    }

    private static LocalDate date(String text) {
        if (text.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
