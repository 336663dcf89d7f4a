package org.deckhand.writeback.internal;

import java.util.function.Function;
import org.deckhand.api.music.CamelotKey;

/** How a key is written into a tag. */
public enum KeyNotation {

    /** The tonic and {@code m} for minor, as ID3v2.4 TKEY defines it: {@code Am}, {@code F#}. */
    MUSICAL(CamelotKey::shortName),
    /** The Camelot code: {@code 8A}. */
    CAMELOT(CamelotKey::code),
    /** The Open Key code: {@code 1m}. */
    OPEN_KEY(CamelotKey::openKeyCode);

    private final Function<CamelotKey, String> notation;

    KeyNotation(Function<CamelotKey, String> notation) {
        this.notation = notation;
    }

    /**
     * @param key a key
     * @return the key in this notation
     */
    public String write(CamelotKey key) {
        return notation.apply(key);
    }
}
