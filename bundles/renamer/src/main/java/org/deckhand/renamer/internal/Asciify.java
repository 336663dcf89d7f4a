package org.deckhand.renamer.internal;

import net.gcardone.junidecode.Junidecode;

/**
 * ASCII forms of text for {@code %asciify}, as beets makes them: each character is transliterated by the Unidecode
 * tables (Sean M. Burke's Text::Unidecode, which beets' Python {@code unidecode} and the junidecode library both port):
 * accents go ({@code Björk} → {@code Bjork}), {@code ß} becomes {@code ss}, Cyrillic and Greek are romanised
 * ({@code Дмитрий} → {@code Dmitrii}, {@code Ελληνικά} → {@code Ellenika}), CJK characters become their readings
 * ({@code 坂本龍一} → {@code Ban Ben Long Yi }, one syllable each, as Unidecode does). A character the tables have no
 * form for (emoji) is dropped, as beets drops it. junidecode's tables are older than those of Python's
 * {@code unidecode} 1.3: a few signs differ ({@code ½} gives {@code 1/2}, where beets writes {@code " 1/2"}).
 */
final class Asciify {

    /** What junidecode gives for a character it has no form for; beets' unidecode gives nothing. */
    private static final String UNKNOWN = "[?]";

    private Asciify() {
    }

    /**
     * @param text any text
     * @return its ASCII form
     */
    static String of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 128) {
                out.appendCodePoint(c);
            } else {
                String ascii = Junidecode.unidecode(Character.toString(c));
                if (!ascii.equals(UNKNOWN)) {
                    out.append(ascii);
                }
            }
        });
        return out.toString();
    }
}
