package org.deckhand.mixer.internal.plan;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.deckhand.api.library.RecordingIdentity;
import org.deckhand.api.music.CamelotKey;
import org.deckhand.api.music.MixCompatibility;
import org.deckhand.mixer.internal.track.TempoMatch;
import org.deckhand.mixer.internal.track.TrackFacts;

/**
 * Plans the order of a mix from a seed track over a pool of candidates, one track at a time (greedy). A track may
 * follow the one before when its key is the same, one step around the Camelot wheel or the relative key (and two
 * steps up, the energy boost, only when the options allow it), its BPM lies within the window (at half or double time
 * when allowed), it is not in the plan yet, no copy of its recording is (another file with the same
 * {@link RecordingIdentity}: the WAV, FLAC and MP3 of one song count as one) and none of its artists played in the
 * last {@code artistSpacing} tracks. Tracks without a key or a BPM are never planned after the seed.
 *
 * <p>Among the tracks that may follow, the planner takes the one of least cost: how far the move falls short of a
 * perfect one by the {@link MixCompatibility} score of its key move and tempo (the score that ranks the compatible
 * tracks of the REST API), {@value #COMPATIBILITY_WEIGHT} times one less the score; plus, in place of the score's
 * energy part, the distance of its energy from the curve's target (or, without a curve, from the energy before, at
 * half weight); plus up to {@value #TIE_BREAK_WEIGHT} of a tie-break drawn from the seed, the position and the track
 * id. The same seed, pool and options therefore give the same plan whatever the pool's order, and another seed
 * varies the choice between tracks that fit about equally well. Of the {@value #LOOKAHEAD} cheapest, it takes the
 * first that some track left may follow in turn (a look one step ahead), so that a plan does not walk into a key or a
 * tempo that nothing leads on from while other ways go on. When no track may follow, the constraints are relaxed in
 * the order {@link Relaxation} gives, if the options allow it; when even that finds nothing, the plan ends, and
 * {@link MixPlan#endReason()} says why.
 */
public final class MixPlanner {

    /**
     * The cost of a move that scores 0 (its energy part left out), in energy points of distance from the curve: a
     * fifth then costs about a quarter of a point, the whole BPM window 0.56.
     */
    private static final double COMPATIBILITY_WEIGHT = 2.8;
    private static final double CURVE_ENERGY_WEIGHT = 1;
    private static final double FLOW_ENERGY_WEIGHT = 0.5;
    /** The energy distance counted for a track whose energy is unknown, in energy points. */
    private static final double UNKNOWN_ENERGY_DISTANCE = 1.5;
    private static final double TIE_BREAK_WEIGHT = 0.3;
    /** How many of the cheapest choices are looked one step past, for a track that another may follow. */
    private static final int LOOKAHEAD = 16;

    private final List<Candidate> pool;
    private final PlanOptions options;

    /**
     * @param pool the tracks the plan may use, in any order; those without a key or a BPM are left out
     * @param options the constraints and preferences
     */
    public MixPlanner(Collection<TrackFacts> pool, PlanOptions options) {
        this.pool = pool.stream().filter(track -> track.key() != null && track.bpm() != null && track.bpm() > 0)
                .sorted(Comparator.comparingLong(TrackFacts::id)).map(Candidate::of).toList();
        this.options = options;
    }

    /**
     * @param seed the track the mix starts with; it need not be in the pool
     * @param more how many tracks to plan after it, at most
     * @return the seed followed by up to {@code more} tracks
     */
    public MixPlan start(TrackFacts seed, int more) {
        double seedTarget = options.energyCurve() == null ? Double.NaN : options.energyCurve().at(0);
        MixPlan plan = new MixPlan(List.of(new PlannedTrack(seed, null, null, seedTarget, Set.of())), null);
        return extend(plan, more, List.of());
    }

    /**
     * Plans further tracks from the end of a plan, leaving out some tracks (and the copies of their recordings) as
     * if the plan held them: those the user took out of it. Extending a plan in steps gives the same plan as planning
     * all its tracks at once.
     *
     * @param plan a plan made with the same pool and options
     * @param more how many tracks to add, at most
     * @param excluded tracks the plan must not take
     * @return the longer plan; {@link MixPlan#exhausted()} when fewer than {@code more} tracks could be added
     */
    public MixPlan extend(MixPlan plan, int more, Collection<TrackFacts> excluded) {
        List<PlannedTrack> tracks = new ArrayList<>(plan.tracks());
        Used used = new Used();
        tracks.forEach(planned -> used.add(planned.track()));
        excluded.forEach(used::add);
        for (int added = 0; added < more; added++) {
            PlannedTrack next = next(tracks, used);
            if (next == null) {
                return new MixPlan(tracks, endReason(tracks, used));
            }
            tracks.add(next);
            used.add(next.track());
        }
        return new MixPlan(tracks, null);
    }

