package org.deckhand.search.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.deckhand.api.search.IndexedTrack;
import org.deckhand.api.search.QuerySyntaxException;
import org.deckhand.api.search.SearchRequest;

/**
 * Builds an index of 100,000 synthetic tracks in a temporary folder and prints the in-process latency (p50, p99)
 * of a mix of typical queries. Run it with
 * {@code mvn -q -f bundles/search/pom.xml test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.deckhand.search.internal.SearchBench}; an argument sets the number of tracks.
 */
public final class SearchBench {

    private static final String[] WORDS = {"deep", "night", "acid", "love", "dark", "sun", "city", "dream", "fire",
        "soul", "rhythm", "machine", "water", "gold", "echo", "storm", "blue", "motion", "drift", "pulse"};
    private static final String[] GENRES = {"Techno", "House", "Deep House", "Minimal", "Electro", "Drum & Bass",
        "Dubstep", "Downtempo", "Disco", "Trance"};
    private static final String[] FORMATS = {"flac", "mp3", "wav", "aiff"};
    private static final String[] QUERIES = {"deep", "dark machine", "\"acid love\"", "genre:techno bpm:124..128",
        "bpm:>=120 key:8A~ -format:mp3", "artist:echo added:<30d", "duration:5m..7m energy:>6", "year:1995..1999 dr",
        "soul OR disco", "example.zcr.zeroCrossingRate:>0.2 genre:house", "storm -genre:trance", "k"};
    private static final String[] SORTS = {null, "-bpm", "artist", "added"};
    private static final int WARM_UP_ROUNDS = 20;
    private static final int MEASURED_ROUNDS = 100;
    private static final int PAGE = 50;

    private SearchBench() {
    }

    /**
     * @param arguments optionally the number of tracks, 100,000 by default
     * @throws IOException if the temporary index cannot be written
     * @throws QuerySyntaxException never: the queries are valid
     */
    public static void main(String[] arguments) throws IOException, QuerySyntaxException {
        int tracks = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 100_000;
        Path folder = Files.createTempDirectory("deckhand-search-bench");
        try (LuceneTrackIndex index = new LuceneTrackIndex(folder, Fixture.CLOCK)) {
            long start = System.nanoTime();
            Random random = new Random(42);
            for (int id = 1; id <= tracks; id++) {
                index.put(syntheticTrack(id, random));
            }
            index.commit();
            System.out.printf(Locale.ROOT, "indexed %,d tracks in %.1f s%n", index.size(),
                    (System.nanoTime() - start) / 1e9);
            measure(index, WARM_UP_ROUNDS);
            long[] nanos = measure(index, MEASURED_ROUNDS);
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "%d searches (%d queries x %d sorts x %d rounds, %d per page):"
                    + " p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", nanos.length, QUERIES.length, SORTS.length,
                    MEASURED_ROUNDS, PAGE, percentile(nanos, 50), percentile(nanos, 99),
                    nanos[nanos.length - 1] / 1e6);
        } finally {
            deleteRecursively(folder);
        }
    }

    private static long[] measure(LuceneTrackIndex index, int rounds) throws QuerySyntaxException {
        long[] nanos = new long[rounds * QUERIES.length * SORTS.length];
        int i = 0;
        for (int round = 0; round < rounds; round++) {
            for (String query : QUERIES) {
                for (String sort : SORTS) {
                    long start = System.nanoTime();
                    index.search(new SearchRequest(query, sort, null, PAGE));
                    nanos[i++] = System.nanoTime() - start;
                }
            }
        }
        return nanos;
    }

    private static double percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, rank)] / 1e6;
    }

    private static IndexedTrack syntheticTrack(int id, Random random) {
        List<String> artists = new ArrayList<>(List.of(capitalized(words(random, 2))));
        if (random.nextInt(10) == 0) {
            artists.add(capitalized(words(random, 1)));
        }
        int key = 1 + random.nextInt(12);
        Map<String, Object> extra = random.nextBoolean()
                ? Map.of(Fixture.ZCR, random.nextDouble() * 0.5) : Map.of();
        return Fixture.track(id, artists, capitalized(words(random, 1 + random.nextInt(4))),
                capitalized(words(random, 2)), capitalized(words(random, 1)) + " Records",
                GENRES[random.nextInt(GENRES.length)], 1970 + random.nextInt(56), 80 + random.nextInt(900) / 10.0,
                key + (random.nextBoolean() ? "A" : "B"), 1.0 + random.nextInt(10), 120 + random.nextInt(600),
                FORMATS[random.nextInt(FORMATS.length)], Duration.ofHours(random.nextInt(3 * 365 * 24)), extra);
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
