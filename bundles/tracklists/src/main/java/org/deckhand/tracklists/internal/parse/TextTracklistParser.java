package org.deckhand.tracklists.internal.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deckhand.api.tracklist.EntryKind;
import org.deckhand.api.tracklist.TracklistEntry;

/**
 * Reads tracklists written as text, one track a line, in the forms people paste and MixesDB keeps:
 * <ul>
 * <li>{@code 01. Artist - Title (Remix) [Label]}, numbered ({@code 1.}, {@code 01)}) or not;</li>
 * <li>a cue time before the track: {@code [00:00]}, {@code [1:02:03]}, {@code 1:02:03}, {@code 12:34}, or MixesDB's
 * minutes {@code [05]}, {@code [143]}, and its unknown ones {@code [0?]}, {@code [??]} (kept without a time);</li>
 * <li>MixesDB wikitext: {@code #} list lines, the {@code <list>} form (and other HTML tags around lines),
 * {@code ...} for a gap, {@code ?} for an unidentified track, {@code ;Part 2} or {@code ;DJ name} headings of
 * back-to-back sets, {@code '''bold'''} and {@code ''italic''} markup, {@code [[links]]};</li>
 * <li>a 1001Tracklists copy: numbered lines and {@code w/} lines for a track played together with the previous;</li>
 * <li>hyphens, en dashes or em dashes between artist and title; {@code feat.} and {@code ft.} stay in the artist.</li>
 * </ul>
 * Blank lines, headings ({@code == Tracklist ==}) and template lines ({@code {{...}}}) are skipped; a line with no
 * dash becomes a {@link EntryKind#FILLER} row, such as {@code Intro}.
 */
public final class TextTracklistParser {

    private static final Pattern NUMBER = Pattern.compile("^(\\d{1,3})\\s*[.)]\\s*");
    private static final Pattern WITH_PREVIOUS = Pattern.compile("^(?i)w/\\s*");
    private static final Pattern BRACKET_CUE = Pattern.compile(
            "^[\\[(]\\s*([0-9?]{1,3}(?::[0-9?]{1,2}){0,2})\\s*[\\])]\\s*");
    private static final Pattern BARE_CUE = Pattern.compile("^(\\d{1,3}(?::\\d{2}){1,2})\\s+(?:[-\u2013\u2014|]\\s+)?");
    private static final Pattern BOLD_PREFIX = Pattern.compile("^'''[^']*'''\\s*");
    private static final Pattern WIKI_LINK = Pattern.compile("\\[\\[(?:[^|\\]]*\\|)?([^\\]]*)\\]\\]");
    private static final Pattern LIST_TAG = Pattern.compile("(?i)</?(?:list|div|span|p|br|small|big|center)\\b[^>]*>");

    /**
     * @param text the tracklist, one track a line
     * @return its entries, positions from 1; empty when no line holds a track
     */
    public List<TracklistEntry> parse(String text) {
        List<TracklistEntry> entries = new ArrayList<>();
        String part = null;
        for (String rawLine : text.split("\\R")) {
            String line = LIST_TAG.matcher(rawLine).replaceAll("").strip();
            if (line.isEmpty() || line.startsWith("=") || line.startsWith("{{") || line.startsWith("}}")
                    || line.startsWith("<!--") || line.startsWith("[[Category:")) {
                continue;
            }
            if (line.startsWith(";")) {
                part = clean(line.substring(1)).replaceAll(":$", "").strip();
                continue;
            }
            TracklistEntry entry = line(line, entries.size() + 1, part);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /**
     * @param line one line
     * @param position the position it would take
     * @param part the back-to-back part it falls under, or null
     * @return its entry, or null when the line holds none
     */
    private static TracklistEntry line(String line, int position, String part) {
        String rest = line.replaceFirst("^[#*]+\\s*", "");
        rest = NUMBER.matcher(rest).replaceFirst("");
        boolean withPrevious = false;
        Matcher with = WITH_PREVIOUS.matcher(rest);
        if (with.find()) {
            withPrevious = true;
            rest = rest.substring(with.end());
        }
        Double cue = null;
        Matcher bracketCue = BRACKET_CUE.matcher(rest);
        Matcher bareCue = BARE_CUE.matcher(rest);
        if (bracketCue.find()) {
            cue = CueTimes.minutesOrClock(bracketCue.group(1));
            rest = rest.substring(bracketCue.end());
        } else if (bareCue.find()) {
            cue = CueTimes.minutesOrClock(bareCue.group(1));
            rest = rest.substring(bareCue.end());
        }
        if (!withPrevious) {
            Matcher late = WITH_PREVIOUS.matcher(rest);
            if (late.find()) {
                withPrevious = true;
                rest = rest.substring(late.end());
            }
        }
        rest = clean(BOLD_PREFIX.matcher(rest).replaceFirst(""));
        if (rest.isEmpty()) {
            return null;
        }
        if (rest.matches("\\.{3,}|\u2026")) {
            return new TracklistEntry(position, EntryKind.GAP, cue, null, null, null, null, null, false, List.of(),
                    part);
        }
        TrackText track = TrackText.parse(rest);
        return new TracklistEntry(position, track.kind(), cue, track.artist(), track.title(), track.remix(),
                track.label(), null, withPrevious, List.of(), part);
    }

    /** Drops wiki markup: bold and italic quotes, links (keeping their text). */
    private static String clean(String text) {
        String unlinked = WIKI_LINK.matcher(text).replaceAll("$1");
        return unlinked.replace("'''", "").replace("''", "").strip();
    }
}
