package org.deckhand.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.deckhand.api.search.QuerySyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParserTest {

    private static final ExtraFields EXTRAS = new ExtraFields(new TreeSet<>(Set.of(Fixture.ZCR)),
            new TreeSet<>(Set.of(Fixture.MOOD)));

    private final QueryParser parser = new QueryParser(new FoldingAnalyzer(), EXTRAS, Fixture.CLOCK);

    @ParameterizedTest(name = "[{0}] parses to {1}")
    @CsvSource(delimiter = '|', value = {
        "'artist:Röyksopp'          | +(+artist:royksopp)",
        "'title:\"one more time\"'  | +title:\"one more time\"",
        "'-genre:house'             | -(+genre:house) #*:*",
        "'format:FLAC'              | #format:flac",
        "'bpm:120..128'             | #bpm:[120.0 TO 128.0]",
        "'bpm:120..'                | #bpm:[120.0 TO Infinity]",
        "'bpm:..128'                | #bpm:[-Infinity TO 128.0]",
        "'bpm:>=120'                | #bpm:[120.0 TO Infinity]",
        "'bpm:<=128'                | #bpm:[-Infinity TO 128.0]",
        "'bpm:124'                  | #bpm:[123.5 TO 124.5]",
        "'BPM:124.5'                | #bpm:[124.0 TO 125.0]",
        "'year:1995..1999'          | #year:[1995 TO 1999]",
        "'year:>1995'               | #year:[1996 TO 2147483647]",
        "'year:<2000'               | #year:[-2147483648 TO 1999]",
        "'energy:7'                 | #energy:[7.0 TO 7.0]",
        "'duration:5m30s'           | #duration:[329.5 TO 330.5]",
        "'duration:90s..1h'         | #duration:[90.0 TO 3600.0]",
        "'duration:<=400'           | #duration:[-Infinity TO 400.0]",
        "'key:8a'                   | #key:(8A)",
        "'key:8A~'                  | #key:(7A 8A 8B 9A)",
        "'key:12B~'                 | #key:(11B 12A 12B 1B)",
        "'key:1A~'                  | #key:(12A 1A 1B 2A)",
        "'key:F#m'                  | #key:(11A)",
        "'key:Eb'                   | #key:(5B)",
        "'key:\"A minor\"'          | #key:(8A)",
        "'key:Gbm~'                 | #key:(10A 11A 11B 12A)",
        "'example.zcr.zeroCrossingRate:>0.1' | #example.zcr.zeroCrossingRate:[0.10000000000000002 TO Infinity]",
    })
    void parsesEachForm(String query, String expected) throws QuerySyntaxException {
        String parsed = parser.parse(query).query().toString();
        assertEquals(expected, parsed.replace("xn.", "").replace("DisjunctionMaxQuery", ""));
    }

    @Test
    void searchesBareWordsAndPhrasesInEveryTextFieldFolded() throws QuerySyntaxException {
        String word = parser.parse("Björk ").query().toString();
        String phrase = parser.parse("\"Daft Punk\"").query().toString();
        for (String field : List.of("artist", "title", "album", "label", "genre")) {
            assertTrue(word.contains(field + ":bjork"), word);
            assertTrue(phrase.contains(field + ":\"daft punk\""), phrase);
        }
    }

    @Test
    void matchesTheLastBareWordAsAPrefixWhileTyping() throws QuerySyntaxException {
        assertTrue(parser.parse("daft pun").query().toString().contains("artist:pun*"));
        assertFalse(parser.parse("daft pun ").query().toString().contains("pun*"));
        assertFalse(parser.parse("-pun").query().toString().contains("pun*"));
        assertFalse(parser.parse("\"pun\"").query().toString().contains("pun*"));
    }

    @Test
    void measuresAgesBackFromTheClock() throws QuerySyntaxException {
        long now = Fixture.NOW.toEpochMilli();
        long day = 86_400_000L;
        assertEquals("#added:[" + (now - 7 * day + 1) + " TO 9223372036854775807]",
                parser.parse("added:<7d").query().toString());
        assertEquals("#added:[-9223372036854775808 TO " + (now - 30 * day - 1) + "]",
                parser.parse("added:>30d").query().toString());
        assertEquals("#added:[" + (now - 2 * 7 * day) + " TO " + (now - 12 * 3_600_000L) + "]",
                parser.parse("added:12h..2w").query().toString());
    }

    @Test
    void ranksByRelevanceOnlyWhenTheQueryHasWords() throws QuerySyntaxException {
        assertTrue(parser.parse("techno bpm:>120").scored());
        assertTrue(parser.parse("genre:techno").scored());
        assertFalse(parser.parse("bpm:>120 key:8A").scored());
        assertFalse(parser.parse("-techno").scored());
        assertFalse(parser.parse("").scored());
        assertEquals("#*:*", parser.parse(null).query().toString());
    }

    @Test
    void joinsAlternativesWithOr() throws QuerySyntaxException {
        assertEquals("#(format:flac format:wav) #bpm:[120.0 TO Infinity]",
                parser.parse("format:flac OR format:wav bpm:>=120").query().toString());
        assertEquals("#(format:flac (#*:* -format:wav))",
                parser.parse("format:flac OR -format:wav").query().toString());
    }

    @Test
    void splitsTokensWithTheirPositions() throws QuerySyntaxException {
        List<QueryToken> tokens = QueryLexer.tokenize("  -artist:\"daft punk\" bpm:>120 OR -x \"a b\"");
        assertEquals(List.of(
                new QueryToken(false, true, "artist", 3, "daft punk", 10, true),
                new QueryToken(false, false, "bpm", 22, ">120", 26, false),
                new QueryToken(true, false, null, -1, "OR", 31, false),
                new QueryToken(false, true, null, -1, "x", 35, false),
                new QueryToken(false, false, null, -1, "a b", 37, true)), tokens);
    }

    @ParameterizedTest(name = "[{0}] fails at {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "'colour:red'                  | 0  | unknown field 'colour'; the fields are added, album, artist, bpm",
        "'techno tempo:120'            | 7  | unknown field 'tempo'",
        "'techno bpm:12x'              | 11 | 'bpm' takes a number",
        "'bpm:12x..128'                | 4  | '12x' is not one",
        "'bpm:120..12x'                | 9  | '12x' is not one",
        "'bpm:>abc'                    | 5  | 'abc' is not one",
        "'bpm:128..120'                | 4  | the range '128..120' is empty",
        "'bpm:..'                      | 4  | needs a bound",
        "'bpm:1e3'                     | 4  | '1e3' is not one",
        "'year:19.5'                   | 5  | 'year' takes a year",
        "'energy:high'                 | 7  | 'energy' takes a number",
        "'duration:6x'                 | 9  | 'duration' takes a duration",
        "'added:7'                     | 6  | 'added' takes an age",
        "'added:<7y'                   | 7  | '7y' is not one",
        "'key:13A'                     | 4  | '13A' is not a key",
        "'key:H~'                      | 4  | 'H' is not a key",
        "'artist:\"daft punk'          | 7  | the quote opened here is never closed",
        "'house \"deep'                | 6  | the quote opened here is never closed",
        "'bpm:'                        | 4  | 'bpm:' needs a value",
        "'house genre: techno'         | 12 | 'genre:' needs a value",
        "'artist:\"\"'                 | 7  | 'artist:' needs a value",
        "'artist:!!!'                  | 7  | 'artist' needs words",
        "'OR house'                    | 0  | OR needs a clause on each side",
        "'house OR'                    | 6  | OR needs a clause on each side",
        "'house OR OR techno'          | 6  | OR needs a clause on each side",
        "'example.zcr.zeroCrossingRate:lots' | 29 | 'example.zcr.zeroCrossingRate' takes a number",
    })
    void reportsErrorsWithTheirPositions(String query, int position, String message) {
        QuerySyntaxException error = assertThrows(QuerySyntaxException.class, () -> parser.parse(query));
        assertEquals(position, error.position(), error.getMessage());
        assertTrue(error.getMessage().contains(message), error.getMessage());
        assertTrue(error.getMessage().endsWith("(at character " + (position + 1) + ")"), error.getMessage());
    }

    @Test
    void listsExtraFieldsAmongTheKnownOnes() {
        QuerySyntaxException error = assertThrows(QuerySyntaxException.class, () -> parser.parse("zcr:1"));
        assertTrue(error.getMessage().contains("from plugins, example.mood.label, example.zcr.zeroCrossingRate"),
                error.getMessage());
    }
}
