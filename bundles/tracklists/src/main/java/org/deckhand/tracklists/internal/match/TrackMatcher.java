package org.deckhand.tracklists.internal.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.deckhand.api.tracklist.EntryMatch;
import org.deckhand.api.tracklist.MatchCandidate;
import org.deckhand.api.tracklist.MatchState;
import org.deckhand.api.tracklist.TracklistEntry;

/**
 * Matches tracklist entries to the library's tracks. Artists and titles are brought to {@link Names}' form and
 * compared with the Jaro-Winkler similarity (Apache Commons Text; W. E. Winkler, "String Comparator Metrics and
 * Enhanced Decision Rules in the Fellegi-Sunter Model of Record Linkage", 1990): artists as a set (the best match of
 * each name, or one set inside the other, as when a tracklist names fewer artists than the tags), the title's core,
 * and its version (a named remix must be the same one: another remixer scores 0.1, no version where one is
 * named 0.3, an extended or radio edit where none is named 0.8). The score weighs artist 0.42, title 0.38, version
 * 0.20, and takes a fifth off when the artists are less alike than 0.75 (a cover by someone else); a playing time
 * within 5 s and the same label add a little, a playing time more than a minute off takes a little.
 *
 * <p>States: {@link MatchState#MATCHED} when the best score reaches {@value #MATCHED} and no other track within
 * {@value #TIE} of it is a different track (copies of one track in two formats are one); {@link MatchState#AMBIGUOUS},
 * with the candidates, when several tie or the best only reaches {@value #POSSIBLE}; {@link MatchState#MISSING}
 * otherwise. The confidence is the best score.
 */
public final class TrackMatcher {

    /** The score from which the best candidate is taken as the entry. */
    public static final double MATCHED = 0.88;
    /** The score from which a candidate is offered for the user to confirm. */
    public static final double POSSIBLE = 0.72;
    /** Candidates this close to the best one make a match ambiguous. */
    public static final double TIE = 0.02;
    private static final int CANDIDATES_KEPT = 5;
    /** Artists less alike than this are other artists: the same title by them is a cover, not the track. */
    private static final double OTHER_ARTIST = 0.75;
    /** Two named versions this alike are one, spelt two ways. */
    private static final double SAME_VERSION = 0.92;
    private static final Set<String> NEUTRAL_VERSIONS = Set.of("extended mix", "extended", "radio edit", "edit",
            "club mix", "extended version", "radio mix", "original extended mix", "extended edit", "vocal mix");

    private final JaroWinklerSimilarity similarity = new JaroWinklerSimilarity();
    private final CandidateFinder finder;

    /** @param finder where candidates come from */
    public TrackMatcher(CandidateFinder finder) {
        this.finder = finder;
    }

    /**
     * @param entries a tracklist's entries
     * @param kept matches the user confirmed earlier, by {@link #key(TracklistEntry)}; they are kept
     * @return one match per entry, in order
     */
    public List<EntryMatch> match(List<TracklistEntry> entries, Map<String, EntryMatch> kept) {
        List<EntryMatch> matches = new ArrayList<>(entries.size());
        for (TracklistEntry entry : entries) {
            EntryMatch confirmed = kept.get(key(entry));
            matches.add(confirmed != null && confirmed.confirmed() ? confirmed : match(entry));
        }
        return matches;
    }

