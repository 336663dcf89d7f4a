package org.deckhand.mixer.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deckhand.mixer.internal.service.EntryView;
import org.deckhand.mixer.internal.service.MixOptions;
import org.deckhand.mixer.internal.service.MixService;
import org.deckhand.mixer.internal.service.MixView;
import org.deckhand.mixer.internal.service.RenderStatus;
import org.deckhand.mixer.internal.service.Seed;
import org.deckhand.mixer.internal.service.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixesResourceTest {

    @TempDir
    Path data;

    private MixService service;
    private MixesResource resource;

    @BeforeEach
    void create() {
        service = TestServices.mixService(data, 1);
        resource = new MixesResource(service);
    }

    @AfterEach
    void stop() {
        TestServices.stop(service);
    }

    @Test
    void creatingAMixAnswers201WithItsAddress() {
        Response created = resource.create(new MixRequest(new Seed(null, "1", null), null));
        MixView mix = (MixView) created.getEntity();
        assertEquals(201, created.getStatus());
        assertEquals("/api/v1/mixes/" + mix.id(), created.getLocation().toString());
        assertEquals(mix.id(), resource.get(mix.id()).id());
        assertEquals(List.of(mix.id()), resource.list().stream().map(MixView::id).toList());
    }

    @Test
    void errorsBecomeTheirStatuses() {
        assertThrows(NotFoundException.class, () -> resource.get("nope"));
        assertThrows(BadRequestException.class, () -> resource.create(null));
        assertThrows(BadRequestException.class, () -> resource.create(new MixRequest(new Seed("nobody", null,
                null), null)));
        assertThrows(BadRequestException.class, () -> resource.create(new MixRequest(new Seed(null, "1", null),
                new MixOptions(null, null, null, null, null, 99, null))));
        resource.create(new MixRequest(new Seed(null, "1", null), null));
        ClientErrorException conflict = assertThrows(ClientErrorException.class,
                () -> resource.create(new MixRequest(new Seed(null, "2", null), null)));
        assertEquals(409, conflict.getResponse().getStatus());
    }

    @Test
    void thePlanIsEditedOverRestWithTheErrorsOfEachCase() {
        MixView created = (MixView) resource.create(new MixRequest(new Seed(null, null, List.of("1", "2", "7")),
                null)).getEntity();
        MixView mix = TestServices.awaitSecondTrackTaken(service, created.id());
        MixView next = resource.playNext(mix.id(), new NextRequest("5"));
        assertTrue(next.plan().stream().anyMatch(entry -> entry.trackId().equals("5")), next.plan().toString());
        MixView removed = resource.removeFromPlan(mix.id(), "5");
        assertTrue(removed.plan().stream().noneMatch(entry -> entry.trackId().equals("5")), removed.plan().toString());
        assertThrows(BadRequestException.class, () -> resource.playNext(mix.id(), null));
        assertThrows(BadRequestException.class, () -> resource.playNext(mix.id(), new NextRequest("99")));
        assertThrows(NotFoundException.class, () -> resource.removeFromPlan(mix.id(), "5"));
        assertThrows(NotFoundException.class, () -> resource.playNext("nope", new NextRequest("5")));
        ClientErrorException playing = assertThrows(ClientErrorException.class,
                () -> resource.removeFromPlan(mix.id(), mix.plan().get(0).trackId()));
        assertEquals(409, playing.getResponse().getStatus());
    }

    @Test
    void aPlannedTrackIsMovedOverRestWithTheErrorsOfEachCase() {
        MixView created = (MixView) resource.create(new MixRequest(new Seed(null, null, List.of("1", "2", "7", "3")),
                null)).getEntity();
        MixView mix = TestServices.awaitSecondTrackTaken(service, created.id());
        List<String> planned = mix.plan().stream().map(EntryView::trackId).toList();
        int firstEditable = firstEditable(mix);
        String last = planned.get(planned.size() - 1);

        MixView moved = resource.moveInPlan(mix.id(), new MoveRequest(last, firstEditable));
        assertEquals(last, moved.plan().get(firstEditable).trackId(), moved.plan().toString());
        assertEquals(planned.size(), moved.plan().size());

        assertThrows(BadRequestException.class, () -> resource.moveInPlan(mix.id(), null));
        assertThrows(BadRequestException.class, () -> resource.moveInPlan(mix.id(), new MoveRequest(last, null)));
        assertThrows(BadRequestException.class, () -> resource.moveInPlan(mix.id(), new MoveRequest(null, 2)));
        assertThrows(BadRequestException.class, () -> resource.moveInPlan(mix.id(),
                new MoveRequest(last, planned.size())), "past the plan's end");
        assertThrows(BadRequestException.class, () -> resource.moveInPlan(mix.id(), new MoveRequest("x", 2)));
        assertThrows(NotFoundException.class, () -> resource.moveInPlan(mix.id(), new MoveRequest("5", 2)),
                "not planned");
        assertThrows(NotFoundException.class, () -> resource.moveInPlan("nope", new MoveRequest(last, 2)));
        ClientErrorException playing = assertThrows(ClientErrorException.class,
                () -> resource.moveInPlan(mix.id(), new MoveRequest(planned.get(0), 2)));
        assertEquals(409, playing.getResponse().getStatus());
        ClientErrorException ontoPlaying = assertThrows(ClientErrorException.class,
                () -> resource.moveInPlan(mix.id(), new MoveRequest(last, 0)));
        assertEquals(409, ontoPlaying.getResponse().getStatus());
        assertTrue(ontoPlaying.getMessage().contains("in the mixer's hands already"), ontoPlaying.getMessage());
    }

    private static int firstEditable(MixView mix) {
        for (int index = 0; index < mix.plan().size(); index++) {
            if (mix.plan().get(index).editable()) {
                return index;
            }
        }
        throw new AssertionError("nothing in the plan can be edited: " + mix.plan());
    }

    @Test
    void aSkipOnAStoppedMixIsAConflict() {
        MixView mix = (MixView) resource.create(new MixRequest(new Seed(null, "1", null), null)).getEntity();
        resource.stop(mix.id());
        ClientErrorException conflict = assertThrows(ClientErrorException.class, () -> resource.skip(mix.id()));
        assertEquals(409, conflict.getResponse().getStatus());
        assertTrue(conflict.getMessage().contains("the mix has stopped"), conflict.getMessage());
    }

    @Test
    void aRenderIsAcceptedAndOnlyToFlacOrMp3() throws InterruptedException {
        MixView mix = (MixView) resource.create(new MixRequest(new Seed(null, "1", null), null)).getEntity();
        assertThrows(BadRequestException.class, () -> resource.render(mix.id(), new RenderRequest("wav")));
        Response accepted = resource.render(mix.id(), new RenderRequest("mp3"));
        assertEquals(202, accepted.getStatus());
        RenderStatus status = (RenderStatus) accepted.getEntity();
        assertTrue(status.file().endsWith(".mp3"), status.file());
        assertEquals(status.file(), resource.renderStatus(mix.id()).file());
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (resource.renderStatus(mix.id()).state().equals("RUNNING") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals("DONE", resource.renderStatus(mix.id()).state());
    }

    @Test
    void aFinishedRenderIsDownloadedWithItsCueSheet() throws Exception {
        MixView mix = (MixView) resource.create(new MixRequest(new Seed(null, "1", null), null)).getEntity();
        assertThrows(NotFoundException.class, () -> resource.renderFile(mix.id()), "never rendered");
        RenderStatus status = (RenderStatus) resource.render(mix.id(), new RenderRequest("mp3")).getEntity();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (resource.renderStatus(mix.id()).state().equals("RUNNING") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals("DONE", resource.renderStatus(mix.id()).state());

        Response audio = resource.renderFile(mix.id());
        File file = (File) audio.getEntity();
        assertEquals(200, audio.getStatus());
        assertEquals("audio/mpeg", audio.getMediaType().toString());
        assertEquals(Path.of(status.file()), file.toPath());
        assertEquals(Files.size(file.toPath()), Long.parseLong(audio.getHeaderString("Content-Length")));
        assertTrue(file.length() > 0, "the render holds audio");
        assertEquals("attachment; filename=\"" + file.getName() + "\"", audio.getHeaderString("Content-Disposition"));

        Response cue = resource.renderCueSheet(mix.id());
        File sheet = (File) cue.getEntity();
        assertTrue(cue.getMediaType().toString().startsWith("application/x-cue"), cue.getMediaType().toString());
        assertEquals(Path.of(status.cueFile()), sheet.toPath());
        assertTrue(Files.readString(sheet.toPath()).contains("FILE \"" + file.getName() + "\" MP3"),
                "the CUE sheet names the audio file");

        Files.delete(file.toPath());
        assertThrows(NotFoundException.class, () -> resource.renderFile(mix.id()), "the file is gone");
        assertThrows(NotFoundException.class, () -> resource.renderFile("nope"));
    }

    @Test
    void theCueSheetIsServedAsApplicationXCue() throws InterruptedException {
        MixView mix = (MixView) resource.create(new MixRequest(new Seed(null, "1", null), null)).getEntity();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (resource.tracklist(mix.id()).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Response cue = resource.cueSheet(mix.id());
        assertTrue(cue.getMediaType().toString().startsWith("application/x-cue"), cue.getMediaType().toString());
        assertTrue(cue.getEntity().toString().startsWith("PERFORMER \"Deckhand\"\r\nTITLE \"Deckhand mix " + mix.id()
                + "\"\r\nFILE \"" + mix.id() + ".mp3\" MP3\r\n"), cue.getEntity().toString());
        assertEquals(204, resource.delete(mix.id()).getStatus());
        assertThrows(NotFoundException.class, () -> resource.delete(mix.id()));
    }
}
