package org.deckhand.mixer.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.cue.internal.CueSheetService;
import org.deckhand.mixer.internal.encode.StreamFormat;
import org.deckhand.mixer.internal.render.TransitionOptions;
import org.deckhand.testing.RecordingEventAdmin;
import org.deckhand.mixer.internal.track.TrackFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;

class RenderJobEventsTest {

    /** How far the fake clock moves at each reading: 0.3 s. */
    private static final long STEP_NANOS = 300_000_000L;

    @TempDir
    Path folder;

    private final RecordingEventAdmin events = new RecordingEventAdmin();
    private final AtomicInteger readings = new AtomicInteger();
    /** A clock that moves 0.3 s each time it is read: the render reads it once per block. */
    private final LongSupplier clock = () -> readings.getAndIncrement() * STEP_NANOS;

    @Test
    void progressIsPostedAtMostOnceASecondOfTheClockThenTheCompletion() throws Exception {
        RenderJob job = job(List.of(1L, 2L, 3L));
        job.run();
        assertEquals("DONE", job.status().state(), job.status().error());

        List<Event> progress = events.of(Topics.MIXER_RENDER_PROGRESS);
        int blocks = readings.get() - 2;
        assertEquals(blocks / 4, progress.size(), 1, "one event for every four blocks of 0.3 s, of " + blocks);
        double previous = 0;
        for (Event event : progress) {
            assertEquals("m1", event.getProperty(EventProperties.MIX_ID));
            double done = (Double) event.getProperty(EventProperties.PROGRESS);
            assertTrue(done > previous && done < 1, "progress " + done + " after " + previous);
            previous = done;
        }
        Event completed = events.of(Topics.MIXER_RENDER_COMPLETED).get(0);
        assertEquals(job.status().file(), completed.getProperty(EventProperties.PATH));
        assertEquals((readings.get() - 1) * STEP_NANOS / 1e9,
                (Double) completed.getProperty(EventProperties.DURATION_SECONDS), 1e-9);
        assertEquals(List.of(), events.of(Topics.MIXER_RENDER_FAILED));
    }

    @Test
    void aRenderThatCannotWriteItsFilePostsItsFailureNamingTheFile() throws Exception {
        RenderJob job = job(List.of(1L, 2L));
        Path file = Path.of(job.status().file());
        Files.delete(file);
        Files.createDirectory(file);
        job.run();

        assertEquals("FAILED", job.status().state());
        Event failed = events.of(Topics.MIXER_RENDER_FAILED).get(0);
        assertEquals("m1", failed.getProperty(EventProperties.MIX_ID));
        assertEquals(file.toString(), failed.getProperty(EventProperties.PATH));
        assertEquals(job.status().error(), failed.getProperty(EventProperties.MESSAGE));
        assertTrue(job.status().error().contains(file.toString()), job.status().error());
        assertEquals(List.of(), events.of(Topics.MIXER_RENDER_COMPLETED));
    }

    private RenderJob job(List<Long> ids) throws Exception {
        TestLibrary library = new TestLibrary();
        List<TrackFacts> tracks = ids.stream().map(id -> library.facts(id).orElseThrow()).toList();
        return new RenderJob("m1", tracks, TestLibrary.opener(), TransitionOptions.DEFAULTS, StreamFormat.FLAC, 192,
                folder, new CueSheetService(), new MixEvents(events), clock);
    }
}
