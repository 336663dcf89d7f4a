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
 * ones), its candidates from the in-memory word index, then from the server's Lucene search index. Run it with the
 * server's heap:
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
        matchThroughLucene(set, library);
    }

    /**
     * The same match with the server's candidates: its Lucene search index (the search bundle's component, in a
     * temporary folder) and the tracks' tags from memory in place of the catalog's database.
     */
    private static void matchThroughLucene(List<TracklistEntry> set, List<LibraryTrack> library) throws Exception {
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("tracklists-bench");
        org.osgi.framework.BundleContext context = (org.osgi.framework.BundleContext) java.lang.reflect.Proxy
                .newProxyInstance(TracklistsBench.class.getClassLoader(),
                        new Class<?>[] {org.osgi.framework.BundleContext.class}, (proxy, method, args) -> {
                            if (method.getName().equals("getProperty")) {
                                return data.toString();
                            }
                            throw new UnsupportedOperationException(method.getName());
                        });
        org.deckhand.search.internal.TrackIndexComponent index =
                new org.deckhand.search.internal.TrackIndexComponent(context);
        java.util.Map<Long, org.deckhand.api.catalog.CatalogTrack> tracks = new java.util.HashMap<>();
        long put = System.nanoTime();
        for (LibraryTrack track : library) {
            index.put(new org.deckhand.api.search.IndexedTrack(track.id(), track.artists(), track.title(), null,
                    track.label(), null, null, null, null, null, track.durationSeconds(), "flac", Instant.EPOCH,
                    java.util.Map.of()));
            tracks.put(track.id(), catalogTrack(track));
        }
        index.commit();
        double indexSeconds = (System.nanoTime() - put) / 1e9;
        org.deckhand.api.catalog.Catalog catalog = (org.deckhand.api.catalog.Catalog) java.lang.reflect.Proxy
                .newProxyInstance(TracklistsBench.class.getClassLoader(),
                        new Class<?>[] {org.deckhand.api.catalog.Catalog.class}, (proxy, method, args) -> {
                            if (method.getName().equals("getAll")) {
                                return ((List<?>) args[0]).stream().map(tracks::get).toList();
                            }
                            throw new UnsupportedOperationException(method.getName());
                        });
        TrackMatcher matcher = new TrackMatcher(new org.deckhand.tracklists.internal.match.IndexCandidateFinder(
                index, catalog));
        for (int i = 0; i < 5; i++) {
            matcher.match(set, java.util.Map.of());
        }
        int runs = 20;
        long start = System.nanoTime();
        List<EntryMatch> matches = List.of();
        for (int i = 0; i < runs; i++) {
            matches = matcher.match(set, java.util.Map.of());
        }
        double millis = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("match through Lucene: 40 entries against %,d tracks in %.1f ms (indexed in %.1f s, once);"
                + " %d matched%n", library.size(), millis, indexSeconds,
                matches.stream().filter(m -> m.state() == MatchState.MATCHED).count());
        index.deactivate();
    }

    private static org.deckhand.api.catalog.CatalogTrack catalogTrack(LibraryTrack track) {
        org.deckhand.api.library.Tags tags = new org.deckhand.api.library.Tags(track.title(), track.artists(), null,
                null, null, null, null, null, track.label(), null, null, null, null);
        org.deckhand.api.library.AudioFile file = new org.deckhand.api.library.AudioFile(
                java.nio.file.Path.of("/music/" + track.id() + ".flac"), 1, Instant.EPOCH, "flac", null, null);
        double duration = track.durationSeconds() == null ? Double.NaN : track.durationSeconds();
        return new org.deckhand.api.catalog.CatalogTrack(new org.deckhand.api.library.Track(track.id(), file, tags,
                duration, List.of()), new org.deckhand.api.library.TrackMetadata("flac", tags,
                new org.deckhand.api.library.AudioProperties("flac", duration, 900, 44_100, 16, 2, true),
                org.deckhand.api.library.ReplayGain.NONE, false, List.of()), Instant.EPOCH, null);
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
