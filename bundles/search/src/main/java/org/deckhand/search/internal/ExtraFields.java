package org.deckhand.search.internal;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.SortField;

/**
 * The {@code extra} values of indexed tracks, such as plugin results: how their names map to index fields, and
 * which names an index holds. A number is indexed as a double point with doc values under {@code xn.NAME}; a
 * string as one lower-cased keyword under {@code xk.NAME} and as analysed words under {@code xt.NAME}.
 *
 * @param numeric the names that hold numbers in some track
 * @param text the names that hold strings in some track
 */
record ExtraFields(SortedSet<String> numeric, SortedSet<String> text) {

    private static final String NUMBER_PREFIX = "xn.";
    private static final String KEYWORD_PREFIX = "xk.";
    private static final String TEXT_PREFIX = "xt.";

    /** No extra fields. */
    static final ExtraFields NONE = new ExtraFields(new TreeSet<>(), new TreeSet<>());

    /** Makes the sets unmodifiable. */
    ExtraFields {
        numeric = Collections.unmodifiableSortedSet(new TreeSet<>(numeric));
        text = Collections.unmodifiableSortedSet(new TreeSet<>(text));
    }

    /**
     * @param reader an index reader
     * @return the extra names the reader's documents hold
     */
    static ExtraFields of(IndexReader reader) {
        SortedSet<String> numeric = new TreeSet<>();
        SortedSet<String> text = new TreeSet<>();
        for (FieldInfo info : FieldInfos.getMergedFieldInfos(reader)) {
            if (info.name.startsWith(NUMBER_PREFIX)) {
                numeric.add(info.name.substring(NUMBER_PREFIX.length()));
            } else if (info.name.startsWith(TEXT_PREFIX)) {
                text.add(info.name.substring(TEXT_PREFIX.length()));
            }
        }
        return new ExtraFields(numeric, text);
    }

    /**
     * @param name an extra name
     * @return whether some track holds a value under that name
     */
    boolean contains(String name) {
        return numeric.contains(name) || text.contains(name);
    }

    /** @return every extra name, sorted */
    SortedSet<String> all() {
        SortedSet<String> all = new TreeSet<>(numeric);
        all.addAll(text);
        return all;
    }

    /** @return the point and doc-values field of a numeric extra */
    static String numberField(String name) {
        return NUMBER_PREFIX + name;
    }

    /** @return the keyword field of a string extra */
    static String keywordField(String name) {
        return KEYWORD_PREFIX + name;
    }

    /** @return the analysed field of a string extra */
    static String textField(String name) {
        return TEXT_PREFIX + name;
    }

    /**
     * @param field a field indexed with {@code DoubleDocValuesField}
     * @param descending whether the largest value comes first
     * @return a sort on it, missing values last
     */
    static SortField decimalSort(String field, boolean descending) {
        SortField sort = new SortField(field, SortField.Type.DOUBLE, descending);
        sort.setMissingValue(descending ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        return sort;
    }
}