    /**
     * @param entry an entry
     * @return its match against the library
     */
    public EntryMatch match(TracklistEntry entry) {
        if (!entry.matchable()) {
            return EntryMatch.UNMATCHABLE;
        }
        Side wanted = Side.of(List.of(entry.artist()), entry.title(), entry.remix(), entry.label(),
                entry.durationSeconds());
        List<Scored> scored = new ArrayList<>();
        for (LibraryTrack track : finder.candidates(entry)) {
            scored.add(new Scored(track, Side.of(track.artists(), track.title(), null, track.label(),
                    track.durationSeconds()), 0));
        }
        scored.replaceAll(candidate -> new Scored(candidate.track(), candidate.side(),
                score(wanted, candidate.side())));
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparingDouble(candidate -> durationGap(wanted, candidate.side()))
                .thenComparingLong(candidate -> candidate.track().id()));
        List<Scored> distinct = distinct(scored);
        if (distinct.isEmpty() || distinct.get(0).score() < POSSIBLE) {
            return new EntryMatch(MatchState.MISSING, null, distinct.isEmpty() ? 0 : distinct.get(0).score(), false,
                    candidates(distinct, 0.5));
        }
        Scored best = distinct.get(0);
        boolean tie = distinct.size() > 1 && distinct.get(1).score() >= best.score() - TIE;
        if (best.score() >= MATCHED && !tie) {
            return new EntryMatch(MatchState.MATCHED, best.track().id(), best.score(), false,
                    candidates(distinct, POSSIBLE));
        }
        return new EntryMatch(MatchState.AMBIGUOUS, null, best.score(), false, candidates(distinct, POSSIBLE));
    }

    /**
     * @param entry an entry
     * @return what identifies it across imports of a tracklist: its folded artists, title and version; for an
     *     entry that names no track, its position
     */
    public static String key(TracklistEntry entry) {
        if (!entry.matchable()) {
            return "#" + entry.position();
        }
        return Side.of(List.of(entry.artist()), entry.title(), entry.remix(), null, null).identity();
    }

    private double score(Side wanted, Side track) {
        double artist = artistSimilarity(wanted.artists(), track.artists());
        double title = similarity.apply(wanted.title().core(), track.title().core());
        double version = versionSimilarity(wanted.title().version(), track.title().version());
        double score = 0.42 * artist + 0.38 * title + 0.20 * version;
        if (artist < OTHER_ARTIST) {
            score *= 0.8;
        }
        if (wanted.duration() != null && track.duration() != null) {
            double gap = Math.abs(wanted.duration() - track.duration());
            score += gap <= 5 ? 0.02 : gap > 60 ? -0.03 : 0;
        }
        if (!wanted.label().isEmpty() && wanted.label().equals(track.label())) {
            score += 0.02;
        }
        return Math.max(0, Math.min(1, score));
    }

    private double artistSimilarity(Set<String> wanted, Set<String> track) {
        if (wanted.isEmpty() || track.isEmpty()) {
            return 0;
        }
        if (track.containsAll(wanted) || wanted.containsAll(track)) {
            return wanted.equals(track) ? 1 : 0.95;
        }
        double joined = similarity.apply(String.join(" ", wanted), String.join(" ", track));
        double sum = 0;
        for (String name : wanted) {
            double best = 0;
            for (String other : track) {
                best = Math.max(best, similarity.apply(name, other));
            }
            sum += best;
        }
        return Math.max(joined, sum / wanted.size());
    }

    private double versionSimilarity(String wanted, String track) {
        if (wanted.equals(track)) {
            return 1;
        }
        if (wanted.isEmpty() || track.isEmpty()) {
            String given = wanted.isEmpty() ? track : wanted;
            return NEUTRAL_VERSIONS.contains(given) ? 0.8 : 0.3;
        }
        if (NEUTRAL_VERSIONS.contains(wanted) && NEUTRAL_VERSIONS.contains(track)) {
            return 0.85;
        }
        double alike = similarity.apply(wanted, track);
        return alike >= SAME_VERSION ? alike : 0.1;
    }

    private static double durationGap(Side wanted, Side track) {
        return wanted.duration() == null || track.duration() == null ? Double.MAX_VALUE
                : Math.abs(wanted.duration() - track.duration());
    }

    /** The candidates, best first, with copies of one track (same artists, title, version) kept once. */
    private static List<Scored> distinct(List<Scored> scored) {
        Map<String, Scored> seen = new HashMap<>();
        List<Scored> distinct = new ArrayList<>();
        for (Scored candidate : scored) {
            if (seen.putIfAbsent(candidate.side().identity(), candidate) == null) {
                distinct.add(candidate);
            }
        }
        return distinct;
    }

    private static List<MatchCandidate> candidates(List<Scored> distinct, double floor) {
        return distinct.stream().filter(candidate -> candidate.score() >= floor).limit(CANDIDATES_KEPT)
                .map(candidate -> new MatchCandidate(candidate.track().id(), round(candidate.score()))).toList();
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }

    /** One side of a comparison, in {@link Names}' form. */
    private record Side(Set<String> artists, Names.Title title, String label, Double duration) {

        static Side of(List<String> artists, String title, String remix, String label, Double duration) {
            return new Side(Names.artists(artists, title), Names.title(title, remix), Names.fold(label), duration);
        }

        String identity() {
            return String.join(",", artists) + "|" + title.core() + "|" + title.version();
        }
    }

    /** A candidate and its score. */
    private record Scored(LibraryTrack track, Side side, double score) {
    }
}
