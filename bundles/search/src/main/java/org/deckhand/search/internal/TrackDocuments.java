package org.deckhand.search.internal;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.deckhand.api.music.CamelotKey;
import org.deckhand.api.search.IndexedTrack;

/**
 * Maps an {@link IndexedTrack} to a Lucene document. The id is an exact term (for replacing and deleting), a stored
 * value and numeric doc values (the last sort key); free-text fields are analysed by {@link FoldingAnalyzer} and
 * have folded sorted doc values; format and key are exact terms; numbers are points with doc values; extras are
 * mapped as {@link ExtraFields} describes. Null values are left out.
 */
final class TrackDocuments {

    /** The field holding the track's id. */
    static final String ID = "id";

    private static final String ARTIST_SEPARATOR = ", ";

    private final Analyzer analyzer;

    /** @param analyzer the analyzer of the index, used to fold sort values and keywords */
    TrackDocuments(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * @param trackId a track's id
     * @return the term that identifies the track's document
     */
    static Term idTerm(long trackId) {
        return new Term(ID, Long.toString(trackId));
    }

    /**
     * @param track a track
     * @return its document
     */
    Document toDocument(IndexedTrack track) {
        Document document = new Document();
        document.add(new StringField(ID, Long.toString(track.id()), Field.Store.NO));
        document.add(new StoredField(ID, track.id()));
        document.add(new NumericDocValuesField(ID, track.id()));
        addArtists(document, track.artists());
        addText(document, TrackField.TITLE, track.title());
        addText(document, TrackField.ALBUM, track.album());
        addText(document, TrackField.LABEL, track.label());
        addText(document, TrackField.GENRE, track.genre());
        addFormat(document, track.format());
        addKey(document, track.camelotKey());
        addDecimal(document, TrackField.BPM, track.bpm());
        addDecimal(document, TrackField.ENERGY, track.energy());
        addDecimal(document, TrackField.DURATION, track.durationSeconds());
        if (track.year() != null) {
            document.add(new IntPoint(TrackField.YEAR.fieldName(), track.year()));
            document.add(new NumericDocValuesField(TrackField.YEAR.fieldName(), track.year()));
        }
        if (track.added() != null) {
            document.add(new LongPoint(TrackField.ADDED.fieldName(), track.added().toEpochMilli()));
            document.add(new NumericDocValuesField(TrackField.ADDED.fieldName(), track.added().toEpochMilli()));
        }
        track.extra().forEach((name, value) -> addExtra(document, name, value));
        return document;
    }

    /**
     * @param field a field name
     * @param text a value
     * @return the value lower-cased and folded to ASCII as a whole, as keywords and sort values are indexed
     */
    String fold(String field, String text) {
        return analyzer.normalize(field, text).utf8ToString();
    }

    private void addArtists(Document document, List<String> artists) {
        if (artists.isEmpty()) {
            return;
        }
        for (String artist : artists) {
            document.add(new TextField(TrackField.ARTIST.fieldName(), artist, Field.Store.NO));
        }
        addSortValue(document, TrackField.ARTIST, String.join(ARTIST_SEPARATOR, artists));
    }

    private void addText(Document document, TrackField field, String value) {
        if (value != null) {
            document.add(new TextField(field.fieldName(), value, Field.Store.NO));
            addSortValue(document, field, value);
        }
    }

    private void addSortValue(Document document, TrackField field, String value) {
        document.add(new SortedDocValuesField(field.sortFieldName(), analyzer.normalize(field.fieldName(), value)));
    }

    private void addFormat(Document document, String format) {
        if (format != null) {
            String folded = fold(TrackField.FORMAT.fieldName(), format);
            document.add(new StringField(TrackField.FORMAT.fieldName(), folded, Field.Store.NO));
            document.add(new SortedDocValuesField(TrackField.FORMAT.sortFieldName(), new BytesRef(folded)));
        }
    }

    private void addKey(Document document, String camelotKey) {
        if (camelotKey == null) {
            return;
        }
        CamelotKey.parse(camelotKey).ifPresent(key -> {
            document.add(new StringField(TrackField.KEY.fieldName(), key.code(), Field.Store.NO));
            document.add(new NumericDocValuesField(TrackField.KEY.sortFieldName(), key.order()));
        });
    }

    private static void addDecimal(Document document, TrackField field, Double value) {
        if (value != null) {
            document.add(new DoublePoint(field.fieldName(), value));
            document.add(new DoubleDocValuesField(field.fieldName(), value));
        }
    }

    private void addExtra(Document document, String name, Object value) {
        if (value instanceof Number number) {
            document.add(new DoublePoint(ExtraFields.numberField(name), number.doubleValue()));
            document.add(new DoubleDocValuesField(ExtraFields.numberField(name), number.doubleValue()));
        } else if (value instanceof String text) {
            String keyword = ExtraFields.keywordField(name);
            document.add(new StringField(keyword, fold(keyword, text), Field.Store.NO));
            document.add(new TextField(ExtraFields.textField(name), text, Field.Store.NO));
        }
    }
}
