package org.deckhand.tags.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deckhand.api.library.Tags;
import org.jaudiotagger.tag.FieldKey;

/**
 * Turns a tag's values into Deckhand's {@link Tags}. The field names follow JAudioTagger's mapping: ID3v2.3/2.4
 * frames (TIT2, TPE1, TALB, TPE2, TRCK, TPOS, TDRC/TYER, TCON, TPUB, TSRC, COMM, TBPM, TKEY), Vorbis comments
 * (TITLE, ARTIST, ..., LABEL, BPM, INITIALKEY) and MP4 atoms (©nam, ©ART, ..., tmpo, freeform ----); the track and
 * disc totals come from their own fields (TRACKTOTAL, DISCTOTAL, MP4 trkn and disk) or after the slash of "3/12"
 * (TRCK, TPOS), the compilation flag from TCMP, COMPILATION or cpil.
 */
final class TagsMapper {

    /** The first run of digits: "3/12" gives 3. */
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*0*(\\d{1,6})");
    /** The number after the slash of "3/12": 12. */
    private static final Pattern OF_TOTAL = Pattern.compile("^\\s*\\d+\\s*/\\s*0*(\\d{1,6})");
    /** A four-digit year anywhere: "2019", "2019-05-01", "05/01/2019". */
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");
    /** Separators writers put between artists in one value when they also write several values. */
    private static final Pattern ARTIST_SEPARATORS = Pattern.compile("\\s*[;\u0000]\\s*");

    private TagsMapper() {
    }

    /**
     * @param values the tag's values
     * @return the tags; {@link Tags#NONE} when the tag holds none of them
     */
    static Tags map(TagValues values) {
        Tags tags = new Tags(
                values.first(FieldKey.TITLE),
                artists(values),
                values.first(FieldKey.ALBUM),
                values.first(FieldKey.ALBUM_ARTIST),
                number(values.firstOrUser(FieldKey.TRACK, "IPRT", "TRACKNUMBER")),
                number(values.firstOrUser(FieldKey.DISC_NO, "DISCNUMBER")),
                year(values),
                values.first(FieldKey.GENRE),
                values.firstOrUser(FieldKey.RECORD_LABEL, "LABEL", "PUBLISHER", "ORGANIZATION"),
                values.firstOrUser(FieldKey.ISRC, "ISRC"),
                values.firstOrUser(FieldKey.COMMENT, "COMMENT", "DESCRIPTION"),
                bpm(values.firstOrUser(FieldKey.BPM, "BPM", "TEMPO")),
                values.firstOrUser(FieldKey.KEY, "INITIALKEY", "KEY"),
                total(values.firstOrUser(FieldKey.TRACK_TOTAL, "TRACKTOTAL", "TOTALTRACKS"),
                        values.firstOrUser(FieldKey.TRACK, "IPRT", "TRACKNUMBER")),
                total(values.firstOrUser(FieldKey.DISC_TOTAL, "DISCTOTAL", "TOTALDISCS"),
                        values.firstOrUser(FieldKey.DISC_NO, "DISCNUMBER")),
                flag(values.firstOrUser(FieldKey.IS_COMPILATION, "COMPILATION")));
        return tags.equals(Tags.NONE) ? Tags.NONE : tags;
    }

    /**
     * Several values (Vorbis comments repeated, ID3v2.4 NUL-separated, MP4 repeated atoms) are several artists, and
     * then "; " inside a value separates more. A single value is kept whole: "AC/DC" or "Simon & Garfunkel" are one
     * name.
     */
    static List<String> artists(TagValues values) {
        List<String> raw = values.all(FieldKey.ARTIST);
        if (raw.isEmpty()) {
            raw = values.all(FieldKey.ARTISTS);
        }
        if (raw.size() == 1 && raw.get(0).indexOf('\u0000') < 0) {
            return raw;
        }
        Set<String> artists = new LinkedHashSet<>();
        for (String value : raw) {
            for (String part : ARTIST_SEPARATORS.split(value)) {
                String cleaned = TagValues.clean(part);
                if (cleaned != null) {
                    artists.add(cleaned);
                }
            }
        }
        return new ArrayList<>(artists);
    }

    /** @return the leading positive number of "3" or "3/12", else null */
    static Integer number(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = LEADING_NUMBER.matcher(value);
        if (!matcher.find()) {
            return null;
        }
        int number = Integer.parseInt(matcher.group(1));
        return number > 0 ? number : null;
    }

    /**
     * @param total the total's own field, such as TRACKTOTAL
     * @param numberAndTotal the number's field, which may hold "3/12"
     * @return the positive total from the total's field, else from after the slash of the number's; else null
     */
    static Integer total(String total, String numberAndTotal) {
        Integer own = number(total);
        if (own != null || numberAndTotal == null) {
            return own;
        }
        Matcher matcher = OF_TOTAL.matcher(numberAndTotal);
        if (!matcher.find()) {
            return null;
        }
        int value = Integer.parseInt(matcher.group(1));
        return value > 0 ? value : null;
    }

    /** @return true for "1", "true" or "yes", false for "0", "false" or "no" (any case), else null */
    static Boolean flag(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes" -> Boolean.TRUE;
            case "0", "false", "no" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static Integer year(TagValues values) {
        String date = values.firstOrUser(FieldKey.YEAR, "DATE", "YEAR", "ORIGINALDATE");
        if (date == null) {
            return null;
        }
        Matcher matcher = YEAR.matcher(date);
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }

    /** @return a positive tempo from "128", "128.5" or "128,5", else null */
    static Double bpm(String value) {
        if (value == null) {
            return null;
        }
        try {
            double bpm = Double.parseDouble(value.replace(',', '.').strip());
            return bpm > 0 && Double.isFinite(bpm) ? bpm : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
