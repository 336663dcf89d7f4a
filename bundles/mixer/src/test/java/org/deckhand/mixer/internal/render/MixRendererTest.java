package org.deckhand.mixer.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.music.BeatGrid;
import org.deckhand.mixer.internal.testing.ArraySource;
import org.deckhand.mixer.internal.testing.ClickTrack;
import org.deckhand.mixer.internal.testing.Facts;
import org.deckhand.mixer.internal.testing.Mixes;
import org.deckhand.mixer.internal.track.TrackFacts;
import org.junit.jupiter.api.Test;

class MixRendererTest {

    private static final int RATE = ClickTrack.RATE_HZ;

    private static TrackFacts track(long id, double bpm, double seconds) {
        return Facts.rendering(id, bpm, seconds, new BeatGrid(0.5, 60 / bpm, 0.95, false, Double.NaN,
                seconds - 20), 0.9, ReplayGain.NONE);
    }

    private static ArraySource clicks(double bpm, double seconds) {
        return new ArraySource(ClickTrack.render(bpm, 0.5, seconds, 1000, 2000, 0.5));
    }

    @Test
    void eachTrackStartsWhereTheOneBeforeFadesOutAndTheMixEndsWithTheLast() {
        Mixes mixes = new Mixes(Map.of(1L, clicks(124, 60), 2L, clicks(126, 70), 3L, clicks(125, 80)));
        float[][] mix = mixes.render(TransitionOptions.DEFAULTS.withFadeBars(8), track(1, 124, 60),
                track(2, 126, 70), track(3, 125, 80));

        List<TrackStart> starts = mixes.starts();
        assertEquals(List.of(1L, 2L, 3L), starts.stream().map(start -> start.track().id()).toList());
        assertEquals(0, starts.get(0).fadeInStartFrame());
        double bar = 4 * 60.0 / 124;
        double firstFade = 0.5 + Math.ceil((40 - 0.5) / bar) * bar;
        assertEquals(firstFade * RATE, starts.get(1).fadeInStartFrame(), 1);
        assertEquals(8 * bar * RATE, starts.get(1).fadeInEndFrame() - starts.get(1).fadeInStartFrame(), 1);
        assertTrue(starts.get(2).fadeInStartFrame() > starts.get(1).fadeInEndFrame());
        assertTrue(starts.stream().skip(1).allMatch(TrackStart::beatMatched));
        double lastPlays = 80 - 0.5;
        assertEquals(starts.get(2).fadeInStartFrame() / (double) RATE + lastPlays, mix[0].length / (double) RATE,
                0.2, "the last track plays from its first downbeat to its end, at about its own tempo");
        assertTrue(mixes.failures().isEmpty());
    }

    @Test
    void aTrackThatCannotBeOpenedIsSkippedAndTheMixGoesOn() {
        Mixes mixes = new Mixes(Map.of(1L, clicks(124, 60), 3L, clicks(125, 80)));
        mixes.render(TransitionOptions.DEFAULTS, track(1, 124, 60), track(2, 126, 70), track(3, 125, 80));
        assertEquals(List.of("2: cannot decode /music/track-2.flac"), mixes.failures());
        assertEquals(List.of(1L, 3L), mixes.starts().stream().map(start -> start.track().id()).toList());
    }

    @Test
    void theOutgoingTracksAudioIsClosedWhenItsFadeEnds() {
        ArraySource first = clicks(124, 60);
        ArraySource second = clicks(126, 70);
        List<TrackFacts> rest = new ArrayList<>(List.of(track(2, 126, 70)));
        Map<Long, ArraySource> sources = Map.of(1L, first, 2L, second);
        RecordingListener listener = new RecordingListener();
        try (MixRenderer renderer = new MixRenderer(track(1, 124, 60),
                () -> rest.isEmpty() ? Optional.empty() : Optional.of(rest.remove(0)),
                track -> sources.get(track.id()), TransitionOptions.DEFAULTS, listener)) {
            float[][] block = new float[2][4096];
            while (listener.fadeEnd < 0 || renderer.framesRendered() <= listener.fadeEnd) {
                assertFalse(first.closed(), "closed before its fade ended, at frame " + renderer.framesRendered());
                renderer.read(block, 0, block[0].length);
            }
            renderer.read(block, 0, block[0].length);
            assertTrue(first.closed(), "the first track's audio is closed after its fade");
            assertFalse(second.closed());
        }
        assertTrue(second.closed(), "closing the renderer closes the track playing");
    }

    @Test
    void aTrackWhoseAudioEndsBeforeItsFadeIsCutIntoTheNext() {
        Mixes mixes = new Mixes(Map.of(1L, clicks(124, 30), 2L, clicks(126, 70)));
        float[][] mix = mixes.render(TransitionOptions.DEFAULTS, track(1, 124, 90), track(2, 126, 70));
        TrackStart cut = mixes.starts().get(1);
        assertEquals(30 * RATE, cut.fadeInStartFrame(), "where the first track's audio ended");
        assertEquals(cut.fadeInStartFrame(), cut.fadeInEndFrame());
        assertTrue(mix[0].length > 30 * RATE + 60 * RATE);
    }

    /** Remembers where the first fade ends. */
    private static final class RecordingListener implements MixListener {
        private long fadeEnd = -1;

        @Override
        public void trackStarted(TrackStart start) {
            if (start.fadeInEndFrame() > start.fadeInStartFrame()) {
                fadeEnd = start.fadeInEndFrame();
            }
        }
    }

    @Test
    void anIncomingTrackWhoseAudioEndsInsideItsFadeInIsFollowedAtOnceNotByTheOutgoingFadingAway() {
        TrackFacts first = Facts.rendering(1, 120, 60, null, 0, ReplayGain.NONE);
        TrackFacts tooShort = Facts.rendering(2, 120, 60, null, 0, ReplayGain.NONE);
        TrackFacts third = Facts.rendering(3, 120, 60, null, 0, ReplayGain.NONE);
        Mixes mixes = new Mixes(Map.of(1L, new ArraySource(ClickTrack.sine(300, 0.3, 60)),
                2L, new ArraySource(ClickTrack.sine(400, 0.3, 3)), 3L, new ArraySource(ClickTrack.sine(500, 0.3, 60))));
        mixes.render(TransitionOptions.DEFAULTS, first, tooShort, third);

        List<TrackStart> starts = mixes.starts();
        assertEquals(List.of(1L, 2L, 3L), starts.stream().map(start -> start.track().id()).toList());
        double gap = (starts.get(2).fadeInStartFrame() - starts.get(1).fadeInStartFrame()) / (double) RATE;
        assertEquals(3, gap, 0.2, "the third follows when the second's 3 s of audio end, not after its 12 s fade");
    }
}
