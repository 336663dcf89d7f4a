package org.deckhand.tracklists.internal.match;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Artists and titles brought to the form in which two spellings of one track compare equal: lower case, accents
 * and punctuation dropped ({@code Röyksopp} is {@code royksopp}, {@code Mik&Ale} is {@code mik ale}); artists split
 * at {@code &}, {@code ,}, {@code x}, {@code vs.}, {@code and}, {@code feat.}, {@code ft.}, {@code featuring},
 * {@code with}, and compared as a set; a {@code feat.} credit in a title moves to the artists; the remix taken from
 * round or square brackets or from after a dash ({@code Title - X Remix}); versions that say nothing
 * ({@code Original Mix}, {@code Original}) dropped.
 */
public final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern ARTIST_SEPARATORS = Pattern.compile(
            "(?i)\\s*(?:,|&|\\+|/|;|\\bx\\b|\\bvs\\.?|\\bversus\\b|\\band\\b|\\bfeat\\.?|\\bft\\.?|\\bfeaturing\\b"
                    + "|\\bwith\\b|\\bmeets\\b|\\bpres\\.?|\\bpresents\\b|\\bb2b\\b)\\s*");
    private static final Pattern TITLE_FEATURING = Pattern.compile(
            "(?i)[\\s(\\[]+(?:feat\\.?|ft\\.?|featuring)\\s+([^)\\]]+)[)\\]]?");
    private static final Pattern BRACKETS = Pattern.compile("[(\\[]([^()\\[\\]]*)[)\\]]");
    private static final Pattern DASH_VERSION = Pattern.compile("\\s+[-\u2013\u2014]\\s+(.*)$");
    private static final Set<String> SILENT_VERSIONS = Set.of("original mix", "original", "original version",
            "album version", "original edit");

    private Names() {
    }

    /**
     * @param text any name
     * @return it folded: lower case, without accents or punctuation, words separated by one space
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.replace('ø', 'o').replace('Ø', 'O').replace("æ", "ae")
                .replace("Æ", "AE").replace("ß", "ss").replace("ł", "l"), Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(plain).replaceAll(" ").strip();
    }

    /**
     * @param artists artist credits as written, such as {@code Simon Doty & My Friend} or a tag's list
     * @param title a title, whose {@code feat.} credit counts as an artist
     * @return the folded artists, each once, sorted
     */
    public static Set<String> artists(List<String> artists, String title) {
        Set<String> names = new TreeSet<>();
        for (String credit : artists) {
            for (String name : ARTIST_SEPARATORS.split(credit == null ? "" : credit)) {
                String folded = fold(name);
                if (!folded.isEmpty()) {
                    names.add(folded);
                }
            }
        }
        if (title != null) {
            Matcher featuring = TITLE_FEATURING.matcher(title);
            while (featuring.find()) {
                names.addAll(artists(List.of(featuring.group(1)), null));
            }
        }
        return names;
    }

    /**
     * A title and its version, apart.
     *
     * @param core the folded title without version or {@code feat.} credit
     * @param version the folded version ({@code extended mix}, {@code dosem extended mix}), empty when none or
     *     {@code Original Mix}
     */
    public record Title(String core, String version) {
    }

    /**
     * @param title a title as written, maybe with its remix
     * @param remix the remix given apart, or null
     * @return its core and version
     */
    public static Title title(String title, String remix) {
        String text = title == null ? "" : TITLE_FEATURING.matcher(title).replaceAll(" ");
        List<String> versions = new ArrayList<>();
        if (remix != null) {
            versions.add(remix);
        }
        Matcher brackets = BRACKETS.matcher(text);
        StringBuilder core = new StringBuilder();
        while (brackets.find()) {
            versions.add(brackets.group(1));
            brackets.appendReplacement(core, " ");
        }
        brackets.appendTail(core);
        String rest = core.toString();
        Matcher dash = DASH_VERSION.matcher(rest);
        if (dash.find()) {
            versions.add(dash.group(1));
            rest = rest.substring(0, dash.start());
        }
        List<String> folded = new ArrayList<>();
        for (String version : versions) {
            String value = fold(version);
            if (!value.isEmpty() && !SILENT_VERSIONS.contains(value)) {
                folded.add(value);
            }
        }
        return new Title(fold(rest), String.join(" ", folded));
    }
}
