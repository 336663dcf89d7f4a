package org.deckhand.search.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.lucene.search.SortField;

/**
 * The built-in fields of an indexed track: their names in the query language and in the index, which are the
 * same, their {@link FieldKind kinds}, and how each sorts. Missing values sort last in either direction.
 */
enum TrackField {
    ARTIST("artist", FieldKind.TEXT, 3f),
    TITLE("title", FieldKind.TEXT, 3f),
    ALBUM("album", FieldKind.TEXT, 2f),
    LABEL("label", FieldKind.TEXT, 1.5f),
    GENRE("genre", FieldKind.TEXT, 1f),
    FORMAT("format", FieldKind.KEYWORD, 1f),
    KEY("key", FieldKind.KEY, 1f),
    BPM("bpm", FieldKind.TEMPO, 1f),
    YEAR("year", FieldKind.YEAR, 1f),
    ENERGY("energy", FieldKind.DECIMAL, 1f),
    DURATION("duration", FieldKind.DURATION, 1f),
    ADDED("added", FieldKind.AGE, 1f);

    /** The fields that bare words and phrases search, strongest first. */
    static final List<TrackField> FREE_TEXT = List.of(ARTIST, TITLE, ALBUM, LABEL, GENRE);

    private static final String SORT_SUFFIX = ".sort";

    private final String fieldName;
    private final FieldKind kind;
    private final float boost;

    TrackField(String fieldName, FieldKind kind, float boost) {
        this.fieldName = fieldName;
        this.kind = kind;
        this.boost = boost;
    }

    /**
     * @param name a field name as typed, in any case
     * @return the field of that name, if there is one
     */
    static Optional<TrackField> named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(field -> field.fieldName.equals(lower)).findFirst();
    }

    /** @return the field's name in queries, sorts and the index */
    String fieldName() {
        return fieldName;
    }

    /** @return how the field is indexed */
    FieldKind kind() {
        return kind;
    }

    /** @return the weight of a free-text match in this field, for relevance */
    float boost() {
        return boost;
    }

    /** @return the name of the doc-values field this field sorts on */
    String sortFieldName() {
        return switch (kind) {
            case TEXT, KEYWORD, KEY -> fieldName + SORT_SUFFIX;
            default -> fieldName;
        };
    }

    /**
     * @param descending whether the largest value comes first
     * @return the Lucene sort on this field, missing values last
     */
    SortField sortField(boolean descending) {
        SortField sort;
        switch (kind) {
            case TEXT, KEYWORD -> {
                sort = new SortField(sortFieldName(), SortField.Type.STRING, descending);
                sort.setMissingValue(descending ? SortField.STRING_FIRST : SortField.STRING_LAST);
            }
            case KEY, AGE -> {
                sort = new SortField(sortFieldName(), SortField.Type.LONG, descending);
                sort.setMissingValue(descending ? Long.MIN_VALUE : Long.MAX_VALUE);
            }
            case YEAR -> {
                sort = new SortField(sortFieldName(), SortField.Type.INT, descending);
                sort.setMissingValue(descending ? Integer.MIN_VALUE : Integer.MAX_VALUE);
            }
            default -> sort = ExtraFields.decimalSort(sortFieldName(), descending);
        }
        return sort;
    }
}
