package org.deckhand.mixer.internal.plan;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.deckhand.api.music.CamelotKey;
import org.deckhand.mixer.internal.track.TempoMatch;
import org.deckhand.mixer.internal.track.TrackFacts;

/**
 * Plans the order of a mix from a seed track over a pool of candidates, one track at a time (greedy). A track may
 * follow the one before when its key is the same, one step around the Camelot wheel or the relative key (and two
 * steps up, the energy boost, when allowed), its BPM lies within the window (at half or double time when allowed),
 * it is not in the plan yet and none of its artists played in the last {@code artistSpacing} tracks. Tracks without
 * a key or a BPM are never planned after the seed.
 *
 * <p>Among the tracks that may follow, the planner takes the one of least cost: the distance of its energy from the
 * curve's target (or, without a curve, from the energy before, at half weight), plus a cost for the key move (same
 * 0, a fifth 0.25, relative 0.35, energy boost 0.75), plus half the tempo difference as a share of the window,
 * plus up to 0.3 of a tie-break drawn from the seed, the position and the track id. The same seed, pool and options
 * therefore give the same plan whatever the pool's order, and another seed varies the choice between tracks that
 * fit about equally well. When no track may follow, the constraints are relaxed in the order {@link Relaxation}
 * gives, if the options allow it; when even that finds nothing, the plan is marked exhausted.
 */
public final class MixPlanner {

    private static final double CURVE_ENERGY_WEIGHT = 1;
    private static final double FLOW_ENERGY_WEIGHT = 0.5;
    /** The energy distance counted for a track whose energy is unknown, in energy points. */
    private static final double UNKNOWN_ENERGY_DISTANCE = 1.5;
    private static final double TEMPO_WEIGHT = 0.5;
    private static final double TIE_BREAK_WEIGHT = 0.3;

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
        MixPlan plan = new MixPlan(List.of(new PlannedTrack(seed, null, null, seedTarget, Set.of())), false);
        return extend(plan, more);
    }

    /**
     * Plans further tracks from the end of a plan. Extending a plan in steps gives the same plan as planning all its
     * tracks at once.
     *
     * @param plan a plan made with the same pool and options
     * @param more how many tracks to add, at most
     * @return the longer plan; {@link MixPlan#exhausted()} when fewer than {@code more} tracks could be added
     */
    public MixPlan extend(MixPlan plan, int more) {
        List<PlannedTrack> tracks = new ArrayList<>(plan.tracks());
        Set<Long> used = new HashSet<>();
        tracks.forEach(planned -> used.add(planned.track().id()));
        for (int added = 0; added < more; added++) {
            PlannedTrack next = next(tracks, used);
            if (next == null) {
                return new MixPlan(tracks, true);
            }
            tracks.add(next);
            used.add(next.track().id());
        }
        return new MixPlan(tracks, false);
    }

    private PlannedTrack next(List<PlannedTrack> tracks, Set<Long> used) {
        TrackFacts previous = tracks.get(tracks.size() - 1).track();
        if (previous.key() == null || previous.bpm() == null || !(previous.bpm() > 0)) {
            return null;
        }
        int position = tracks.size();
        for (Stage stage : stages()) {
            Set<String> recentArtists = recentArtists(tracks, stage.artistSpacing());
            PlannedTrack best = null;
            double bestCost = Double.POSITIVE_INFINITY;
            for (Candidate candidate : pool) {
                TrackFacts track = candidate.track();
                if (used.contains(track.id()) || !disjoint(candidate.artists(), recentArtists)) {
                    continue;
                }
                CamelotKey.Relation relation = previous.key().relationTo(track.key());
                TempoMatch tempo = TempoMatch.of(previous.bpm(), track.bpm(), options.halfDoubleTime()).orElseThrow();
                if (!allowed(relation, stage.energyBoost()) || !tempo.within(options.bpmWindowPercent())) {
                    continue;
                }
                double cost = cost(previous, track, relation, tempo, position);
                if (cost < bestCost) {
                    bestCost = cost;
                    best = new PlannedTrack(track, relation, tempo, targetEnergy(position),
                            relaxations(relation, stage));
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    /** @return the constraint sets to try in turn: the options as given, then each relaxation */
    private List<Stage> stages() {
        List<Stage> stages = new ArrayList<>();
        stages.add(new Stage(options.energyBoost(), options.artistSpacing()));
        if (!options.relax()) {
            return stages;
        }
        if (!options.energyBoost()) {
            stages.add(new Stage(true, options.artistSpacing()));
        }
        for (int spacing = options.artistSpacing() - 1; spacing >= 1; spacing--) {
            stages.add(new Stage(true, spacing));
        }
        return stages;
    }

    /** @return the relaxations the chosen track needed: those of the stage that it makes use of */
    private Set<Relaxation> relaxations(CamelotKey.Relation relation, Stage stage) {
        EnumSet<Relaxation> relaxed = EnumSet.noneOf(Relaxation.class);
        if (relation == CamelotKey.Relation.ENERGY_BOOST && !options.energyBoost()) {
            relaxed.add(Relaxation.ENERGY_BOOST);
        }
        if (stage.artistSpacing() < options.artistSpacing()) {
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
        double energyCost;
        if (options.energyCurve() != null) {
            energyCost = CURVE_ENERGY_WEIGHT * energyDistance(track, options.energyCurve().at(position));
        } else if (previous.energy() != null) {
            energyCost = FLOW_ENERGY_WEIGHT * energyDistance(track, previous.energy());
        } else {
            energyCost = 0;
        }
        return energyCost + keyCost(relation)
                + TEMPO_WEIGHT * Math.abs(tempo.differencePercent()) / options.bpmWindowPercent()
                + TIE_BREAK_WEIGHT * tieBreak(options.seed(), position, track.id());
    }

    private static double energyDistance(TrackFacts track, double target) {
        return track.energy() == null ? UNKNOWN_ENERGY_DISTANCE : Math.abs(track.energy() - target);
    }

    private static double keyCost(CamelotKey.Relation relation) {
        return switch (relation) {
            case SAME -> 0;
            case ADJACENT -> 0.25;
            case RELATIVE -> 0.35;
            case ENERGY_BOOST -> 0.75;
            case CLASH -> Double.POSITIVE_INFINITY;
        };
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

    private record Candidate(TrackFacts track, Set<String> artists) {
        static Candidate of(TrackFacts track) {
            return new Candidate(track, normalised(track.artists()));
        }
    }

    private record Stage(boolean energyBoost, int artistSpacing) {
    }
}
