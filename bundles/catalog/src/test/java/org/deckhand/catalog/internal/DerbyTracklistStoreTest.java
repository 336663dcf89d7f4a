package org.deckhand.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import org.deckhand.api.tracklist.EntryKind;
import org.deckhand.api.tracklist.EntryMatch;
import org.deckhand.api.tracklist.MashupPart;
import org.deckhand.api.tracklist.MatchCandidate;
import org.deckhand.api.tracklist.MatchState;
import org.deckhand.api.tracklist.StoredTracklist;
import org.deckhand.api.tracklist.Tracklist;
import org.deckhand.api.tracklist.TracklistEntry;
import org.deckhand.testing.database.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DerbyTracklistStoreTest {

    private static final String ADDRESS = "https://www.1001tracklists.com/tracklist/nsgpmht/curbi-tape-06.html";

    @TempDir
    Path folder;

    private static Tracklist curbi() {
        return new Tracklist("Curbi @ Tape 06 2021-03-12", List.of("Curbi"), LocalDate.of(2021, 3, 12),
                List.of("Electro House", "Bass House"), "1001tracklists", ADDRESS,
                Instant.parse("2026-12-07T09:00:00Z"), List.of(
                        new TracklistEntry(1, EntryKind.TRACK, 7.0, "Röyksopp", "Running To The Sea", "Anamē Remix",
                                "Dog Triumph", 301.0, false, List.of(), null),
                        new TracklistEntry(2, EntryKind.TRACK, 144.0, "Chico Rose x 71 Digits vs. AC Slater",
                                "Somebody's Watching Me vs. Navigator", "Mike Williams Mashup", null, null, true,
                                List.of(new MashupPart("Chico Rose x 71 Digits", "Somebody's Watching Me",
                                        "Bancali Remix", "Spinnin' Records"), new MashupPart("AC Slater",
                                        "Navigator", null, null)), "Part 1"),
                        new TracklistEntry(3, EntryKind.UNIDENTIFIED, null, null, null, null, null, null, false,
                                List.of(), null)));
    }

    private static List<EntryMatch> matches() {
        return List.of(new EntryMatch(MatchState.MATCHED, 12L, 0.97, false, List.of(new MatchCandidate(12, 0.97))),
                new EntryMatch(MatchState.AMBIGUOUS, null, 0.8, false, List.of(new MatchCandidate(3, 0.8),
                        new MatchCandidate(4, 0.79))), EntryMatch.UNMATCHABLE);
    }

    @Test
    void aTracklistWithItsEntriesPartsAndMatchesComesBackAsKeptAlsoAfterAReopen() throws Exception {
        StoredTracklist kept;
        try (AutoCloseableCatalog catalog = new AutoCloseableCatalog(folder)) {
            kept = catalog.store().add(curbi(), matches());
            assertEquals(curbi(), kept.tracklist());
            assertEquals(matches(), kept.matches());
            assertNull(kept.recordingTrackId());
        }
        try (AutoCloseableCatalog catalog = new AutoCloseableCatalog(folder)) {
            StoredTracklist again = catalog.store().tracklist(kept.id()).orElseThrow();
            assertEquals(kept, again);
            assertEquals(kept, catalog.store().findByAddress(ADDRESS).orElseThrow());
        }
    }

    @Test
    void matchesLinksListsReplacesAndDeletes() throws Exception {
        try (AutoCloseableCatalog catalog = new AutoCloseableCatalog(folder)) {
            DerbyCatalog store = catalog.store();
            StoredTracklist first = store.add(curbi(), matches());
            StoredTracklist second = store.add(new Tracklist("Bicep - NTS Radio 2022-06-16", List.of("Bicep"),
                    LocalDate.of(2022, 6, 16), List.of(), "1001tracklists", null, Instant.EPOCH, List.of(
                            new TracklistEntry(1, EntryKind.TRACK, null, "Bicep", "Glue", null, null, null, false,
                                    List.of(), null))), List.of(new EntryMatch(MatchState.MISSING, null, 0, false,
                                            List.of())));

            StoredTracklist confirmed = store.setMatch(first.id(), 2, EntryMatch.confirmed(4));
            assertEquals(EntryMatch.confirmed(4), confirmed.matches().get(1));
            assertThrows(NoSuchElementException.class, () -> store.setMatch(first.id(), 9, EntryMatch.confirmed(4)));

            store.link(first.id(), 500);
            store.link(second.id(), 500);
            assertEquals(second.id(), store.forRecording(500).orElseThrow().id(), "a recording has one tracklist");
            assertNull(store.tracklist(first.id()).orElseThrow().recordingTrackId());

            assertEquals(List.of(second.id(), first.id()), store.list(null, 10).stream().map(s -> s.id()).toList());
            assertEquals(List.of(first.id()), store.list("royksopp", 10).stream().map(s -> s.id()).toList(),
                    "an entry's artist, accents folded");
            assertEquals(List.of(second.id()), store.list("BICEP 2022-06", 10).stream().map(s -> s.id()).toList());
            assertEquals(List.of(), store.list("100%", 10));
            assertEquals(3, store.list("curbi", 10).get(0).entries());
            assertEquals(2, store.list("curbi", 10).get(0).matched(), "one matched, one confirmed");
            assertEquals(1, store.list("glue", 10).get(0).missing());

            Tracklist shorter = new Tracklist(curbi().title(), curbi().djs(), curbi().date(), curbi().genres(),
                    curbi().source(), ADDRESS, Instant.parse("2026-12-08T00:00:00Z"), curbi().entries().subList(0, 1));
            store.link(first.id(), 600);
            StoredTracklist replaced = store.replace(first.id(), shorter, List.of(EntryMatch.confirmed(12)));
            assertEquals(1, replaced.tracklist().entries().size());
            assertEquals(600L, replaced.recordingTrackId());
            assertEquals(first.imported(), replaced.imported());

            assertTrue(store.delete(first.id()));
            assertFalse(store.delete(first.id()));
            assertTrue(store.tracklist(first.id()).isEmpty());
        }
    }

    /** A catalog in a folder, closed at the end of a try block. */
    private record AutoCloseableCatalog(DerbyCatalog store) implements AutoCloseable {
        AutoCloseableCatalog(Path folder) throws Exception {
            this(new DerbyCatalog(folder, TestDatabases.engine()));
        }

        @Override
        public void close() throws Exception {
            store.close();
        }
    }
}
