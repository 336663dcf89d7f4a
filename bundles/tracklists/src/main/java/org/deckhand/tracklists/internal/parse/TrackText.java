package org.deckhand.tracklists.internal.parse;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deckhand.api.tracklist.EntryKind;

/**
 * One track written the way tracklists write it: {@code Artist - Title (Remix) [Label]}, with a hyphen, an en dash
 * or an em dash between artist and title, a remix or version in round brackets at the end of the title, and a label
 * in square brackets at the end. {@code ID} or {@code ?} for an unknown artist or title.
 *
 * @param kind {@link EntryKind#TRACK}, {@link EntryKind#UNIDENTIFIED} when the title (or all) is unknown, or
 *     {@link EntryKind#FILLER} for a text with no artist, such as {@code Intro}
 * @param artist the artist, {@code null} when none is written or it is unknown
 * @param title the title without the remix; {@code ID} when the artist is known and the title is not
 * @param remix the remix or version, {@code null} when none
 * @param label the label, {@code null} when none
 */
public record TrackText(EntryKind kind, String artist, String title, String remix, String label) {

    /** A spaced hyphen, en dash or em dash between artist and title. */
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[-\u2013\u2014]\\s+");
    private static final Pattern LABEL = Pattern.compile("\\s*\\[([^\\[\\]]*)\\]\\s*$");
    private static final Pattern LAST_BRACKETS = Pattern.compile("\\s*\\(([^()]*)\\)\\s*$");
    private static final Pattern FEATURING = Pattern.compile("(?i)^(feat\\.?|ft\\.?|featuring|with)\\s.*");
    private static final String UNKNOWN = "ID";

    /**
     * @param text the track's text, trimmed of numbers and cue times
     * @return its parts
     */
    public static TrackText parse(String text) {
        String rest = text.strip();
        String label = null;
        Matcher labelMatch = LABEL.matcher(rest);
        if (labelMatch.find() && labelMatch.start() > 0) {
            label = blankToNull(labelMatch.group(1));
            rest = rest.substring(0, labelMatch.start());
        }
        Matcher separator = SEPARATOR.matcher(rest);
        if (!separator.find()) {
            if (isUnknown(rest)) {
                return new TrackText(EntryKind.UNIDENTIFIED, null, null, null, label);
            }
            return new TrackText(EntryKind.FILLER, null, rest, null, label);
        }
        String artist = rest.substring(0, separator.start()).strip();
        String titleText = rest.substring(separator.end()).strip();
        String[] titleAndRemix = splitRemix(titleText);
        String title = titleAndRemix[0];
        String remix = titleAndRemix[1];
        boolean artistUnknown = isUnknown(artist);
        boolean titleUnknown = isUnknown(title);
        if (titleUnknown) {
            return new TrackText(EntryKind.UNIDENTIFIED, artistUnknown ? null : artist,
                    artistUnknown ? null : UNKNOWN, remix, label);
        }
        return new TrackText(EntryKind.TRACK, artistUnknown ? null : artist, title, remix, label);
    }

    /**
     * @param title a title, maybe with a remix in round brackets at its end
     * @return the title and the remix ({@code null} when none); a {@code (feat. X)} at the end stays in the title
     */
    public static String[] splitRemix(String title) {
        Matcher brackets = LAST_BRACKETS.matcher(title);
        if (brackets.find() && brackets.start() > 0 && !FEATURING.matcher(brackets.group(1).strip()).matches()) {
            return new String[] {title.substring(0, brackets.start()).strip(), blankToNull(brackets.group(1))};
        }
        return new String[] {title.strip(), null};
    }

    /**
     * @param text an artist or a title
     * @return whether it stands for an unknown one: {@code ID}, {@code ?}, {@code ??}, {@code Unknown}
     */
    public static boolean isUnknown(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        return value.equals("id") || value.matches("\\?+") || value.equals("unknown") || value.equals("unknown id");
    }

    private static String blankToNull(String text) {
        String value = text.strip();
        return value.isEmpty() ? null : value;
    }
}
