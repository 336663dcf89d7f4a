package org.deckhand.mixer.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.music.BeatGrid;
import org.deckhand.mixer.internal.testing.ArraySource;
import org.deckhand.mixer.internal.testing.ClickTrack;
import org.deckhand.mixer.internal.testing.Facts;
import org.deckhand.mixer.internal.track.TrackFacts;
import org.junit.jupiter.api.Test;

/** A plan that grows while its last track already plays alone, as when a user extends a mix near its end. */
class PlanGrowthTest {

    private static final int RATE = ClickTrack.RATE_HZ;
    private static final double SECONDS = 120;
    private static final double OUTRO_SECONDS = SECONDS - 32;
    private static final BeatGrid GRID = new BeatGrid(0, 0.5, 0.95, false, 16, OUTRO_SECONDS);

    private final Deque<TrackFacts> plan = new ArrayDeque<>();
    private final List<TrackStart> starts = new ArrayList<>();

    @Test
    void aTrackAddedBeforeTheOutroIsMixedInAtThePlannedFadeOut() {
        MixRenderer renderer = renderer();
        float[][] block = new float[2][RATE];
        playSeconds(renderer, block, 10);
        plan.add(Facts.rendering(2, 120, SECONDS, GRID, 0.9, ReplayGain.NONE));
        playSeconds(renderer, block, 100);
        assertEquals(2, starts.size());
        TrackStart second = starts.get(1);
        assertTrue(second.beatMatched());
        assertTrue(second.fadeInStartFrame() >= (OUTRO_SECONDS - 1) * RATE, "fade-in starts at the outro cue");
    }

    @Test
    void aTrackAddedAfterThePlannedFadeOutComesInAtOnceWithAShortPlainFade() {
        MixRenderer renderer = renderer();
        float[][] block = new float[2][RATE];
        playSeconds(renderer, block, 100);
        plan.add(Facts.rendering(2, 120, SECONDS, GRID, 0.9, ReplayGain.NONE));
        assertEquals(RATE, renderer.read(block, 0, RATE));
        assertEquals(2, starts.size());
        TrackStart second = starts.get(1);
        assertEquals(100L * RATE, second.fadeInStartFrame());
        assertEquals(4L * RATE, second.fadeInEndFrame() - second.fadeInStartFrame());
        assertFalse(second.beatMatched());
    }

    @Test
    void withoutATrackAddedTheMixEndsWithItsLastTrack() {
        MixRenderer renderer = renderer();
        float[][] block = new float[2][RATE];
        playSeconds(renderer, block, (int) SECONDS);
        assertTrue(renderer.read(block, 0, RATE) < 0);
        assertEquals(1, starts.size());
    }

    private static void playSeconds(MixRenderer renderer, float[][] block, int seconds) {
        for (int second = 0; second < seconds; second++) {
            assertEquals(RATE, renderer.read(block, 0, RATE), "second " + second + " is rendered");
        }
    }

    private MixRenderer renderer() {
        TrackFacts first = Facts.rendering(1, 120, SECONDS, GRID, 0.9, ReplayGain.NONE);
        TrackFeed feed = () -> Optional.ofNullable(plan.poll());
        MixListener listener = new MixListener() {
            @Override
            public void trackStarted(TrackStart start) {
                starts.add(start);
            }
        };
        return new MixRenderer(first, feed, track -> new ArraySource(ClickTrack.sine(220 * track.id(), 0.3,
                SECONDS)), TransitionOptions.DEFAULTS, listener);
    }
}
