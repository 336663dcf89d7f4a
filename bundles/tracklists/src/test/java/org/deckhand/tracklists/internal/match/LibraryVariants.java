package org.deckhand.tracklists.internal.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.deckhand.api.tracklist.TracklistEntry;
import org.deckhand.tracklists.internal.Fixtures;
import org.deckhand.tracklists.internal.parse.OneThousandOneParser;
import org.deckhand.tracklists.internal.parse.OneThousandOneSelectors;
import org.deckhand.tracklists.internal.parse.TextTracklistParser;

/**
 * A test library made from the fixtures' entries: every fifth entry's track is left out (the user still needs it),
 * the others are tagged under one of the variants people's tags have (case and accents, feat. and ft., &amp; and
 * commas, Original Mix, the remix in brackets or after a dash, no punctuation, artists in another order, a typo), and
 * decoys are added: another remix of a left-out track, another title by the same artist, a cover by another artist.
 * Synthetic catalog rows, no audio.
 */
final class LibraryVariants {

    /** The library and the truth: for each entry, its track's id, or 0 when the library lacks it. */
    record TestLibrary(List<TracklistEntry> entries, List<LibraryTrack> tracks, long[] truth) {
    }

    private LibraryVariants() {
    }

    /** @return every matchable entry of the fixtures' 1001Tracklists pages and MixesDB examples */
    static List<TracklistEntry> fixtureEntries() throws Exception {
        OneThousandOneParser parser = new OneThousandOneParser(OneThousandOneSelectors.CURRENT);
        List<TracklistEntry> entries = new ArrayList<>();
        for (String page : List.of("curbi-tape-06-2021-03-12.html", "bicep-warehouse-project-rotterdam-2023-04-28.html",
                "bicep-nts-radio-2022-06-16.html")) {
            entries.addAll(parser.parse(Fixtures.text("1001tracklists/" + page), "https://www.1001tracklists.com/"
                    + page, Instant.EPOCH).entries());
        }
        String examples = Fixtures.text("mixesdb/tracklist-merger-examples.txt");
        for (String block : examples.split("Expected result:")) {
            String list = block.split("== Example ==")[0];
            if (list.contains("Original:")) {
                continue;
            }
            entries.addAll(new TextTracklistParser().parse(list));
        }
        List<TracklistEntry> matchable = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (TracklistEntry entry : entries) {
            if (entry.matchable() && seen.add(TrackMatcher.key(entry))) {
                matchable.add(entry);
            }
        }
        return matchable;
    }

    static TestLibrary build() throws Exception {
        List<TracklistEntry> entries = fixtureEntries();
        List<LibraryTrack> tracks = new ArrayList<>();
        long[] truth = new long[entries.size()];
        long id = 1;
        for (int i = 0; i < entries.size(); i++) {
            TracklistEntry entry = entries.get(i);
            if (i % 5 == 4) {
                truth[i] = 0;
                if (i % 10 == 4) {
                    tracks.add(new LibraryTrack(id++, List.of(entry.artist()), entry.title() + " ("
                            + (entry.remix() == null ? "Zeitgeist Dub" : "Zeitgeist " + entry.remix()) + ")", null,
                            null));
                } else {
                    tracks.add(new LibraryTrack(id++, List.of("Somebody Else"), entry.title(), null, null));
                }
                continue;
            }
            truth[i] = id;
            tracks.add(variant(id++, entry, i % 8));
            if (i % 3 == 0) {
                tracks.add(new LibraryTrack(id++, List.of(entry.artist()), "Another Tune " + i, entry.label(), null));
            }
        }
        return new TestLibrary(entries, tracks, truth);
    }

    private static LibraryTrack variant(long id, TracklistEntry entry, int variant) {
        String artist = entry.artist();
        String title = entry.title();
        String remix = entry.remix();
        String full = remix == null ? title : title + " (" + remix + ")";
        Double duration = entry.durationSeconds();
        return switch (variant) {
            case 0 -> new LibraryTrack(id, List.of(artist), full, entry.label(), duration);
            case 1 -> new LibraryTrack(id, List.of(stripAccents(artist).toUpperCase(Locale.ROOT)),
                    stripAccents(full).toLowerCase(Locale.ROOT), null, duration);
            case 2 -> new LibraryTrack(id, Arrays.stream(artist.replace(" feat. ", " ft. ").replace(" Feat. ", " ft. ")
                    .split(" & ")).map(String::strip).toList(), full, null, null);
            case 3 -> new LibraryTrack(id, List.of(artist.replace(" & ", ", ")),
                    remix == null ? title + " (Original Mix)" : title + " - " + remix, null, duration);
            case 5 -> new LibraryTrack(id, List.of(artist), remix == null ? title : title + " [" + remix + "]",
                    entry.label(), null);
            case 6 -> new LibraryTrack(id, reversed(artist), full.replaceAll("[',.!?]", ""), null, duration);
            default -> new LibraryTrack(id, List.of(artist), typo(title) + (remix == null ? "" : " (" + remix + ")"),
                    null, duration);
        };
    }

    private static List<String> reversed(String artist) {
        List<String> names = new ArrayList<>(Arrays.asList(artist.split(" & ")));
        java.util.Collections.reverse(names);
        return List.of(String.join(" & ", names));
    }

    private static String typo(String title) {
        if (title.length() < 6) {
            return title;
        }
        int at = title.length() / 2;
        return title.substring(0, at) + title.substring(at + 1);
    }

    private static String stripAccents(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
