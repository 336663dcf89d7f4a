package org.deckhand.mixer.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.deckhand.api.mixer.LiveMix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixerLiveMixesTest {

    @TempDir
    Path data;

    private MixService service;

    @AfterEach
    void stop() {
        TestServices.stop(service);
    }

    @Test
    void aMixStartedFromASearchIsListedWithItsStreamUntilItStops() {
        service = TestServices.mixService(data, 2);
        MixerLiveMixes live = new MixerLiveMixes(service);

        LiveMix started = live.start("  odd ");
        assertEquals("Deckhand mix from query odd", started.name());
        assertTrue(started.plannedTracks() > 1, "planned from the search's hits: " + started);
        MixView view = service.get(started.id());
        assertEquals("/stream/" + started.id() + ".mp3?token=" + view.token(), started.streamPath());
        assertEquals("/stream/" + started.id() + ".m3u?token=" + view.token(), started.playlistPath());
        assertTrue(service.get(started.id()).plan().stream().allMatch(entry -> entry.artist().startsWith("Odd")),
                service.get(started.id()).plan().toString());
        assertEquals(List.of(started.id()), live.playing().stream().map(LiveMix::id).toList());

        service.stop(started.id());
        assertEquals(List.of(), live.playing(), "a stopped mix is no station");
    }

    @Test
    void theTrackListenersHearIsNamed() {
        service = TestServices.mixService(data, 1);
        MixerLiveMixes live = new MixerLiveMixes(service);
        LiveMix started = live.start("even");
        TestServices.awaitSecondTrackTaken(service, started.id());
        String first = service.get(started.id()).plan().get(0).title();
        long deadline = System.nanoTime() + 10_000_000_000L;
        LiveMix listed = live.playing().get(0);
        while (listed.nowPlaying() == null && System.nanoTime() < deadline) {
            LockSupport.parkNanos(20_000_000L);
            listed = live.playing().get(0);
        }
        assertEquals(service.get(started.id()).plan().get(0).artist() + " - " + first, listed.nowPlaying());
    }

    @Test
    void aBlankQueryOrOneTooManyMixesIsRefusedWithTheReason() {
        service = TestServices.mixService(data, 1);
        MixerLiveMixes live = new MixerLiveMixes(service);
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> live.start(" "));
        assertTrue(blank.getMessage().contains("needs a query"), blank.getMessage());
        assertThrows(IllegalArgumentException.class, () -> live.start("nobody"), "finds no track");
        live.start("odd");
        IllegalStateException full = assertThrows(IllegalStateException.class, () -> live.start("even"));
        assertTrue(full.getMessage().contains("maxMixes"), full.getMessage());
    }
}
