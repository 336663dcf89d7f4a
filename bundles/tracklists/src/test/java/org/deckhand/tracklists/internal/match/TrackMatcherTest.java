package org.deckhand.tracklists.internal.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deckhand.api.tracklist.EntryKind;
import org.deckhand.api.tracklist.EntryMatch;
import org.deckhand.api.tracklist.MatchState;
import org.deckhand.api.tracklist.TracklistEntry;
import org.junit.jupiter.api.Test;

class TrackMatcherTest {

    private static TracklistEntry entry(String artist, String title, String remix, String label, Double duration) {
        return new TracklistEntry(1, EntryKind.TRACK, null, artist, title, remix, label, duration, false, List.of(),
                null);
    }

    private static TrackMatcher over(LibraryTrack... tracks) {
        return new TrackMatcher(new TokenCandidateFinder(List.of(tracks)));
    }

    @Test
    void precisionAndRecallOnTheFixturesLibraryUnderTagVariants() throws Exception {
        LibraryVariants.TestLibrary library = LibraryVariants.build();
        TrackMatcher matcher = new TrackMatcher(new TokenCandidateFinder(library.tracks()));
        int matched = 0;
        int correct = 0;
        int inLibrary = 0;
        int ambiguous = 0;
        int missing = 0;
        StringBuilder wrong = new StringBuilder();
        for (int i = 0; i < library.entries().size(); i++) {
            TracklistEntry entry = library.entries().get(i);
            EntryMatch match = matcher.match(entry);
            long truth = library.truth()[i];
            if (truth != 0) {
                inLibrary++;
            } else if (match.state() == MatchState.MISSING) {
                missing++;
            }
            if (match.state() == MatchState.AMBIGUOUS) {
                ambiguous++;
            }
            if (match.state() == MatchState.MATCHED) {
                matched++;
                if (match.trackId() == truth) {
                    correct++;
                } else {
                    wrong.append(entry).append(" -> ").append(match).append('\n');
                }
            } else if (truth != 0) {
                wrong.append("not matched: ").append(entry).append(" -> ").append(match).append('\n');
            }
        }
        double precision = (double) correct / matched;
        double recall = (double) correct / inLibrary;
        int absent = library.entries().size() - inLibrary;
        System.out.printf("matching: %d entries, %d in the library, %d matched, %d correct, %d ambiguous, %d of the"
                + " %d absent ones missing; precision %.3f, recall %.3f%n%s", library.entries().size(), inLibrary,
                matched, correct, ambiguous, missing, absent, precision, recall, wrong);
        assertTrue(library.entries().size() > 150, "the fixtures give " + library.entries().size() + " entries");
        assertTrue(precision >= 0.98, "precision " + precision + "\n" + wrong);
        assertTrue(recall >= 0.90, "recall " + recall + "\n" + wrong);
        assertTrue(missing >= absent / 3, "absent tracks whose only look-alike is a cover or another remix are"
                + " missing or offered, never matched: " + missing + " of " + absent + " missing");
    }

    @Test
    void normalisationMakesTagVariantsOneTrack() {
        TrackMatcher matcher = over(new LibraryTrack(7, List.of("Röyksopp"), "Running To The Sea - Anamē Remix",
                null, null));
        EntryMatch match = matcher.match(entry("ROYKSOPP", "running to the sea", "Aname Remix", null, null));
        assertEquals(MatchState.MATCHED, match.state());
        assertEquals(7L, match.trackId());
        TrackMatcher feat = over(new LibraryTrack(8, List.of("Qrion", "Pinkpirate"),
                "Lean Into Light (Dosem Extended Mix)", null, null));
        assertEquals(MatchState.MATCHED, feat.match(entry("Qrion ft. Pinkpirate", "Lean Into Light",
                "Dosem Extended Mix", null, null)).state());
        TrackMatcher original = over(new LibraryTrack(9, List.of("Bicep"), "Apricots (Original Mix)", null, null));
        assertEquals(MatchState.MATCHED, original.match(entry("Bicep", "Apricots", null, null, null)).state());
    }

    @Test
    void anotherRemixIsNotTheTrack() {
        TrackMatcher matcher = over(new LibraryTrack(3, List.of("Maccari"), "Flames (Hemka Remix)", null, null));
        EntryMatch match = matcher.match(entry("Maccari", "Flames", "Surgeon Remix", null, null));
        assertTrue(match.state() != MatchState.MATCHED, match.toString());
    }

    @Test
    void durationAndLabelBreakATieBetweenTwoEdits() {
        TrackMatcher matcher = over(new LibraryTrack(1, List.of("Reece Cox"), "Emotion 1", "Other", 180.0),
                new LibraryTrack(2, List.of("Reece Cox"), "Emotion 1 (Edit)", "KULØR", 295.0));
        EntryMatch match = matcher.match(entry("Reece Cox", "Emotion 1", null, "KULØR", 295.0));
        assertEquals(2L, match.trackId(), match.toString());
    }

    @Test
    void twoDifferentTracksThatScoreAlikeAreAmbiguousWithBothOffered() {
        TrackMatcher matcher = over(new LibraryTrack(1, List.of("Bicep"), "Glue", null, null),
                new LibraryTrack(2, List.of("Bicep"), "Glue (Extended Mix)", null, null),
                new LibraryTrack(3, List.of("Bicep"), "Glue (Radio Edit)", null, null));
        EntryMatch match = matcher.match(entry("Bicep", "Glue", "Edit", null, null));
        assertEquals(MatchState.AMBIGUOUS, match.state(), match.toString());
        assertTrue(match.candidates().size() >= 2, match.toString());
    }

    @Test
    void copiesOfOneTrackInTwoFormatsAreOneMatchAndAConfirmedMatchIsKept() {
        TrackMatcher matcher = over(new LibraryTrack(4, List.of("Surgeon"), "Soul Fire", null, 400.0),
                new LibraryTrack(5, List.of("Surgeon"), "Soul Fire", null, 401.0));
        TracklistEntry soulFire = entry("Surgeon", "Soul Fire", null, null, 401.0);
        EntryMatch match = matcher.match(soulFire);
        assertEquals(MatchState.MATCHED, match.state());
        assertEquals(5L, match.trackId(), "the copy whose playing time is closest");
        EntryMatch chosen = EntryMatch.confirmed(4);
        assertEquals(List.of(chosen), matcher.match(List.of(soulFire), Map.of(TrackMatcher.key(soulFire), chosen)));
    }

    @Test
    void entriesThatNameNoTrackAreUnmatchableAndAnUnknownTrackIsMissing() {
        TrackMatcher matcher = over(new LibraryTrack(1, List.of("Bicep"), "Apricots", null, null));
        assertEquals(MatchState.UNMATCHABLE, matcher.match(new TracklistEntry(1, EntryKind.UNIDENTIFIED, null,
                "Bicep", "ID", null, null, null, false, List.of(), null)).state());
        assertEquals(MatchState.UNMATCHABLE, matcher.match(new TracklistEntry(1, EntryKind.GAP, null, null, null,
                null, null, null, false, List.of(), null)).state());
        assertEquals(MatchState.MISSING, matcher.match(entry("Floorplan", "Eternal Life", null, null, null)).state());
    }
}
