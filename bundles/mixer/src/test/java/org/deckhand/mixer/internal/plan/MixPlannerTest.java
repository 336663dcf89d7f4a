package org.deckhand.mixer.internal.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.music.CamelotKey;
import org.deckhand.mixer.internal.testing.Facts;
import org.deckhand.mixer.internal.track.TrackFacts;
import org.junit.jupiter.api.Test;

class MixPlannerTest {

    private static final TrackFacts SEED = Facts.planning(1, "Seed Artist", 125, "8A", 5);

    /** @return a library of random tracks: 24 keys, 116 to 136 BPM, energy 1 to 10, 25 artists */
    private static List<TrackFacts> library(int size, long seed) {
        Random random = new Random(seed);
        List<TrackFacts> tracks = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String key = (1 + random.nextInt(12)) + (random.nextBoolean() ? "A" : "B");
            tracks.add(Facts.planning(100 + i, "Artist " + random.nextInt(25), 116 + 20 * random.nextDouble(), key,
                    1 + random.nextInt(10)));
        }
        return tracks;
    }

    private static List<Long> ids(MixPlan plan) {
        return plan.tracks().stream().map(planned -> planned.track().id()).toList();
    }

    @Test
    void everyStepIsHarmonicWithinTheBpmWindowNewAndByAnArtistNotHeardInTheLastThreeTracks() {
        MixPlan plan = new MixPlanner(library(400, 1), PlanOptions.DEFAULTS).start(SEED, 40);
        assertEquals(41, plan.tracks().size());
        assertFalse(plan.exhausted());
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < plan.tracks().size(); i++) {
            TrackFacts track = plan.tracks().get(i).track();
            assertTrue(seen.add(track.id()), "track " + track.id() + " repeated at " + i);
            if (i == 0) {
                continue;
            }
            TrackFacts previous = plan.tracks().get(i - 1).track();
            CamelotKey.Relation relation = previous.key().relationTo(track.key());
            assertTrue(Set.of(CamelotKey.Relation.SAME, CamelotKey.Relation.ADJACENT, CamelotKey.Relation.RELATIVE)
                    .contains(relation), previous.key().code() + " to " + track.key().code() + " at " + i);
            assertTrue(Math.abs(track.bpm() - previous.bpm()) <= 0.06 * previous.bpm(),
                    previous.bpm() + " to " + track.bpm() + " BPM at " + i);
            for (int back = 1; back <= 3 && back <= i; back++) {
                assertNotEquals(plan.tracks().get(i - back).track().artists(), track.artists(),
                        "the same artist " + back + " tracks apart at " + i);
            }
            assertTrue(plan.tracks().get(i).relaxed().isEmpty());
        }
    }

    @Test
    void theSamePoolAndSeedGiveTheSamePlanWhateverThePoolsOrder() {
        List<TrackFacts> pool = library(400, 2);
        List<TrackFacts> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, new Random(9));
        PlanOptions options = PlanOptions.DEFAULTS.withSeed(42);
        assertEquals(ids(new MixPlanner(pool, options).start(SEED, 30)),
                ids(new MixPlanner(shuffled, options).start(SEED, 30)));
    }

    @Test
    void anotherSeedPicksOtherTracksAmongThoseThatFitAboutAsWell() {
        List<TrackFacts> pool = library(400, 3);
        assertNotEquals(ids(new MixPlanner(pool, PlanOptions.DEFAULTS.withSeed(1)).start(SEED, 30)),
                ids(new MixPlanner(pool, PlanOptions.DEFAULTS.withSeed(2)).start(SEED, 30)));
    }

    @Test
    void extendingAPlanInStepsGivesTheSamePlanAsPlanningItAtOnce() {
        MixPlanner planner = new MixPlanner(library(400, 4), PlanOptions.DEFAULTS.withSeed(7));
        MixPlan inSteps = planner.extend(planner.extend(planner.start(SEED, 10), 5, List.of()), 15, List.of());
        assertEquals(ids(planner.start(SEED, 30)), ids(inSteps));
    }

    @Test
    void anArtistTheEnergyCurveWouldPickEveryTimeStillWaitsThreeTracks() {
        List<TrackFacts> pool = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pool.add(Facts.planning(100 + i, i % 2 == 0 ? "Favourite" : " favourite ", 125, "8A", 5));
        }
        for (int i = 0; i < 20; i++) {
            pool.add(Facts.planning(200 + i, "Other " + i, 125, "8A", 9));
        }
        PlanOptions stayAtFive = PlanOptions.DEFAULTS.withEnergyCurve(new EnergyCurve(List.of(5.0)));
        MixPlan plan = new MixPlanner(pool, stayAtFive).start(SEED, 16);
        List<Integer> favourites = new ArrayList<>();
        for (int i = 1; i < plan.tracks().size(); i++) {
            if (plan.tracks().get(i).track().id() < 200) {
                favourites.add(i);
            }
        }
        assertEquals(List.of(1, 5, 9, 13), favourites, "positions of the favourite artist's tracks");
    }

    @Test
    void theEnergyCurveIsFollowedFromTheWarmUpToThePeakAndTheCoolDown() {
        Random random = new Random(5);
        List<TrackFacts> pool = new ArrayList<>();
        String[] keys = {"7A", "8A", "9A", "8B"};
        for (int i = 0; i < 300; i++) {
            pool.add(Facts.planning(100 + i, "Artist " + i, 123 + 4 * random.nextDouble(), keys[random.nextInt(4)],
                    1 + random.nextInt(10)));
        }
        EnergyCurve curve = EnergyCurve.warmUpPeakCoolDown(20, 3, 9, 4);
        TrackFacts seed = Facts.planning(1, "Seed", 125, "8A", 3);
        MixPlan plan = new MixPlanner(pool, PlanOptions.DEFAULTS.withEnergyCurve(curve)).start(seed, 19);
        assertEquals(20, plan.tracks().size());
        for (int i = 1; i < 20; i++) {
            double energy = plan.tracks().get(i).track().energy();
            assertEquals(curve.at(i), energy, 1.0, "energy at position " + i);
            assertEquals(curve.at(i), plan.tracks().get(i).targetEnergy());
        }
    }

    @Test
    void aPoolWithNoCompatibleTrackEndsThePlanAtOnce() {
        List<TrackFacts> pool = List.of(Facts.planning(2, "A", 125, "3A", 5), Facts.planning(3, "B", 150, "8A", 5),
                Facts.planning(4, "C", 125, "2B", 5));
        MixPlan plan = new MixPlanner(pool, PlanOptions.DEFAULTS).start(SEED, 10);
        assertEquals(List.of(1L), ids(plan));
        assertTrue(plan.exhausted());
    }

    @Test
    void anEnergyBoostIsNeverTakenWhileItIsOffEvenRelaxed() {
        List<TrackFacts> pool = List.of(Facts.planning(2, "Seed Artist", 125, "10A", 5),
                Facts.planning(3, "Other", 125, "10A", 5));
        MixPlan plan = new MixPlanner(pool, PlanOptions.DEFAULTS).start(SEED, 5);
        assertEquals(List.of(1L), ids(plan), "10A is two steps up from 8A");
        assertTrue(plan.exhausted());
        assertTrue(plan.endReason().contains("8A"), plan.endReason());

        MixPlan boosted = new MixPlanner(pool, new PlanOptions(6, false, true, 3, null, 0, true)).start(SEED, 5);
        assertEquals(CamelotKey.Relation.ENERGY_BOOST, boosted.tracks().get(1).keyRelation());
    }

    @Test
    void whenNothingFitsTheArtistSpacingShrinks() {
        List<TrackFacts> pool = List.of(Facts.planning(3, "Other", 125, "8A", 5),
                Facts.planning(4, "Seed Artist", 125, "9A", 5), Facts.planning(5, "Far", 125, "10A", 5));
        MixPlan plan = new MixPlanner(pool, PlanOptions.DEFAULTS).start(SEED, 5);
        assertEquals(List.of(1L, 3L, 4L, 5L), ids(plan));
        assertEquals(Set.of(), plan.tracks().get(1).relaxed());
        assertEquals(Set.of(Relaxation.ARTIST_SPACING), plan.tracks().get(2).relaxed());
        assertEquals(CamelotKey.Relation.ADJACENT, plan.tracks().get(3).keyRelation());

        MixPlan strict = new MixPlanner(pool, new PlanOptions(6, false, false, 3, null, 0, false)).start(SEED, 5);
        assertEquals(List.of(1L, 3L), ids(strict));
    }

    @Test
    void noLibraryPlanTakesAnEnergyBoostWithTheDefaults() {
        for (long seed = 1; seed <= 5; seed++) {
            MixPlan plan = new MixPlanner(library(60, seed), PlanOptions.DEFAULTS.withSeed(seed)).start(SEED, 30);
            for (PlannedTrack planned : plan.tracks()) {
                assertNotEquals(CamelotKey.Relation.ENERGY_BOOST, planned.keyRelation(), "library " + seed);
            }
        }
    }

    @Test
    void copiesOfOneRecordingInOtherFormatsArePlannedOnce() {
        List<TrackFacts> pool = new ArrayList<>();
        long id = 10;
        for (String song : List.of("Seed Song", "Song A", "Song B", "Song C")) {
            for (double seconds : new double[] {240, 240.4, 241.9}) {
                pool.add(copy(id++, song.equals("Seed Song") ? "Seed Artist" : "Artist of " + song, song, seconds));
            }
        }
        pool.add(copy(id, "Artist of Song A", "Song A (Extended Mix)", 420));
        TrackFacts seed = copy(1, "Seed Artist", "Seed Song", 240.2);
        MixPlan plan = new MixPlanner(pool, new PlanOptions(6, false, false, 0, null, 0, true)).start(seed, 20);
        List<String> songs = plan.tracks().stream().map(planned -> planned.track().title()).toList();
        assertEquals(List.of("Seed Song", "Song A", "Song A (Extended Mix)", "Song B", "Song C"),
                songs.stream().sorted().toList(), "each recording once: " + songs);
        assertTrue(plan.endReason().contains("every track of the pool"), plan.endReason());
    }

    private static TrackFacts copy(long id, String artist, String title, double seconds) {
        return new TrackFacts(id, List.of(artist), title, 125.0, 0.9, CamelotKey.parse("8A").orElseThrow(), 5.0,
                seconds, null, ReplayGain.NONE, title + "." + id);
    }

    @Test
    void aPlanThatEndsSaysWhichLimitLeftNoTrack() {
        List<TrackFacts> pool = List.of(Facts.planning(2, "A", 150, "8A", 5), Facts.planning(3, "B", 125, "3A", 5));
        MixPlan plan = new MixPlanner(pool, PlanOptions.DEFAULTS).start(SEED, 5);
        assertEquals(List.of(1L), ids(plan));
        assertTrue(plan.endReason().contains("none is within ±6 % of 125.0 BPM"), plan.endReason());
    }

    @Test
    void anArtistIsNeverHeardTwiceInARowEvenRelaxed() {
        List<TrackFacts> pool = List.of(Facts.planning(2, "Seed Artist", 125, "8A", 5));
        MixPlan plan = new MixPlanner(pool, PlanOptions.DEFAULTS).start(SEED, 5);
        assertEquals(List.of(1L), ids(plan));
    }

    @Test
    void halfTimeTracksFollowOnlyWhenAllowed() {
        List<TrackFacts> pool = List.of(Facts.planning(2, "Half", 63, "8A", 5));
        assertEquals(List.of(1L), ids(new MixPlanner(pool, PlanOptions.DEFAULTS).start(SEED, 1)));
        MixPlan plan = new MixPlanner(pool, new PlanOptions(6, true, false, 3, null, 0, true)).start(SEED, 1);
        assertEquals(List.of(1L, 2L), ids(plan));
        assertEquals(2, plan.tracks().get(1).tempo().multiplier());
    }
}
