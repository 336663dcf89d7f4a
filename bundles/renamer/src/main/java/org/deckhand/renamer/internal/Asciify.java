package org.deckhand.renamer.internal;

import java.text.Normalizer;
import java.util.Map;

/**
 * ASCII forms of text for {@code %asciify}: accents are dropped through Unicode compatibility decomposition (NFKD,
 * then combining marks removed), and letters and signs without a decomposition come from a table whose entries
 * follow the Unidecode tables beets uses ({@code ß} as {@code ss}, {@code ¢} as {@code C/}, {@code ½} as
 * {@code  1/2}). Characters with no ASCII form there (CJK, Cyrillic, emoji...) are dropped.
 */
final class Asciify {

    private static final Map<Integer, String> TABLE = Map.ofEntries(
            Map.entry((int) 'ß', "ss"), Map.entry((int) 'æ', "ae"), Map.entry((int) 'Æ', "AE"),
            Map.entry((int) 'ø', "o"), Map.entry((int) 'Ø', "O"), Map.entry((int) 'œ', "oe"),
            Map.entry((int) 'Œ', "OE"), Map.entry((int) 'đ', "d"), Map.entry((int) 'Đ', "D"),
            Map.entry((int) 'ł', "l"), Map.entry((int) 'Ł', "L"), Map.entry((int) 'þ', "th"),
            Map.entry((int) 'Þ', "Th"), Map.entry((int) 'ð', "d"), Map.entry((int) 'Ð', "D"),
            Map.entry((int) 'ı', "i"), Map.entry((int) 'ħ', "h"), Map.entry((int) 'Ħ', "H"),
            Map.entry((int) '¢', "C/"), Map.entry((int) '£', "PS"), Map.entry((int) '€', "EUR"),
            Map.entry((int) '¥', "Y="), Map.entry((int) '©', "(c)"), Map.entry((int) '®', "(r)"),
            Map.entry((int) '°', "deg"), Map.entry((int) '½', " 1/2"), Map.entry((int) '¼', " 1/4"),
            Map.entry((int) '¾', " 3/4"), Map.entry((int) '‘', "'"), Map.entry((int) '’', "'"),
            Map.entry((int) '‚', ","), Map.entry((int) '“', "\""), Map.entry((int) '”', "\""),
            Map.entry((int) '„', ",,"), Map.entry((int) '–', "-"), Map.entry((int) '—', "--"),
            Map.entry((int) '…', "..."), Map.entry((int) '«', "<<"), Map.entry((int) '»', ">>"),
            Map.entry((int) '×', "x"), Map.entry((int) '÷', "/"), Map.entry((int) '¡', "!"),
            Map.entry((int) '¿', "?"), Map.entry((int) '·', "*"), Map.entry((int) '•', "o"),
            Map.entry(0x2044, "/"), Map.entry(0x2122, "(tm)"), Map.entry(0x00A0, " "));

    private Asciify() {
    }

    /**
     * @param text any text
     * @return its ASCII form
     */
    static String of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            String mapped = TABLE.get(c);
            if (mapped != null) {
                out.append(mapped);
            } else if (c < 128) {
                out.appendCodePoint(c);
            } else {
                String decomposed = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKD);
                decomposed.codePoints().forEach(d -> {
                    String inner = TABLE.get(d);
                    if (inner != null) {
                        out.append(inner);
                    } else if (d < 128) {
                        out.appendCodePoint(d);
                    }
                });
            }
        });
        return out.toString();
    }
}
