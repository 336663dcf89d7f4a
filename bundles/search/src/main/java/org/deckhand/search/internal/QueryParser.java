package org.deckhand.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.deckhand.api.music.CamelotKey;
import org.deckhand.api.search.QuerySyntaxException;

/**
 * Parses the query language a DJ types into a Lucene query.
 *
 * <pre>
 * query     = clause { clause | "OR" clause }     clauses are separated by whitespace; all must match
 * clause    = [ "-" ] ( word | phrase | field ":" value )     "-" excludes the tracks the clause matches
 * phrase    = '"' { any character but '"' } '"'
 * value     = word | phrase | condition | key
 * condition = number | number ".." number | number ".." | ".." number | ( "&gt;" | "&gt;=" | "&lt;" | "&lt;=" ) number
 * key       = camelot [ "~" ]      camelot = 1A..12B, any case, or a key name such as Am, C#m, Db, F# major
 * </pre>
 *
 * <ul>
 * <li>A bare word must match, case- and accent-insensitively, in artist, title, album, label or genre; a phrase
 * must match as consecutive words in one of them. When the query does not end in whitespace, its last bare word
 * also matches as a prefix ({@code bjo} finds Björk), for search as you type.</li>
 * <li>{@code A OR B} matches tracks that either clause matches; OR binds tighter than the implicit AND.</li>
 * <li>{@code artist:}, {@code title:}, {@code album:}, {@code label:}, {@code genre:} take words (all must match
 * in that field) or a phrase; {@code format:} takes one exact value ({@code format:flac}).</li>
 * <li>{@code bpm:} takes numbers; an exact bpm matches within ±0.5. {@code energy:} and {@code year:} take numbers,
 * matched exactly. {@code duration:} takes {@code 6m}, {@code 90s}, {@code 5m30s}, {@code 1h} or seconds; an
 * exact duration matches within ±0.5 s. {@code added:} takes ages {@code 12h}, {@code 7d}, {@code 2w} counted back
 * from now: {@code added:<7d} is less than 7 days ago, {@code added:>30d} more than 30 days ago, and
 * {@code added:7d} the same as {@code added:<=7d}.</li>
 * <li>{@code key:8A} matches the Camelot code, {@code key:8A~} the harmonically compatible keys: 8A, 7A, 9A and
 * 8B (12 and 1 are neighbours).</li>
 * <li>An extra field, such as {@code example.zcr.zeroCrossingRate:>0.1}, takes the numeric conditions when it
 * holds numbers, and words or an exact value when it holds strings.</li>
 * </ul>
 *
 * Field names are case-insensitive, except those of extra fields. Errors are {@link QuerySyntaxException}s that
 * give the 0-based position of the fault.
 */
final class QueryParser {

    private static final double BPM_TOLERANCE = 0.5;
    private static final double DURATION_TOLERANCE = 0.5;
    private static final float PREFIX_WEIGHT = 0.5f;
    private static final int LISTED_EXTRAS = 20;

    private final Analyzer analyzer;
    private final ExtraFields extras;
    private final long nowMillis;

    /**
     * @param analyzer the analyzer the index was built with
     * @param extras the extra fields the index holds
     * @param clock the clock that ages in {@code added:} are counted back from
     */
    QueryParser(Analyzer analyzer, ExtraFields extras, Clock clock) {
        this.analyzer = analyzer;
        this.extras = extras;
        this.nowMillis = clock.millis();
    }

