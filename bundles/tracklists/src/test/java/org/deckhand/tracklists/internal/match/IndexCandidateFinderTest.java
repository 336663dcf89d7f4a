package org.deckhand.tracklists.internal.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.TrackMetadata;
import org.deckhand.api.runtime.RuntimeProperties;
import org.deckhand.api.search.IndexedTrack;
import org.deckhand.api.tracklist.EntryKind;
import org.deckhand.api.tracklist.EntryMatch;
import org.deckhand.api.tracklist.MatchState;
import org.deckhand.api.tracklist.TracklistEntry;
import org.deckhand.catalog.internal.DerbyCatalog;
import org.deckhand.search.internal.TrackIndexComponent;
import org.deckhand.testing.database.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/** Candidates from the server's real search index (Lucene) and catalog (Derby), through the query language. */
class IndexCandidateFinderTest {

    @TempDir
    Path data;
    private DerbyCatalog catalog;
    private TrackIndexComponent index;
    private TrackMatcher matcher;

    @BeforeEach
    void open() throws Exception {
        catalog = new DerbyCatalog(data.resolve("catalog"), TestDatabases.engine());
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty") && RuntimeProperties.DATA.equals(args[0])) {
                        return data.toString();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        index = new TrackIndexComponent(context);
        add("Röyksopp", "Running To The Sea (Anamē Remix)");
        add("Simon Doty, My Friend", "Real Talk (Extended Mix)");
        add("TH;EN", "Give You My Love");
        add("Mik&Ale", "Read My Lips");
        add("坂本龍一", "Merry Christmas Mr. Lawrence");
        add("Surgeon", "Soul Fire");
        add("Surgeon", "Compliance Momentum");
        index.commit();
        matcher = new TrackMatcher(new IndexCandidateFinder(index, catalog));
    }

    private void add(String artist, String title) {
        CatalogTrack track = catalog.add(new AudioFile(Path.of("/music/" + title + ".flac"), 1000, Instant.EPOCH,
                "flac", title, null), new TrackMetadata("flac", new Tags(title, List.of(artist.split(", ")), null, null,
                null, null, null, null, null, null, null, null, null), new AudioProperties("flac", 300, 900, 44_100,
                16, 2, true), ReplayGain.NONE, false, List.of()), Instant.EPOCH);
        index.put(new IndexedTrack(track.id(), track.track().tags().artists(), title, null, null, null, null, null,
                null, null, 300.0, "flac", Instant.EPOCH, Map.of()));
    }

    @AfterEach
    void close() throws Exception {
        index.deactivate();
        catalog.close();
    }

    private static TracklistEntry entry(String artist, String title, String remix) {
        return new TracklistEntry(1, EntryKind.TRACK, null, artist, title, remix, null, null, false, List.of(), null);
    }

    private String matchedTitle(TracklistEntry entry) {
        EntryMatch match = matcher.match(entry);
        assertEquals(MatchState.MATCHED, match.state(), entry + " -> " + match);
        return catalog.get(match.trackId()).orElseThrow().track().tags().title();
    }

    @Test
    void entriesFindTheirTracksThroughTheSearchIndexUnderOtherSpellings() {
        assertEquals("Running To The Sea (Anamē Remix)", matchedTitle(entry("Royksopp", "Running to the Sea",
                "Aname Remix")));
        assertEquals("Real Talk (Extended Mix)", matchedTitle(entry("My Friend & Simon Doty", "Real Talk",
                "Extended Mix")));
        assertEquals("Give You My Love", matchedTitle(entry("TH;EN", "Give You My Love", null)));
        assertEquals("Read My Lips", matchedTitle(entry("Mik & Ale", "Read My Lips", null)));
        assertEquals("Merry Christmas Mr. Lawrence", matchedTitle(entry("坂本龍一", "Merry Christmas Mr Lawrence",
                null)));
        assertEquals("Soul Fire", matchedTitle(entry("Surgeon", "Soul Fiire", null)), "a typo in the title");
    }

    @Test
    void aTrackTheLibraryLacksIsMissingAndWordsOfTheQueryLanguageAreOnlyWords() {
        assertEquals(MatchState.MISSING, matcher.match(entry("Floorplan", "Eternal Life", null)).state());
        assertTrue(IndexCandidateFinder.query(entry("OR", "AND NOT artist:x (y)", null)).startsWith("artist:or"));
        assertEquals(MatchState.MISSING, matcher.match(entry("OR", "AND NOT bpm:>120 (y)", null)).state());
    }
}
