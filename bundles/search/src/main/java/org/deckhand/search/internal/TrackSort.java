package org.deckhand.search.internal;

import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.deckhand.api.search.QuerySyntaxException;

/**
 * The order of search results: a field, ascending or (with a leading {@code -}) descending, then the track id;
 * or, when no field is given, relevance then id for a query with words, and id alone otherwise. The last sort
 * value of every hit is therefore its id.
 *
 * @param sort the Lucene sort, ending with the id
 * @param name the sort as requested, normalized, such as {@code -bpm}, {@code relevance} or {@code id}
 */
record TrackSort(Sort sort, String name) {

    private static final SortField BY_ID = new SortField(TrackDocuments.ID, SortField.Type.LONG);
    private static final String DESCENDING = "-";

    /**
     * @param requested the requested sort, such as {@code -bpm}; null or blank for the default
     * @param scored whether the query ranks by relevance
     * @param extras the extra fields the index holds, whose numeric ones may be sorted on
     * @return the sort
     * @throws QuerySyntaxException if the field is not one that can be sorted on, with its position in the sort
     */
    static TrackSort parse(String requested, boolean scored, ExtraFields extras) throws QuerySyntaxException {
        if (requested == null || requested.isBlank()) {
            return scored ? new TrackSort(new Sort(SortField.FIELD_SCORE, BY_ID), "relevance")
                    : new TrackSort(new Sort(BY_ID), "id");
        }
        String text = requested.strip();
        boolean descending = text.startsWith(DESCENDING);
        String name = descending ? text.substring(1) : text;
        int position = requested.indexOf(text) + (descending ? 1 : 0);
        Optional<TrackField> builtIn = TrackField.named(name);
        SortField field;
        if (builtIn.isPresent()) {
            field = builtIn.get().sortField(descending);
        } else if (extras.numeric().contains(name)) {
            field = ExtraFields.decimalSort(ExtraFields.numberField(name), descending);
        } else {
            String known = Stream.concat(Stream.of(TrackField.values()).map(TrackField::fieldName).sorted(),
                    extras.numeric().stream()).collect(Collectors.joining(", "));
            throw QueryErrors.at(position, "cannot sort on '%s'; sort on one of %s, with - before it for"
                    + " descending order", name, known);
        }
        String canonical = (descending ? DESCENDING : "") + builtIn.map(TrackField::fieldName).orElse(name);
        return new TrackSort(new Sort(field, BY_ID), canonical);
    }
}
