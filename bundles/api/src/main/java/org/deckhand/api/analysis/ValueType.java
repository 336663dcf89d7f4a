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
    BOOLEAN
}
