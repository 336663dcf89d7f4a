package org.deckhand.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.deckhand.api.search.IndexedTrack;
import org.deckhand.api.search.QuerySyntaxException;
import org.deckhand.api.search.SearchPage;
import org.deckhand.api.search.SearchRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LuceneTrackIndexTest {

    @TempDir
    Path folder;

    private LuceneTrackIndex index;

    @BeforeEach
    void fill() throws IOException {
        index = new LuceneTrackIndex(folder.resolve("index/tracks"), Fixture.CLOCK);
        Fixture.TRACKS.forEach(index::put);
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @ParameterizedTest(name = "[{0}] finds {1}")
    @CsvSource(delimiter = '|', value = {
        "'bjork '                               | 1",
        "'Björk '                               | 1",
        "BJORK                                  | 1 4",
        "bjo                                    | 1 4",
        "'sigur ros '                           | 5",
        "'hoppipolla '                          | 5",
        "'royksopp '                            | 11",
        "'\"daft punk\"'                        | 2 3 13",
        "'\"one more\"'                         | 13",
        "'\"punk daft\"'                        | ''",
        "'\"punk romanthony\"'                  | ''",
        "'daft homework '                       | 2 3",
        "'techno planet '                       | 9",
        "'daft punk -funk '                     | 2 13",
        "'-house'                               | 1 4 5 6 7 9 10 11 12 14 15 18 20",
        "'techno -detroit '                     | 4 6 7",
        "'genre:house -artist:daft'             | 8 16 17 19",
        "'burial OR aphex '                     | 10 12",
        "'genre:dubstep OR genre:downtempo'     | 11 12 18",
        "'artist:bjork'                         | 1",
        "'artist:daft'                          | 2 3 13",
        "'artist:romanthony'                    | 13",
        "'artist:\"daft punk\"'                 | 2 3 13",
        "'title:windowlicker'                   | 10",
        "'album:homework'                       | 2 3",
        "'label:\"planet e\"'                   | 8 9",
        "'genre:techno'                         | 4 6 7 9",
        "'format:flac'                          | 1 3 5 7 9 11 13 14 16 18 19",
        "'format:FLAC'                          | 1 3 5 7 9 11 13 14 16 18 19",
        "'format:wav'                           | 4 15",
        "'bpm:120..128'                         | 2 4 7 8 9 13 14 15 16 19 20",
        "'bpm:130..'                            | 6 10 12",
        "'bpm:..98'                             | 1 5 11",
        "'bpm:>130'                             | 6 12",
        "'bpm:>=130'                            | 6 10 12",
        "'bpm:<96'                              | 5",
        "'bpm:<=96'                             | 1 5",
        "'bpm:124'                              | 7 8 19 20",
        "'bpm:123'                              | 13 14",
        "'year:1995..1999'                      | 1 2 3 6 8 9 10",
        "'year:>2010'                           | 17 18 19 20",
        "'year:1997'                            | 2 8 9",
        "'energy:>7'                            | 2 4 6 7 13 19",
        "'energy:<=4'                           | 5 11",
        "'energy:7'                             | 1 10 16 20",
        "'duration:<4m'                         | 1 11 12",
        "'duration:<6m'                         | 1 3 5 6 11 12 13 14 18 19",
        "'duration:6m'                          | 17",
        "'duration:5m30s'                       | 3",
        "'duration:90s..4m'                     | 1 11 12",
        "'duration:300'                         | 6",
        "'duration:>=9m'                        | 15 16",
        "'duration:>7m'                         | 2 4 9 15 16",
        "'duration:<1h bpm:>135'                | 6 12",
        "'added:<7d'                            | 3 4 7 12 16 18",
        "'added:>30d'                           | 1 2 6 8 10 13 14 19",
        "'added:>=30d'                          | 1 2 6 8 10 13 14 19 20",
        "'added:<24h'                           | 7 16",
        "'added:<1d'                            | 7 16",
        "'added:2w'                             | 3 4 5 7 9 12 16 18",
        "'added:7d..30d'                        | 5 9 11 15 17 20",
        "'key:8A'                               | 2 11 16",
        "'key:8a'                               | 2 11 16",
        "'key:Am'                               | 2 11 16",
        "'key:8A~'                              | 2 3 4 5 11 16",
        "'key:1A~'                              | 6 7 15",
        "'key:12A~'                             | 6 7 9",
        "'key:C#m'                              | 6",
        "'key:Db'                               | 14",
        "'key:Bbm'                              | 12",
        "'key:5B'                               | 8",
        "'example.zcr.zeroCrossingRate:>0.3'    | 4 6",
        "'example.zcr.zeroCrossingRate:0.12..0.30' | 1 2",
        "'example.zcr.zeroCrossingRate:0.45'    | 4",
        "'example.mood.label:dark'              | 1 4",
        "'example.mood.label:\"dark driving\"'  | 4",
        "'techno bpm:124..130 key:12A~ -format:wav' | 7 9",
        "'techno bpm:124..130 -format:wav'       | 7 9",
        "''                                     | 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20",
    })
    void eachQueryFormFindsExactlyTheExpectedTracks(String query, String expected) throws QuerySyntaxException {
        assertEquals(idsOf(expected), Set.copyOf(search(query, null)));
    }

    @Test
    void sortsOnTextAscendingAndDescendingWithIdBreakingTies() throws QuerySyntaxException {
        assertEquals(List.of(2L, 3L, 13L, 17L, 19L, 16L, 8L), search("genre:house", "artist"));
        assertEquals(List.of(8L, 16L, 19L, 17L, 13L, 2L, 3L), search("genre:house", "-artist"));
    }

    @Test
    void sortsOnNumbersAndKeys() throws QuerySyntaxException {
        assertEquals(List.of(7L, 9L, 4L, 6L), search("genre:techno", "bpm"));
        assertEquals(List.of(6L, 4L, 9L, 7L), search("genre:techno", "-bpm"));
        assertEquals(List.of(3L, 2L, 11L, 16L, 5L, 4L), search("key:8A~", "key"));
        assertEquals(List.of(7L, 6L, 9L, 4L), search("genre:techno", "year"));
        assertEquals(List.of(6L, 9L, 4L, 7L), search("genre:techno", "added"));
        assertEquals(List.of(6L, 4L, 2L, 1L),
                search("example.zcr.zeroCrossingRate:>0", "-example.zcr.zeroCrossingRate"));
    }

    @Test
    void missingValuesSortLastInEitherDirection() throws QuerySyntaxException {
        List<Long> ascending = search("", "bpm");
        List<Long> descending = search("", "-bpm");
        assertEquals(18L, ascending.get(ascending.size() - 1));
        assertEquals(18L, descending.get(descending.size() - 1));
        assertEquals(5L, ascending.get(0));
        assertEquals(12L, descending.get(0));
    }

    @Test
    void ranksByRelevanceThenIdWhenTheQueryHasWords() throws QuerySyntaxException {
        assertEquals(List.of(7L, 15L), search("minimal ", null));
        assertEquals(List.of(15L, 7L), search("dexter OR minimal ", null));
        assertEquals(List.of(6L, 12L), search("bpm:>135", null));
    }

    @Test
    void refusesAnUnknownSortField() {
        QuerySyntaxException error = assertThrows(QuerySyntaxException.class, () -> search("", "-colour"));
        assertEquals(1, error.position());
        assertTrue(error.getMessage().contains("bpm"), error.getMessage());
    }

    @Test
    void pagesThroughEveryTrackOnceWhileTracksAreAdded() throws QuerySyntaxException {
        for (String sort : new String[] {"bpm", "-bpm", "artist", null, "-added"}) {
            List<Long> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                SearchPage page = index.search(new SearchRequest("", sort, cursor, 3));
                seen.addAll(page.trackIds());
                cursor = page.nextCursor();
                if (++pages == 2) {
                    index.put(copyOf(Fixture.TRACKS.get(0), 100 + pages, 500.0));
                }
            } while (cursor != null);
            index.delete(102);
            assertEquals(seen.size(), new HashSet<>(seen).size(), "duplicates for sort " + sort + ": " + seen);
            Set<Long> expected = new HashSet<>(idsOf("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20"));
            assertTrue(seen.containsAll(expected), "gaps for sort " + sort + ": " + seen);
        }
    }

    @Test
    void pagesThroughRelevanceRankedResults() throws QuerySyntaxException {
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            SearchPage page = index.search(new SearchRequest("house OR techno OR minimal ", null, cursor, 2));
            assertEquals(12, page.totalHits());
            seen.addAll(page.trackIds());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(search("house OR techno OR minimal ", null), seen);
    }

    @Test
    void reportsTheExactTotalAndNoCursorOnTheLastPage() throws QuerySyntaxException {
        SearchPage first = index.search(new SearchRequest("format:flac", "bpm", null, 10));
        assertEquals(11, first.totalHits());
        assertEquals(10, first.trackIds().size());
        SearchPage last = index.search(new SearchRequest("format:flac", "bpm", first.nextCursor(), 10));
        assertEquals(11, last.totalHits());
        assertEquals(List.of(18L), last.trackIds());
        assertNull(last.nextCursor());
        assertNull(index.search(new SearchRequest("format:flac", "bpm", null, 11)).nextCursor());
    }

    @Test
    void refusesTamperedAndForeignCursors() throws QuerySyntaxException {
        String cursor = index.search(new SearchRequest("", "bpm", null, 5)).nextCursor();
        char flipped = cursor.charAt(3) == 'A' ? 'B' : 'A';
        String tampered = cursor.substring(0, 3) + flipped + cursor.substring(4);
        for (SearchRequest request : List.of(new SearchRequest("", "bpm", tampered, 5),
                new SearchRequest("", "-bpm", cursor, 5), new SearchRequest("techno", "bpm", cursor, 5),
                new SearchRequest("", "bpm", "not a cursor!", 5), new SearchRequest("", "bpm", "AAAA", 5))) {
            QuerySyntaxException error = assertThrows(QuerySyntaxException.class, () -> index.search(request));
            assertEquals("malformed cursor", error.getMessage());
        }
    }

    @Test
    void showsChangesToSearchesAtOnce() throws QuerySyntaxException {
        index.put(copyOf(Fixture.TRACKS.get(0), 21, 97.0));
        assertEquals(List.of(1L, 21L), search("bjork ", null));
        assertEquals(21, index.size());
        index.delete(1);
        index.put(copyOf(Fixture.TRACKS.get(0), 21, 140.0));
        assertEquals(List.of(21L), search("bjork bpm:140", null));
        assertEquals(20, index.size());
        index.clear();
        assertEquals(0, index.size());
        assertEquals(List.of(), search("", null));
    }

    @Test
    void findsTheTracksAfterReopeningACommittedIndex() throws IOException, QuerySyntaxException {
        index.commit();
        index.close();
        index = new LuceneTrackIndex(folder.resolve("index/tracks"), Fixture.CLOCK);
        assertEquals(20, index.size());
        assertEquals(List.of(1L), search("bjork ", null));
        assertEquals(List.of(4L, 6L), search("example.zcr.zeroCrossingRate:>0.3", "bpm"));
    }

    @Test
    void namesTheFolderOfAnIndexThatCannotBeOpened() throws IOException {
        Path corrupt = folder.resolve("corrupt");
        Files.createDirectories(corrupt);
        Files.write(corrupt.resolve("segments_1"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        IOException error = assertThrows(IOException.class, () -> new LuceneTrackIndex(corrupt, Fixture.CLOCK));
        assertTrue(error.getMessage().contains(corrupt.toAbsolutePath().toString()), error.getMessage());
    }

    private List<Long> search(String query, String sort) throws QuerySyntaxException {
        return index.search(new SearchRequest(query, sort, null, 1000)).trackIds();
    }

    private static Set<Long> idsOf(String expected) {
        return Arrays.stream(expected.split("\\s+")).filter(id -> !id.isEmpty()).map(Long::valueOf)
                .collect(Collectors.toSet());
    }

    private static IndexedTrack copyOf(IndexedTrack track, long id, double bpm) {
        return new IndexedTrack(id, track.artists(), track.title(), track.album(), track.label(), track.genre(),
                track.year(), bpm, track.camelotKey(), track.energy(), track.durationSeconds(), track.format(),
                track.added(), Map.of());
    }
}
