package org.deckhand.search.internal;

/** How a field is indexed, and so which values a query may give it and how it sorts. */
enum FieldKind {
    /** Analysed words: a query matches them case- and accent-insensitively; sorts on the folded text. */
    TEXT,
    /** One exact, lower-cased value, such as a file format; sorts on it. */
    KEYWORD,
    /** A Camelot code, queried by code or musical name, exactly or harmonically; sorts around the wheel. */
    KEY,
    /** A tempo in beats per minute; an exact query matches within ±0.5. */
    TEMPO,
    /** A decimal number such as energy or a plugin result; an exact query matches the value itself. */
    DECIMAL,
    /** A whole number of years. */
    YEAR,
    /** A playing time in seconds, written as {@code 6m}, {@code 90s}, {@code 5m30s}, {@code 1h} or seconds. */
    DURATION,
    /** An instant, queried by its age relative to now, written as {@code 12h}, {@code 7d} or {@code 2w}. */
    AGE
}
