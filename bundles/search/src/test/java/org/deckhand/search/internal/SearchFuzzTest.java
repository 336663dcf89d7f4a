package org.deckhand.search.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.InRange;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.deckhand.api.search.QuerySyntaxException;
import org.deckhand.api.search.SearchPage;
import org.deckhand.api.search.SearchRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of search as the REST API calls it: any query, sort and limit, over the twenty tracks of
 * {@link Fixture}, give a page (and its next pages, through their cursors) or a {@link QuerySyntaxException} whose
 * position lies in the query or the sort, never another exception, an error or a hang. The seeds are the query
 * language's documented forms; a plain {@code mvn test} runs them and the kept findings in
 * {@code SearchFuzzTestInputs}; {@code mvn test -Dfuzz} fuzzes (docs/fuzzing.md).
 */
class SearchFuzzTest {

    private static final int MAX_PAGES = 25;
    private static Path folder;
    private static LuceneTrackIndex index;

    /** Fills the index and searches it once, so that the first input is not timed with Lucene's loading. */
    @BeforeAll
    static void fill() throws IOException, QuerySyntaxException {
        folder = Files.createTempDirectory("search-fuzz");
        index = new LuceneTrackIndex(folder.resolve("tracks"), Fixture.CLOCK);
        Fixture.TRACKS.forEach(index::put);
        index.commit();
        index.search(new SearchRequest("daft punk bpm:120..130", "-bpm", null, 1));
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    static Stream<Arguments> documentedQueries() {
        return Stream.of(
                Arguments.of("artist:Röyksopp", "", 10),
                Arguments.of("title:\"one more time\" -genre:house", "-bpm", 5),
                Arguments.of("format:FLAC bpm:120..128 year:>1995", "year", 3),
                Arguments.of("bpm:..128 energy:7 duration:5m30s", "duration", 1),
                Arguments.of("duration:90s..1h added:<7d", "-added", 2),
                Arguments.of("key:8A~ OR key:F#m key:\"A minor\"", "key", 4),
                Arguments.of("example.zcr.zeroCrossingRate:>0.1 example.mood.label:dark", "-example.zcr"
                        + ".zeroCrossingRate", 2),
                Arguments.of("daft homework bjo", "relevance", 1));
    }

    @Timeout(30)
    @MethodSource("documentedQueries")
    @FuzzTest(maxDuration = "30s")
    void searchesAnyQueryOrSaysWhereItIsWrong(@NotNull String query, @NotNull String sort,
            @InRange(min = 1, max = 1000) int limit) {
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            SearchPage result;
            try {
                result = index.search(new SearchRequest(query, sort, cursor, limit));
            } catch (QuerySyntaxException e) {
                int position = e.position();
                assertTrue(position >= 0 && position <= Math.max(query.length(), sort.length()),
                        () -> "position " + position + " of " + e.getMessage());
                return;
            }
            assertTrue(result.trackIds().size() <= limit, () -> result.trackIds() + " for a limit of " + limit);
            cursor = result.nextCursor();
            if (cursor == null) {
                return;
            }
        }
    }
}
