package org.deckhand.mixer.internal.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.mixer.internal.encode.StreamFormat;
import org.deckhand.mixer.internal.encode.WavEncoder;
import org.deckhand.mixer.internal.render.MixRenderer;
import org.deckhand.mixer.internal.render.TrackStart;
import org.deckhand.mixer.internal.render.TransitionOptions;
import org.deckhand.mixer.internal.testing.ArraySource;
import org.deckhand.mixer.internal.testing.ClickTrack;
import org.deckhand.mixer.internal.testing.Facts;
import org.deckhand.mixer.internal.track.TrackFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedRenderTest {

    private static final int RATE = 44_100;
    private static final StreamKey WAV = new StreamKey(StreamFormat.WAV, 0);
    /** Plain crossfades of one second. */
    private static final TransitionOptions OPTIONS = new TransitionOptions(RATE, 16, 8, false, 0.5, 0.5, 8, true, 1,
            -8);

    private final List<TrackStart> starts = new CopyOnWriteArrayList<>();
    /** Each track listeners were told they hear, with the clock's frame at that moment. */
    private final List<long[]> heard = new CopyOnWriteArrayList<>();
    private final List<RenderState> ended = new CopyOnWriteArrayList<>();
    private SharedRender render;

    @AfterEach
    void stop() {
        render.stop();
    }

    @Test
    void twoListenersGetTheSameBytesFromOneEncoder() throws Exception {
        render = start(3);
        try (Listening first = render.join(WAV); Listening second = render.join(WAV)) {
            assertEquals(first.stream(), second.stream());
            assertEquals(2, render.listeners());
            byte[] a = readBytes(first, 100_000);
            byte[] b = readBytes(second, 100_000);
            assertEquals(first.cursor().position() - a.length, second.cursor().position() - b.length);
            assertArrayEquals(a, b);
            assertTrue(audible(a), "the stream holds the mix, not silence");
        }
    }

    @Test
    void aListenerThatLeavesFreesItsPlaceAndTheLastClosesTheEncoder() throws Exception {
        render = start(3);
        Listening first = render.join(WAV);
        EncodedStream stream = first.stream();
        first.close();
        assertEquals(0, render.listeners());
        try (Listening again = render.join(WAV)) {
            assertNotSame(stream, again.stream());
            assertEquals(1, render.listeners());
        }
    }

    @Test
    void aNewListenerGetsTheLeadAtOnce() throws Exception {
        render = start(3);
        Thread.sleep(300);
        try (Listening listening = render.join(WAV)) {
            long begin = System.nanoTime();
            byte[] burst = readBytes(listening, 4 * RATE / 4);
            double seconds = (System.nanoTime() - begin) / 1e9;
            assertEquals(RATE, burst.length);
            assertTrue(seconds < 1, "a quarter of a second of audio took " + seconds + " s");
        }
    }

    @Test
    void theTitleChangesAtTheByteWhereTheFadeInStarts() throws Exception {
        render = start(2);
        try (Listening listening = render.join(WAV)) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (starts.size() < 2 && System.nanoTime() < deadline) {
                readBytes(listening, 44_100);
            }
            EncodedStream stream = listening.stream();
            long fadeInByte = 4 * (starts.get(1).fadeInStartFrame() - stream.firstFrame());
            while (listening.cursor().position() <= fadeInByte && System.nanoTime() < deadline) {
                readBytes(listening, 44_100);
            }
            assertEquals("Artist 1 - Track 1", stream.titleAt(fadeInByte - 1));
            assertEquals("Artist 2 - Track 2", stream.titleAt(fadeInByte));
        }
    }

    @Test
    void eachTrackIsHeardWhenTheClockReachesItsFadeInNotWhenItIsRenderedAheadAndTheEndIsHeardOnce()
            throws Exception {
        render = start(2);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (render.state() == RenderState.PLAYING && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(100);
        assertEquals(RenderState.ENDED, render.state());
        assertEquals(List.of(1L, 2L), heard.stream().map(h -> h[0]).toList());
        assertEquals(starts.stream().map(TrackStart::fadeInStartFrame).toList(), heard.stream().map(h -> h[1])
                .toList(), "heard where they fade in");
        for (long[] h : heard) {
            assertTrue(h[2] >= h[1], "track " + h[0] + " was announced at frame " + h[2] + ", before its fade-in at "
                    + h[1]);
        }
        assertEquals(List.of(RenderState.ENDED), ended);
    }

    @Test
    void aStopIsHeardOnceAsStoppedAndTheSecondTrackNeverComes() throws Exception {
        render = start(30);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (heard.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        render.stop();
        render.stop();
        Thread.sleep(200);
        assertEquals(List.of(1L), heard.stream().map(h -> h[0]).toList(), "the first track starts the mix");
        assertEquals(List.of(RenderState.STOPPED), ended);
    }

    private SharedRender start(double trackSeconds) {
        TrackFacts one = Facts.rendering(1, 120, trackSeconds, null, 0, ReplayGain.NONE);
        TrackFacts two = Facts.rendering(2, 122, trackSeconds, null, 0, ReplayGain.NONE);
        Map<Long, float[][]> audio = Map.of(1L, ClickTrack.sine(440, 0.3, trackSeconds),
                2L, ClickTrack.sine(660, 0.3, trackSeconds));
        Optional<TrackFacts>[] feed = new Optional[] {Optional.of(two)};
        PlaybackListener listener = new PlaybackListener() {
            @Override
            public void trackStarted(TrackStart start) {
                starts.add(start);
            }

            @Override
            public void trackHeard(TrackStart start) {
                heard.add(new long[] {start.track().id(), start.fadeInStartFrame(), render.positionFrames()});
            }

            @Override
            public void ended(RenderState state) {
                ended.add(state);
            }
        };
        SharedRender shared = new SharedRender(renderListener -> new MixRenderer(one, () -> {
            Optional<TrackFacts> next = feed[0];
            feed[0] = Optional.empty();
            return next;
        }, track -> new ArraySource(audio.get(track.id())), OPTIONS, renderListener), listener,
                key -> new WavEncoder(RATE), RATE, 1, 30, "test-mix");
        render = shared;
        shared.start();
        return shared;
    }

    private static boolean audible(byte[] pcm) {
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            if (Math.abs((short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8))) > 1000) {
                return true;
            }
        }
        return false;
    }

    private static byte[] readBytes(Listening listening, int count) throws InterruptedException, IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (bytes.size() < count) {
            byte[] buffer = new byte[Math.min(4096, count - bytes.size())];
            int read = listening.read(buffer, 1000);
            if (read < 0) {
                break;
            }
            bytes.write(buffer, 0, read);
        }
        return bytes.toByteArray();
    }
}