    private PlannedTrack next(List<PlannedTrack> tracks, Used used) {
        TrackFacts previous = tracks.get(tracks.size() - 1).track();
        if (!plannable(previous)) {
            return null;
        }
        int position = tracks.size();
        for (int spacing : spacings()) {
            Set<String> recentArtists = recentArtists(tracks, spacing);
            List<Choice> choices = new ArrayList<>();
            for (Candidate candidate : pool) {
                TrackFacts track = candidate.track();
                if (used.contains(candidate) || !disjoint(candidate.artists(), recentArtists)) {
                    continue;
                }
                CamelotKey.Relation relation = previous.key().relationTo(track.key());
                TempoMatch tempo = TempoMatch.of(previous.bpm(), track.bpm(), options.halfDoubleTime()).orElseThrow();
                if (!allowed(relation, options.energyBoost()) || !tempo.within(options.bpmWindowPercent())) {
                    continue;
                }
                choices.add(new Choice(candidate, relation, tempo, cost(previous, track, relation, tempo, position)));
            }
            if (!choices.isEmpty()) {
                choices.sort(Comparator.comparingDouble(Choice::cost));
                Choice chosen = choices.subList(0, Math.min(LOOKAHEAD, choices.size())).stream()
                        .filter(choice -> mayBeFollowed(choice.candidate(), used)).findFirst()
                        .orElse(choices.get(0));
                return new PlannedTrack(chosen.candidate().track(), chosen.relation(), chosen.tempo(),
                        targetEnergy(position), relaxations(spacing));
            }
        }
        return null;
    }

