package org.deckhand.mixer.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.music.BeatGrid;
import org.deckhand.mixer.internal.testing.ArraySource;
import org.deckhand.mixer.internal.testing.ClickTrack;
import org.deckhand.mixer.internal.testing.Facts;
import org.deckhand.mixer.internal.track.TrackFacts;
import org.junit.jupiter.api.Test;

class SkipTest {

    private static final int RATE = ClickTrack.RATE_HZ;
    private static final double SECONDS = 120;

    @Test
    void aSkipStartsAShortPlainFadeIntoTheNextTrackAtOnce() {
        List<TrackStart> starts = new ArrayList<>();
        MixRenderer renderer = renderer(starts, 2);
        float[][] block = new float[2][RATE];
        for (int second = 0; second < 10; second++) {
            assertEquals(RATE, renderer.read(block, 0, RATE));
        }
        renderer.skip();
        renderer.read(block, 0, RATE);
        assertEquals(2, starts.size());
        TrackStart skipped = starts.get(1);
        assertEquals(10L * RATE, skipped.fadeInStartFrame());
        assertEquals(4L * RATE, skipped.fadeInEndFrame() - skipped.fadeInStartFrame());
        assertFalse(skipped.beatMatched());
    }

    @Test
    void aSkipOnTheLastTrackEndsTheMix() {
        List<TrackStart> starts = new ArrayList<>();
        MixRenderer renderer = renderer(starts, 1);
        float[][] block = new float[2][RATE];
        assertEquals(RATE, renderer.read(block, 0, RATE));
        renderer.skip();
        assertTrue(renderer.read(block, 0, RATE) < 0);
    }

    private static MixRenderer renderer(List<TrackStart> starts, int tracks) {
        BeatGrid grid = new BeatGrid(0, 0.5, 0.95, false, 16, SECONDS - 32);
        TrackFacts first = Facts.rendering(1, 120, SECONDS, grid, 0.9, ReplayGain.NONE);
        Iterator<TrackFacts> rest = List.of(Facts.rendering(2, 120, SECONDS, grid, 0.9, ReplayGain.NONE))
                .subList(0, tracks - 1).iterator();
        TrackFeed feed = () -> rest.hasNext() ? Optional.of(rest.next()) : Optional.empty();
        MixListener listener = new MixListener() {
            @Override
            public void trackStarted(TrackStart start) {
                starts.add(start);
            }
        };
        return new MixRenderer(first, feed, track -> new ArraySource(ClickTrack.sine(220 * track.id(), 0.3,
                SECONDS)), TransitionOptions.DEFAULTS.withBassSwap(true), listener);
    }
}
