package org.deckhand.api.analysis;

/** The type of an analyser's result value, and the Java type that carries it in an {@link AnalysisResult}. */
public enum ValueType {
    /** A real number, carried as {@link Double}. */
    NUMBER,
    /** A whole number, carried as {@link Long}. */
    INTEGER,
    /** A text, carried as {@link String}. */
    TEXT,
    /** Yes or no, carried as {@link Boolean}. */
    BOOLEAN,
    /** A series of real numbers, such as a curve over time, carried as {@code float[]}; stored, not searchable. */
    NUMBER_ARRAY,
    /** Bytes in a form the analyser documents, such as a compact waveform, carried as {@code byte[]}; stored, not
     * searchable. */
    BINARY
}
