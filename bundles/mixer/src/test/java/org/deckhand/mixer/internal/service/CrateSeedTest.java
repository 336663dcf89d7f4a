package org.deckhand.mixer.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deckhand.mixer.internal.track.TrackFacts;
import org.junit.jupiter.api.Test;

class CrateSeedTest {

    private final TestLibrary tracks = new TestLibrary();
    private final Map<Long, Seed> crates = Map.of(
            1L, new Seed("even", null, null),
            2L, new Seed(null, null, List.of("5", "3", "7")),
            3L, new Seed(null, null, List.of()));
    private final SeedResolver resolver = new SeedResolver(new TrackLibrary() {
        @Override
        public Optional<TrackFacts> facts(long trackId) {
            return tracks.facts(trackId);
        }

        @Override
        public List<TrackFacts> search(String query, int limit) {
            return tracks.search(query, limit);
        }

        @Override
        public List<TrackFacts> all() {
            return tracks.all();
        }

        @Override
        public Path file(long trackId) {
            return tracks.file(trackId);
        }

        @Override
        public Optional<Seed> crate(long crateId) {
            return Optional.ofNullable(crates.get(crateId));
        }
    });

    @Test
    void aSmartCrateSeedsAsItsQueryAndAHandMadeOneAsItsTracksInOrder() {
        SeedResolver.Pool smart = resolver.resolve(new Seed(null, null, null, "1"));
        assertEquals(List.of(2L, 4L, 6L, 8L), smart.tracks().stream().map(TrackFacts::id).toList());

        SeedResolver.Pool handMade = resolver.resolve(new Seed(null, null, null, "2"));
        assertEquals(5L, handMade.first().id());
        assertEquals(List.of(5L, 3L, 7L), handMade.tracks().stream().map(TrackFacts::id).toList());
    }

    @Test
    void anEmptyOrUnknownCrateAndAMixedSeedAreRefusedWithTheirReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> resolver.resolve(new Seed(null, null, null, "3")))
                .getMessage().contains("the crate 3 holds no track"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> resolver.resolve(new Seed(null, null, null, "9")))
                .getMessage().contains("there is no crate 9"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> resolver.resolve(new Seed("even", null, null,
                "1"))).getMessage().contains("exactly one of query, trackId, trackIds and crateId"));
    }
}