    /**
     * @param query the query as typed; null or blank for every track
     * @return the Lucene query
     * @throws QuerySyntaxException if the query is malformed
     */
    ParsedQuery parse(String query) throws QuerySyntaxException {
        String text = query == null ? "" : query;
        List<QueryToken> tokens = QueryLexer.tokenize(text);
        boolean lastWordIsPrefix = !text.isEmpty() && !Character.isWhitespace(text.charAt(text.length() - 1));
        List<List<Clause>> alternatives = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            QueryToken token = tokens.get(i);
            if (token.or()) {
                if (alternatives.isEmpty() || i + 1 == tokens.size() || tokens.get(i + 1).or()) {
                    throw QueryErrors.at(token.valuePosition(), "OR needs a clause on each side, as in"
                            + " 'house OR techno'");
                }
                i++;
                Clause alternative = clause(tokens.get(i), lastWordIsPrefix && i + 1 == tokens.size());
                alternatives.get(alternatives.size() - 1).add(alternative);
            } else {
                List<Clause> group = new ArrayList<>();
                group.add(clause(token, lastWordIsPrefix && i + 1 == tokens.size()));
                alternatives.add(group);
            }
        }
        return combine(alternatives);
    }

    private static ParsedQuery combine(List<List<Clause>> alternatives) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean scored = false;
        boolean positive = false;
        for (List<Clause> group : alternatives) {
            Clause clause = group.size() == 1 ? group.get(0) : anyOf(group);
            if (clause.query() == null) {
                continue;
            }
            if (clause.negated()) {
                all.add(clause.query(), Occur.MUST_NOT);
            } else {
                all.add(clause.query(), clause.scored() ? Occur.MUST : Occur.FILTER);
                positive = true;
                scored |= clause.scored();
            }
        }
        if (!positive) {
            all.add(new MatchAllDocsQuery(), Occur.FILTER);
        }
        return new ParsedQuery(all.build(), scored);
    }

    private static Clause anyOf(List<Clause> group) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean scored = false;
        for (Clause clause : group) {
            if (clause.query() == null) {
                return new Clause(null, false, false);
            }
            if (clause.negated()) {
                any.add(new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
                        .add(clause.query(), Occur.MUST_NOT).build(), Occur.SHOULD);
            } else {
                any.add(clause.query(), Occur.SHOULD);
                scored |= clause.scored();
            }
        }
        return new Clause(any.build(), false, scored);
    }

    private Clause clause(QueryToken token, boolean prefixAllowed) throws QuerySyntaxException {
        if (token.field() == null) {
            Query query = freeText(token.value(), token.quoted(), prefixAllowed && !token.quoted()
                    && !token.negated());
            return new Clause(query, token.negated(), true);
        }
        Optional<TrackField> builtIn = TrackField.named(token.field());
        if (builtIn.isPresent()) {
            return new Clause(fieldQuery(builtIn.get(), token), token.negated(),
                    builtIn.get().kind() == FieldKind.TEXT);
        }
        if (extras.contains(token.field())) {
            return new Clause(extraQuery(token), token.negated(), false);
        }
        throw QueryErrors.at(token.fieldPosition(), "unknown field '%s'; the fields are %s", token.field(),
                knownFields());
    }

    private String knownFields() {
        String builtIns = Stream.of(TrackField.values()).map(TrackField::fieldName).sorted()
                .collect(Collectors.joining(", "));
        if (extras.all().isEmpty()) {
            return builtIns;
        }
        String fromPlugins = extras.all().stream().limit(LISTED_EXTRAS).collect(Collectors.joining(", "));
        return builtIns + " and, from plugins, " + fromPlugins
                + (extras.all().size() > LISTED_EXTRAS ? ", ..." : "");
    }

    private Query freeText(String value, boolean phrase, boolean prefix) {
        List<String> words = analyze(TrackField.TITLE.fieldName(), value);
        if (words.isEmpty()) {
            return null;
        }
        if (phrase && words.size() > 1) {
            List<Query> perField = new ArrayList<>();
            for (TrackField field : TrackField.FREE_TEXT) {
                perField.add(new BoostQuery(phrase(field.fieldName(), words), field.boost()));
            }
            return new DisjunctionMaxQuery(perField, 0f);
        }
        BooleanQuery.Builder everyWord = new BooleanQuery.Builder();
        for (int i = 0; i < words.size(); i++) {
            boolean asPrefix = prefix && i == words.size() - 1;
            List<Query> perField = new ArrayList<>();
            for (TrackField field : TrackField.FREE_TEXT) {
                perField.add(wordQuery(field, words.get(i), asPrefix));
            }
            everyWord.add(new DisjunctionMaxQuery(perField, 0f), Occur.MUST);
        }
        return everyWord.build();
    }

    private static Query wordQuery(TrackField field, String word, boolean asPrefix) {
        Term term = new Term(field.fieldName(), word);
        Query exact = new BoostQuery(new TermQuery(term), field.boost());
        if (!asPrefix) {
            return exact;
        }
        return new BooleanQuery.Builder().add(exact, Occur.SHOULD)
                .add(new BoostQuery(new PrefixQuery(term), field.boost() * PREFIX_WEIGHT), Occur.SHOULD).build();
    }

    private Query fieldQuery(TrackField field, QueryToken token) throws QuerySyntaxException {
        String name = field.fieldName();
        String value = token.value();
        int position = token.valuePosition();
        return switch (field.kind()) {
            case TEXT -> fieldText(name, value, token.quoted(), position);
            case KEYWORD -> new TermQuery(new Term(name, fold(name, value)));
            case KEY -> keyQuery(value, position);
            case TEMPO -> decimalRange(name, NumericCondition.parse(value, position,
                    QueryValues.decimal(name, "a number such as 124, a range such as 120..128 or a comparison such"
                            + " as >120")).widenExact(BPM_TOLERANCE));
            case DECIMAL -> decimalRange(name, NumericCondition.parse(value, position,
                    QueryValues.decimal(name, "a number such as 7, a range such as 5..8 or a comparison such"
                            + " as >7")));
            case YEAR -> yearRange(name, NumericCondition.parse(value, position,
                    QueryValues.integer(name, "a year such as 1997, a range such as 1995..1999 or a comparison"
                            + " such as >=2000")));
            case DURATION -> decimalRange(name, NumericCondition.parse(value, position,
                    QueryValues.duration(name, "a duration such as 6m, 90s, 5m30s or 1h, a range such as 5m..7m"
                            + " or a comparison such as <6m")).widenExact(DURATION_TOLERANCE));
            case AGE -> addedRange(name, NumericCondition.parse(value, position,
                    QueryValues.age(name, "an age such as 12h, 7d or 2w, a range such as 7d..30d or a comparison"
                            + " such as <7d")));
        };
    }

    private Query fieldText(String field, String value, boolean phrase, int position) throws QuerySyntaxException {
        List<String> words = analyze(field, value);
        if (words.isEmpty()) {
            throw QueryErrors.at(position, "'%s' needs words to search for, not '%s'", field, value);
        }
        if (phrase && words.size() > 1) {
            return phrase(field, words);
        }
        BooleanQuery.Builder everyWord = new BooleanQuery.Builder();
        for (String word : words) {
            everyWord.add(new TermQuery(new Term(field, word)), Occur.MUST);
        }
        return everyWord.build();
    }

    private static Query keyQuery(String value, int position) throws QuerySyntaxException {
        boolean compatible = value.endsWith("~");
        String code = compatible ? value.substring(0, value.length() - 1) : value;
        CamelotKey key = CamelotKey.parse(code).orElseThrow(() -> QueryErrors.at(position,
                "'%s' is not a key: write a Camelot code from 1A to 12B, or a key name such as Am, C#m or Db,"
                        + " and add ~ for the compatible keys", code));
        List<BytesRef> codes = (compatible ? key.compatible() : List.of(key)).stream()
                .map(each -> new BytesRef(each.code())).toList();
        return new TermInSetQuery(TrackField.KEY.fieldName(), codes);
    }

    private static Query decimalRange(String field, NumericCondition condition) {
        return DoublePoint.newRangeQuery(field, condition.lowestDouble(), condition.highestDouble());
    }

    private static Query yearRange(String field, NumericCondition condition) {
        int low = (int) Math.max(Integer.MIN_VALUE, condition.lowestLong());
        int high = (int) Math.min(Integer.MAX_VALUE, condition.highestLong());
        return IntPoint.newRangeQuery(field, low, high);
    }

    private Query addedRange(String field, NumericCondition age) {
        NumericCondition withinAge = age.exact() ? new NumericCondition(null, false, age.high(), true, false) : age;
        NumericCondition added = withinAge.measuredBackFrom(nowMillis);
        return LongPoint.newRangeQuery(field, added.lowestLong(), added.highestLong());
    }

    private Query extraQuery(QueryToken token) throws QuerySyntaxException {
        String name = token.field();
        if (extras.numeric().contains(name)) {
            try {
                return decimalRange(ExtraFields.numberField(name), NumericCondition.parse(token.value(),
                        token.valuePosition(), QueryValues.decimal(name, "a number such as 0.5, a range such as"
                                + " 0.1..0.2 or a comparison such as >0.1")));
            } catch (QuerySyntaxException notNumeric) {
                if (!extras.text().contains(name)) {
                    throw notNumeric;
                }
            }
        }
        String keywordField = ExtraFields.keywordField(name);
        BooleanQuery.Builder either = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(keywordField, fold(keywordField, token.value()))), Occur.SHOULD);
        String textField = ExtraFields.textField(name);
        if (!analyze(textField, token.value()).isEmpty()) {
            either.add(fieldText(textField, token.value(), token.quoted(), token.valuePosition()), Occur.SHOULD);
        }
        return either.build();
    }

    private static Query phrase(String field, List<String> words) {
        return new PhraseQuery(field, words.toArray(String[]::new));
    }

    private String fold(String field, String value) {
        return analyzer.normalize(field, value).utf8ToString();
    }

    private List<String> analyze(String field, String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot analyse a query's words", e);
        }
        return words;
    }

    /**
     * One parsed clause.
     *
     * @param query what it matches, or null when it does not restrict the results (such as a lone {@code -})
     * @param negated whether it excludes what it matches
     * @param scored whether it counts towards relevance
     */
    private record Clause(Query query, boolean negated, boolean scored) {
    }
}
