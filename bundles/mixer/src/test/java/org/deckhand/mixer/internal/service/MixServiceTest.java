package org.deckhand.mixer.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.cue.internal.CueSheetService;
import org.deckhand.mixer.internal.encode.StreamFormat;
import org.deckhand.mixer.internal.stream.Listening;
import org.deckhand.mixer.internal.stream.StreamKey;
import org.deckhand.mixer.internal.testing.Ffmpeg;
import org.deckhand.testing.RecordingEventAdmin;
import org.junit.jupiter.api.AfterEach;
import org.osgi.service.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixServiceTest {

    private static final MixOptions FOUR = new MixOptions(4, null, null, null, null, null, null);

    @TempDir
    Path data;

    private final RecordingEventAdmin events = new RecordingEventAdmin();
    private MixService service;

    @AfterEach
    void stopAll() {
        if (service != null) {
            service.deactivate();
        }
    }

    @Test
    void aMixFromTrackIdsPlansThemAndPlaysAtOnce() {
        service = service(2);
        MixView mix = service.create(new Seed(null, null, List.of("1", "2", "7")), null);
        assertEquals("PLAYING", mix.state());
        assertEquals(List.of("1", "2", "7").size(), mix.plan().size());
        assertEquals("1", mix.plan().get(0).trackId());
        assertEquals(22, mix.token().length());
        assertEquals("/stream/" + mix.id() + ".mp3?token=" + mix.token(), mix.streams().get("mp3"));
        assertEquals(List.of(mix), service.list().stream().filter(m -> m.id().equals(mix.id())).map(m -> mix)
                .toList());
    }

    @Test
    void theSameSeedAndOptionsGiveTheSamePlan() {
        service = service(2);
        MixView one = service.create(new Seed("artist", null, null), FOUR);
        MixView two = service.create(new Seed("artist", null, null), FOUR);
        assertNotEquals(one.id(), two.id());
        assertEquals(ids(one.plan()), ids(two.plan()));
        assertEquals(4, one.plan().size());
    }

    @Test
    void extendingAddsTracksThatNoOtherPlanHad() {
        service = service(1);
        MixView mix = service.create(new Seed(null, "1", null), new MixOptions(2, null, null, null, 0, null, null));
        MixView longer = service.extend(mix.id(), 3);
        assertEquals(5, longer.plan().size(), longer.planEnd());
        assertEquals(ids(mix.plan()), ids(longer.plan()).subList(0, 2));
        assertEquals(5, ids(longer.plan()).stream().distinct().count());
    }

    @Test
    void aSeedThatFindsNoPlayableTrackIsRefusedWithItsReason() {
        service = service(1);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> service.create(new Seed("nobody", null, null), null));
        assertTrue(none.getMessage().contains("'nobody' finds no playable track"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> service.create(new Seed(null, "99", null), null));
        assertThrows(IllegalArgumentException.class, () -> service.create(null, null));
        assertThrows(IllegalArgumentException.class, () -> service.create(new Seed(null, "1", null),
                new MixOptions(null, 90.0, null, null, null, null, null)));
    }

    @Test
    void aSeedListingMoreTracksThanAPlanHoldsIsRefusedNamingTheLimit() {
        service = service(1);
        List<String> tooMany = Collections.nCopies(SeedResolver.MAX_TRACK_IDS + 1, "1");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> service.create(new Seed(null, null, tooMany), null));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> service.create(new Seed(null, null, List.of()), null));

        assertEquals("trackIds lists 1 to 500 tracks, as many as a plan holds, not 501", refused.getMessage());
        assertTrue(empty.getMessage().startsWith("trackIds lists 1 to 500"), empty.getMessage());
        assertEquals("none of the 99 tracks of trackIds can be played", assertThrows(IllegalArgumentException.class,
                () -> service.create(new Seed(null, null, Collections.nCopies(99, "99")), null)).getMessage());
    }

    @Test
    void oneMixTooManyIsRefusedUntilOneStops() {
        service = service(1);
        MixView first = service.create(new Seed(null, "1", null), null);
        assertThrows(IllegalStateException.class, () -> service.create(new Seed(null, "2", null), null));
        assertEquals("STOPPED", service.stop(first.id()).state());
        service.create(new Seed(null, "2", null), null);
    }

    @Test
    void aMixPausedWithoutListenersIsForgottenAfterTheExpirySoItNoLongerCountsAgainstTheLimit() throws Exception {
        service = new MixService(new TestLibrary(), TestLibrary.opener(), new CueSheetService(),
                new RecordingEventAdmin(), TestLibrary.configuration(1, "", 0.1, 0.2), data);
        MixView idle = service.create(new Seed(null, "1", null), null);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!service.get(idle.id()).paused() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(service.get(idle.id()).paused(), "paused without listeners");
        Thread.sleep(300);
        MixView next = service.create(new Seed(null, "2", null), null);
        assertEquals("PLAYING", next.state());
        assertThrows(NoSuchElementException.class, () -> service.get(idle.id()));
    }

    @Test
    void aSkipOnAStoppedMixIsRefusedSayingItHasStopped() {
        service = service(1);
        MixView mix = service.create(new Seed(null, "1", null), null);
        service.stop(mix.id());
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> service.skip(mix.id()));
        assertEquals("Mix " + mix.id() + " cannot skip: the mix has stopped; start a new mix", refused.getMessage());
        IllegalStateException listen = assertThrows(IllegalStateException.class,
                () -> service.listen(mix.id(), new StreamKey(StreamFormat.WAV, 0)));
        assertEquals("the mix has stopped", listen.getMessage());
    }

    @Test
    void anUnknownMixIsNotFound() {
        service = service(1);
        assertThrows(NoSuchElementException.class, () -> service.get("nope"));
        assertThrows(NoSuchElementException.class, () -> service.delete("nope"));
        assertFalse(service.tokenMatches("nope", "anything"));
    }

    @Test
    void aNewTokenRevokesTheOldOne() {
        service = service(1);
        MixView mix = service.create(new Seed(null, "1", null), null);
        assertTrue(service.tokenMatches(mix.id(), mix.token()));
        String renewed = service.renewToken(mix.id());
        assertFalse(service.tokenMatches(mix.id(), mix.token()));
        assertTrue(service.tokenMatches(mix.id(), renewed));
        assertFalse(service.tokenMatches(mix.id(), null));
    }

    @Test
    void aStoppedMixEndsItsStreamsAndTakesNoListener() throws Exception {
        service = service(1);
        MixView mix = service.create(new Seed(null, "1", null), null);
        Listening listening = service.listen(mix.id(), new StreamKey(StreamFormat.WAV, 0));
        assertEquals(1, service.get(mix.id()).listeners());
        service.stop(mix.id());
        assertEquals(-1, listening.read(new byte[1024], 1000));
        listening.close();
        assertThrows(IllegalStateException.class, () -> service.listen(mix.id(),
                new StreamKey(StreamFormat.WAV, 0)));
        assertNull(service.get(mix.id()).nowPlaying() == null ? null : "not yet heard");
    }

    @Test
    void aRenderWritesANewFlacFileEveryTimeWithItsCueSheetBeside() throws Exception {
        service = service(1);
        MixView mix = service.create(new Seed(null, null, List.of("1", "2", "7")), null);
        RenderStatus first = awaitRender(mix.id(), StreamFormat.FLAC);
        RenderStatus second = awaitRender(mix.id(), StreamFormat.FLAC);
        assertEquals("DONE", first.state(), first.error());
        assertNotEquals(first.file(), second.file());
        Path file = Path.of(first.file());
        assertTrue(file.startsWith(data.resolve("renders")));
        Ffmpeg.Decoded decoded = Ffmpeg.decode(file);
        assertEquals("", decoded.errors());
        double fade = TestLibrary.SECONDS / 3;
        assertEquals(3 * TestLibrary.SECONDS - 2 * fade, decoded.seconds(), 0.5, "fades of a third of each track");
        String cue = Files.readString(Path.of(first.cueFile()), StandardCharsets.UTF_8);
        assertTrue(cue.contains("FILE \"" + file.getFileName() + "\" WAVE"), cue);
        assertTrue(cue.contains("TRACK 03 AUDIO"), cue);
        assertTrue(cue.contains("INDEX 01 00:40:00"), cue);
    }

    @Test
    void anMp3RenderStartsWithAnInfoFrameSoFfmpegDecodesExactlyTheMixsSamples() throws Exception {
        service = service(1);
        MixView mix = service.create(new Seed(null, null, List.of("1", "2", "7")), null);
        RenderStatus status = awaitRender(mix.id(), StreamFormat.MP3);
        assertEquals("DONE", status.state(), status.error());
        byte[] start = Files.readAllBytes(Path.of(status.file()));
        assertEquals("Info", new String(start, 36, 4, StandardCharsets.US_ASCII));
        assertEquals("LAME", new String(start, 156, 4, StandardCharsets.US_ASCII));
        Ffmpeg.Decoded decoded = Ffmpeg.decode(Path.of(status.file()));
        assertEquals("", decoded.errors());
        long fadeFrames = Math.round(TestLibrary.SECONDS / 3 * 44_100);
        assertEquals(3 * Math.round(TestLibrary.SECONDS * 44_100) - 2 * fadeFrames, decoded.frames(),
                "LAME's delay and padding are dropped: the CUE sheet's times hold to the sample");
    }

    @Test
    void aTrackPutNextAndOneTakenOutChangeThePlanAndWhatIsMixed() throws Exception {
        service = service(1);
        MixView mix = TestServices.awaitSecondTrackTaken(service,
                service.create(new Seed(null, null, List.of("1", "2", "7")), null).id());
        List<String> planned = ids(mix.plan());
        assertEquals(List.of("1", "2", "7"), planned.stream().sorted().toList());
        String last = planned.get(2);

        MixView removed = service.removeFromPlan(mix.id(), last);
        assertEquals(planned.subList(0, 2), ids(removed.plan()));
        MixView added = service.playNext(mix.id(), "5");
        List<String> plan = ids(added.plan());
        int at = plan.indexOf("5");
        assertEquals(2, at, "right after the tracks the render has taken: " + plan);
        List<String> expected = new ArrayList<>(planned.subList(0, 2));
        expected.add(at, "5");
        assertEquals(expected, plan);
        assertEquals("5", ids(service.playNext(mix.id(), "5").plan()).get(at), "put next again, it stays next");

        assertThrows(IllegalStateException.class, () -> service.removeFromPlan(mix.id(), planned.get(0)),
                "the playing track");
        assertThrows(NoSuchElementException.class, () -> service.removeFromPlan(mix.id(), last), "not planned");
        assertThrows(IllegalArgumentException.class, () -> service.playNext(mix.id(), "99"), "no such track");
        assertThrows(IllegalArgumentException.class, () -> service.removeFromPlan(mix.id(), "x"), "not an id");

        RenderStatus render = awaitRender(mix.id(), StreamFormat.FLAC);
        assertEquals("DONE", render.state(), render.error());
        Matcher titles = Pattern.compile("TITLE \"Track (\\d+)\"")
                .matcher(Files.readString(Path.of(render.cueFile()), StandardCharsets.UTF_8));
        List<String> mixed = new ArrayList<>();
        while (titles.find()) {
            mixed.add(titles.group(1));
        }
        assertEquals(plan, mixed, "the render mixes the edited plan");
    }

    @Test
    void aPlannedTrackMovesAmongThoseNotTakenAndTheRenderMixesTheNewOrder() throws Exception {
        service = service(1);
        MixView mix = TestServices.awaitSecondTrackTaken(service,
                service.create(new Seed(null, null, List.of("1", "2", "7", "3", "5")), null).id());
        List<String> planned = ids(mix.plan());
        int first = firstEditable(mix);
        assertTrue(first >= 1 && first < planned.size() - 1, "the playing track is not editable: " + mix.plan());
        String last = planned.get(planned.size() - 1);

        MixView up = service.moveInPlan(mix.id(), last, first);
        List<String> expected = new ArrayList<>(planned);
        expected.remove(last);
        expected.add(first, last);
        assertEquals(expected, ids(up.plan()));
        assertEquals(List.of(mix.id()), events.of(Topics.MIXER_MIX_PLAN_CHANGED).stream()
                .map(event -> event.getProperty(EventProperties.MIX_ID)).toList(), "a move changes the plan");
        String moved = planned.get(first);
        MixView down = service.moveInPlan(mix.id(), moved, planned.size() - 1);
        assertEquals(moved, ids(down.plan()).get(planned.size() - 1), "moved down to the end");

        assertThrows(IllegalStateException.class, () -> service.moveInPlan(mix.id(), planned.get(0), first),
                "the playing track stays where it is");
        assertThrows(IllegalStateException.class, () -> service.moveInPlan(mix.id(), last, 0),
                "nothing goes before the playing track");
        assertThrows(IllegalArgumentException.class, () -> service.moveInPlan(mix.id(), last, planned.size()));
        assertThrows(IllegalArgumentException.class, () -> service.moveInPlan(mix.id(), last, -1));
        assertThrows(NoSuchElementException.class, () -> service.moveInPlan(mix.id(), "4", first), "not planned");

        List<String> plan = ids(service.get(mix.id()).plan());
        RenderStatus render = awaitRender(mix.id(), StreamFormat.FLAC);
        assertEquals("DONE", render.state(), render.error());
        assertEquals(plan, cueTrackIds(Path.of(render.cueFile())), "the render mixes the new order");
    }

    @Test
    void extendingNeverBringsBackATrackTakenOutOfThePlanUnlessItIsPutNextAgain() {
        service = service(1);
        MixView mix = service.create(new Seed(null, "1", null), new MixOptions(3, null, null, null, 0, null, null));
        String out = mix.plan().get(2).trackId();
        assertTrue(mix.plan().get(2).editable(), mix.plan().toString());
        service.removeFromPlan(mix.id(), out);

        MixView longer = service.extend(mix.id(), 10);
        assertTrue(longer.plan().size() > 2, longer.planEnd());
        assertFalse(ids(longer.plan()).contains(out), "the planner chose " + out + " again: " + ids(longer.plan()));

        MixView back = service.playNext(mix.id(), out);
        assertTrue(ids(back.plan()).contains(out), "put next, it is planned again");
    }

    @Test
    void theMixPostsItsStartEachTrackListenersHearItsPlanChangesAndItsStopAndNeverItsToken() throws Exception {
        service = service(1);
        MixView mix = service.create(new Seed(null, null, List.of("1", "2", "7")), null);
        Event started = events.await(Topics.MIXER_MIX_STARTED, event -> true, Duration.ofSeconds(5));
        assertEquals(mix.id(), started.getProperty(EventProperties.MIX_ID));
        assertEquals(3L, started.getProperty(EventProperties.TOTAL));

        long firstId = Long.parseLong(mix.plan().get(0).trackId());
        Event first = events.await(Topics.MIXER_MIX_TRACK_CHANGED,
                event -> firstId == (Long) event.getProperty(EventProperties.TRACK_ID), Duration.ofSeconds(10));
        assertEquals(0.0, (Double) first.getProperty(EventProperties.POSITION_SECONDS));
        assertEquals("Odd Artist 1 - Track 1", first.getProperty(EventProperties.TRACK_NAME));

        service.skip(mix.id());
        long secondId = Long.parseLong(mix.plan().get(1).trackId());
        Event second = events.await(Topics.MIXER_MIX_TRACK_CHANGED,
                event -> secondId == (Long) event.getProperty(EventProperties.TRACK_ID), Duration.ofSeconds(10));
        MixView after = service.get(mix.id());
        assertEquals(Long.toString(secondId), after.nowPlaying().trackId(), "the event comes once listeners hear it");
        assertEquals(after.nowPlaying().startSeconds(), (Double) second.getProperty(EventProperties.POSITION_SECONDS),
                1e-9);
        assertTrue(after.nowPlaying().startSeconds() < TestLibrary.SECONDS / 2, "a skip, not the planned transition");

        MixView edited = service.playNext(mix.id(), "5");
        Event changed = events.await(Topics.MIXER_MIX_PLAN_CHANGED, event -> true, Duration.ofSeconds(5));
        assertEquals(mix.id(), changed.getProperty(EventProperties.MIX_ID));
        assertEquals((long) edited.plan().size(), changed.getProperty(EventProperties.TOTAL));
        service.extend(mix.id(), 2);
        assertEquals(2, events.of(Topics.MIXER_MIX_PLAN_CHANGED).size());

        service.stop(mix.id());
        service.stop(mix.id());
        Event stopped = events.await(Topics.MIXER_MIX_STOPPED, event -> true, Duration.ofSeconds(5));
        assertEquals("STOPPED", stopped.getProperty(EventProperties.STATE));
        assertEquals(1, events.of(Topics.MIXER_MIX_STOPPED).size(), "a second stop posts nothing");

        for (Event event : events.all()) {
            assertTrue(event.getTopic().startsWith("org/deckhand/mixer/mix/"), event.getTopic());
            for (String name : event.getPropertyNames()) {
                assertFalse(String.valueOf(event.getProperty(name)).contains(mix.token()),
                        event.getTopic() + " carries the stream token in " + name);
            }
        }
    }

    @Test
    void aMixThatPlaysItsWholePlanPostsStoppedAsEnded() throws Exception {
        service = new MixService(new TestLibrary(), TestLibrary.opener(), new CueSheetService(), events,
                TestLibrary.configuration(1, "", 2 * TestLibrary.SECONDS, 3600), data);
        MixView mix = service.create(new Seed(null, null, List.of("1")), null);
        Event ended = events.await(Topics.MIXER_MIX_STOPPED, event -> true, Duration.ofSeconds(60));
        assertEquals(mix.id(), ended.getProperty(EventProperties.MIX_ID));
        assertEquals("ENDED", ended.getProperty(EventProperties.STATE));
        assertEquals("ENDED", service.get(mix.id()).state());
    }

    @Test
    void aRenderPostsItsCompletionWithItsFile() throws Exception {
        service = service(1);
        MixView mix = service.create(new Seed(null, null, List.of("1", "2")), null);
        RenderStatus status = awaitRender(mix.id(), StreamFormat.FLAC);
        assertEquals("DONE", status.state(), status.error());
        Event completed = events.await(Topics.MIXER_RENDER_COMPLETED, event -> true, Duration.ofSeconds(5));
        assertEquals(mix.id(), completed.getProperty(EventProperties.MIX_ID));
        assertEquals(status.file(), completed.getProperty(EventProperties.PATH));
        assertTrue((Double) completed.getProperty(EventProperties.DURATION_SECONDS) > 0);
    }

    private static int firstEditable(MixView mix) {
        for (int index = 0; index < mix.plan().size(); index++) {
            if (mix.plan().get(index).editable()) {
                return index;
            }
        }
        throw new AssertionError("nothing in the plan can be edited: " + mix.plan());
    }

    private static List<String> cueTrackIds(Path cue) throws Exception {
        Matcher titles = Pattern.compile("TITLE \"Track (\\d+)\"").matcher(Files.readString(cue,
                StandardCharsets.UTF_8));
        List<String> mixed = new ArrayList<>();
        while (titles.find()) {
            mixed.add(titles.group(1));
        }
        return mixed;
    }

    private RenderStatus awaitRender(String id, StreamFormat format) throws Exception {
        service.render(id, format);
        long deadline = System.nanoTime() + 60_000_000_000L;
        RenderStatus status = service.renderStatus(id);
        while ("RUNNING".equals(status.state()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = service.renderStatus(id);
        }
        return status;
    }

    private MixService service(int maxMixes) {
        return new MixService(new TestLibrary(), TestLibrary.opener(), new CueSheetService(), events,
                TestLibrary.configuration(maxMixes), data);
    }

    private static List<String> ids(List<EntryView> entries) {
        return entries.stream().map(EntryView::trackId).toList();
    }
}
