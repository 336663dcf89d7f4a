package org.deckhand.tracklists.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deckhand.api.tracklist.EntryMatch;
import org.deckhand.api.tracklist.MatchState;
import org.deckhand.api.tracklist.TracklistEntry;
import org.deckhand.tracklists.internal.match.LibraryTrack;
import org.deckhand.tracklists.internal.match.TokenCandidateFinder;
import org.deckhand.tracklists.internal.match.TrackMatcher;
import org.deckhand.tracklists.internal.parse.OneThousandOneParser;
import org.deckhand.tracklists.internal.parse.OneThousandOneSelectors;

/**
 * The figures of docs/benchmarks.md, "Tracklists": pages a second that the 1001Tracklists parser reads on the
 * largest fixture (the Curbi tape, 276 kB, 31 rows), with the bytes allocated per page and the heap its DOM holds
 * (the most a parse keeps live); and the
 * time to match a 40-entry tracklist against a library of 100,000 tracks (the fixtures' tracks among generated
 * ones, candidates from the in-memory word index). Run it with the server's heap:
 *
 * <pre>
 * MAVEN_OPTS=-Xmx160m mvn -q -o -f bundles/tracklists/pom.xml test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.deckhand.tracklists.internal.TracklistsBench
 * </pre>
 */
public final class TracklistsBench {

    private static final int PAGES = 300;
    private static final int LIBRARY = 100_000;

    private TracklistsBench() {
    }

    /**
     * @param args none
     * @throws Exception if a fixture cannot be read or parsed
     */
    public static void main(String[] args) throws Exception {
        String page = Fixtures.text("1001tracklists/curbi-tape-06-2021-03-12.html");
        OneThousandOneParser parser = new OneThousandOneParser(OneThousandOneSelectors.CURRENT);
        for (int i = 0; i < 50; i++) {
            parser.parse(page, "https://www.1001tracklists.com/x", Instant.EPOCH);
        }
        System.gc();
        resetPeaks();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)
                ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        int entries = 0;
        for (int i = 0; i < PAGES; i++) {
            entries += parser.parse(page, "https://www.1001tracklists.com/x", Instant.EPOCH).entries().size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long peak = peakHeap();
        System.out.printf("parse: %d pages of %d kB (%d entries each) in %.2f s: %.0f pages/s, %.1f MB allocated per"
                + " page, the page's DOM %.1f MB live at its peak; heap peak of this whole JVM %.1f MB (max %d MB)%n",
                PAGES, page.length() / 1000, entries / PAGES, seconds, PAGES / seconds, allocated / 1e6 / PAGES,
                domBytes(page) / 1e6, peak / 1e6, Runtime.getRuntime().maxMemory() / 1024 / 1024);

        List<TracklistEntry> fixture = fixtureEntries();
        List<TracklistEntry> set = fixture.subList(0, 40);
        List<LibraryTrack> library = library(fixture);
        long built = System.nanoTime();
        TokenCandidateFinder finder = new TokenCandidateFinder(library);
        double indexSeconds = (System.nanoTime() - built) / 1e9;
        TrackMatcher matcher = new TrackMatcher(finder);
        for (int i = 0; i < 5; i++) {
            matcher.match(set, java.util.Map.of());
        }
        int runs = 20;
        long matchStart = System.nanoTime();
        List<EntryMatch> matches = List.of();
        for (int i = 0; i < runs; i++) {
            matches = matcher.match(set, java.util.Map.of());
        }
        double matchMillis = (System.nanoTime() - matchStart) / 1e6 / runs;
        long matched = matches.stream().filter(m -> m.state() == MatchState.MATCHED).count();
        System.out.printf("match: 40 entries against %,d tracks in %.1f ms (word index built in %.2f s, once);"
                + " %d matched%n", library.size(), matchMillis, indexSeconds, matched);
    }

    private static List<TracklistEntry> fixtureEntries() throws Exception {
        OneThousandOneParser parser = new OneThousandOneParser(OneThousandOneSelectors.CURRENT);
        List<TracklistEntry> entries = new ArrayList<>();
        for (String name : List.of("curbi-tape-06-2021-03-12.html", "bicep-warehouse-project-rotterdam-2023-04-28.html",
                "bicep-nts-radio-2022-06-16.html")) {
            for (TracklistEntry entry : parser.parse(Fixtures.text("1001tracklists/" + name), "https://x/" + name,
                    Instant.EPOCH).entries()) {
                if (entry.matchable()) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    /** The fixtures' tracks, then generated tracks from a vocabulary of the fixtures' words, to 100,000. */
    private static List<LibraryTrack> library(List<TracklistEntry> fixture) {
        List<LibraryTrack> tracks = new ArrayList<>(LIBRARY);
        List<String> words = new ArrayList<>();
        long id = 1;
        for (TracklistEntry entry : fixture) {
            tracks.add(new LibraryTrack(id++, List.of(entry.artist()), entry.remix() == null ? entry.title()
                    : entry.title() + " (" + entry.remix() + ")", entry.label(), entry.durationSeconds()));
            words.addAll(List.of((entry.artist() + " " + entry.title()).split("\\s+")));
        }
        Random random = new Random(42);
        while (tracks.size() < LIBRARY) {
            String artist = words.get(random.nextInt(words.size())) + " " + syllables(random);
            String title = syllables(random) + " " + words.get(random.nextInt(words.size())) + " " + syllables(random);
            tracks.add(new LibraryTrack(id++, List.of(artist), title, null, 180.0 + random.nextInt(240)));
        }
        return tracks;
    }

    private static String syllables(Random random) {
        String[] parts = {"ka", "lo", "mi", "ra", "tek", "no", "vu", "zi", "dor", "sen", "ha", "qui", "bel", "tro"};
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 2 + random.nextInt(2); i++) {
            word.append(parts[random.nextInt(parts.length)]);
        }
        return word.substring(0, 1).toUpperCase() + word.substring(1);
    }

    /** The heap a parsed page's jsoup DOM holds, the page's text included: what parsing one page keeps live. */
    private static long domBytes(String page) {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        org.jsoup.nodes.Document document = org.jsoup.Jsoup.parse(page, "https://www.1001tracklists.com/x");
        System.gc();
        long after = runtime.totalMemory() - runtime.freeMemory();
        return document.childNodeSize() >= 0 ? after - before : 0;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