    /**
     * @return whether some other track of the pool may follow the candidate (ignoring the artist spacing, which
     *     relaxes): a look one step ahead, so that a plan does not walk into a key or tempo no track leads on from
     */
    private boolean mayBeFollowed(Candidate candidate, Used used) {
        TrackFacts track = candidate.track();
        for (Candidate next : pool) {
            if (next == candidate || used.contains(next) || next.sameRecordingAs(candidate)
                    || !disjoint(next.artists(), candidate.artists())) {
                continue;
            }
            if (allowed(track.key().relationTo(next.track().key()), options.energyBoost()) && TempoMatch.of(
                    track.bpm(), next.track().bpm(), options.halfDoubleTime()).orElseThrow()
                    .within(options.bpmWindowPercent())) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return the artist spacings to try in turn: the options', then (when relaxing) one less each time, down to 1;
     *     the key moves allowed stay the options' throughout, so an energy boost is never taken while it is off
     */
    private List<Integer> spacings() {
        List<Integer> spacings = new ArrayList<>();
        spacings.add(options.artistSpacing());
        if (options.relax()) {
            for (int spacing = options.artistSpacing() - 1; spacing >= 1; spacing--) {
                spacings.add(spacing);
            }
        }
        return spacings;
    }

    /** @return why no track may follow the plan's last: the first of the pool's limits that left none */
    private String endReason(List<PlannedTrack> tracks, Used used) {
        TrackFacts last = tracks.get(tracks.size() - 1).track();
        String name = last.displayName();
        if (!plannable(last)) {
            return name + " has no key or no BPM yet, so no track can be chosen to follow it; analyse it";
        }
        List<Candidate> unplayed = pool.stream().filter(candidate -> !used.contains(candidate)).toList();
        if (unplayed.isEmpty()) {
            return "every track of the pool is in the plan or was taken out of it (copies of a recording count once)";
        }
        List<Candidate> inKey = unplayed.stream().filter(candidate -> allowed(
                last.key().relationTo(candidate.track().key()), options.energyBoost())).toList();
        String keys = options.energyBoost() ? "same, ±1, relative or +2" : "same, ±1 or relative";
        if (inKey.isEmpty()) {
            return String.format(Locale.ROOT, "none of the %d tracks left is in a key that mixes after %s (%s: %s)",
                    unplayed.size(), last.key().code(), keys, name);
        }
        String window = String.format(Locale.ROOT, "within ±%s %% of %.1f BPM%s", trimmed(options.bpmWindowPercent()),
                last.bpm(), options.halfDoubleTime() ? " (or at half or double time)" : "");
        boolean inWindow = inKey.stream().anyMatch(candidate -> TempoMatch.of(last.bpm(), candidate.track().bpm(),
                options.halfDoubleTime()).orElseThrow().within(options.bpmWindowPercent()));
        if (!inWindow) {
            return String.format(Locale.ROOT, "%d tracks left mix in key after %s, but none is %s", inKey.size(),
                    name, window);
        }
        return String.format(Locale.ROOT, "the tracks left that mix in key after %s and lie %s share an artist with "
                + "the track before it", name, window);
    }

    private static String trimmed(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static boolean plannable(TrackFacts track) {
        return track.key() != null && track.bpm() != null && track.bpm() > 0;
    }

    /** @return the relaxations the chosen track needed at this artist spacing */
    private Set<Relaxation> relaxations(int spacing) {
        EnumSet<Relaxation> relaxed = EnumSet.noneOf(Relaxation.class);
        if (spacing < options.artistSpacing()) {
            relaxed.add(Relaxation.ARTIST_SPACING);
        }
        return relaxed;
    }

    private static boolean allowed(CamelotKey.Relation relation, boolean energyBoost) {
        return switch (relation) {
            case SAME, ADJACENT, RELATIVE -> true;
            case ENERGY_BOOST -> energyBoost;
            case CLASH -> false;
        };
    }

    private double cost(TrackFacts previous, TrackFacts track, CamelotKey.Relation relation, TempoMatch tempo,
            int position) {
        double score = MixCompatibility.score(relation, tempo.differencePercent(), tempo.multiplier() != 1,
                options.bpmWindowPercent(), null, null);
        double energyCost;
        if (options.energyCurve() != null) {
            energyCost = CURVE_ENERGY_WEIGHT * energyDistance(track, options.energyCurve().at(position));
        } else if (previous.energy() != null) {
            energyCost = FLOW_ENERGY_WEIGHT * energyDistance(track, previous.energy());
        } else {
            energyCost = 0;
        }
        return COMPATIBILITY_WEIGHT * (1 - score) + energyCost
                + TIE_BREAK_WEIGHT * tieBreak(options.seed(), position, track.id());
    }

    private static double energyDistance(TrackFacts track, double target) {
        return track.energy() == null ? UNKNOWN_ENERGY_DISTANCE : Math.abs(track.energy() - target);
    }

    private double targetEnergy(int position) {
        return options.energyCurve() == null ? Double.NaN : options.energyCurve().at(position);
    }

    /**
     * @return a number in [0, 1) that depends only on its arguments: the SplitMix64 finaliser (Steele, Lea and
     *     Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014) over the three mixed together
     */
    static double tieBreak(long seed, int position, long id) {
        long h = seed * 0x9E3779B97F4A7C15L + position * 0xC2B2AE3D27D4EB4FL + id;
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        return (h >>> 11) * 0x1.0p-53;
    }

    private static Set<String> recentArtists(List<PlannedTrack> tracks, int spacing) {
        Set<String> artists = new HashSet<>();
        for (int back = 1; back <= spacing && back <= tracks.size(); back++) {
            artists.addAll(normalised(tracks.get(tracks.size() - back).track().artists()));
        }
        return artists;
    }

    private static boolean disjoint(Set<String> artists, Set<String> recent) {
        for (String artist : artists) {
            if (recent.contains(artist)) {
                return false;
            }
        }
        return true;
    }

    /** @return the artists' names as compared: Unicode compatibility forms folded (NFKC), stripped, lower case */
    static Set<String> normalised(List<String> artists) {
        Set<String> names = new HashSet<>();
        for (String artist : artists) {
            String name = Normalizer.normalize(artist, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private record Candidate(TrackFacts track, Set<String> artists, Optional<RecordingIdentity> recording) {
        static Candidate of(TrackFacts track) {
            return new Candidate(track, normalised(track.artists()), track.recording());
        }

        boolean sameRecordingAs(Candidate other) {
            return recording.isPresent() && other.recording.isPresent()
                    && recording.get().sameAs(other.recording.get());
        }
    }

    private record Choice(Candidate candidate, CamelotKey.Relation relation, TempoMatch tempo, double cost) {
    }

    /** The tracks in a plan: their ids, and the recordings they are copies of. */
    private static final class Used {
        private final Set<Long> ids = new HashSet<>();
        private final Map<String, List<RecordingIdentity>> recordings = new HashMap<>();

        void add(TrackFacts track) {
            ids.add(track.id());
            track.recording().ifPresent(recording -> recordings
                    .computeIfAbsent(recording.artistTitle(), key -> new ArrayList<>()).add(recording));
        }

        /** @return whether the candidate, or a copy of its recording, is in the plan */
        boolean contains(Candidate candidate) {
            if (ids.contains(candidate.track().id())) {
                return true;
            }
            return candidate.recording().map(recording -> recordings.getOrDefault(recording.artistTitle(), List.of())
                    .stream().anyMatch(recording::sameAs)).orElse(false);
        }
    }
}
