package org.deckhand.analysis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.deckhand.api.analysis.Analyser;
import org.deckhand.api.analysis.AnalyserDescriptor;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.AnalysisContext;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.analysis.PcmBlock;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.analysis.ResultField;
import org.deckhand.api.analysis.ValueType;
import org.deckhand.api.audio.AudioDecoder;
import org.deckhand.api.audio.DecodedAudio;
import org.deckhand.api.catalog.AnalyserRun;
import org.deckhand.api.catalog.AnalysisPriority;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.Track;
import org.deckhand.api.library.TrackMetadata;
import org.deckhand.catalog.internal.DerbyCatalog;
import org.deckhand.decoder.internal.FileAudioDecoder;
import org.deckhand.plugin.misbehaving.HangingAnalyser;
import org.deckhand.plugin.misbehaving.ThrowingAnalyser;
import org.deckhand.testing.RecordingEventAdmin;
import org.deckhand.testing.database.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The pipeline over real WAV files, the real decoder and a real catalog, with analysers that behave and do not. */
class AnalysisPipelineTest {

    private static final int SOURCE_RATE_HZ = 44_100;
    private static final double SECONDS = 2.0;

    @TempDir
    Path folder;

    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    private DerbyCatalog catalog;
    private AnalysisPipeline pipeline;

    @BeforeEach
    void open() throws SQLException, IOException {
        catalog = new DerbyCatalog(folder.resolve("catalog"), TestDatabases.engine());
    }

    @AfterEach
    void close() throws InterruptedException, SQLException {
        if (pipeline != null) {
            pipeline.stop();
        }
        catalog.close();
    }

    @Test
    void eachAnalyserGetsTheWholeTrackInItsFormatAndTheFilesDigestIsStored() throws Exception {
        Path wav = stereoWav("tone.wav");
        long id = add(wav);
        FrameCounter mono = new FrameCounter("count.mono", new PcmFormat(22_050, 1));
        FrameCounter stereo = new FrameCounter("count.source", PcmFormat.atSourceRate(2));

        start(1, mono, stereo);
        newFile(id);

        await(() -> catalog.size() == 0 && runs(id).size() == 2);
        Map<String, Object> monoValues = values(id, "count.mono");
        assertEquals(22_050.0 * SECONDS, (double) (Long) monoValues.get("frames"), 64, "resampled to 22.05 kHz");
        assertEquals(22_050L, monoValues.get("rateHz"));
        assertEquals(1L, monoValues.get("channels"));
        assertEquals(2L, monoValues.get("fileChannels"), "the file's own channel count comes with the downmix");
        Map<String, Object> sourceValues = values(id, "count.source");
        assertEquals((long) (SOURCE_RATE_HZ * SECONDS), sourceValues.get("frames"));
        assertEquals((long) SOURCE_RATE_HZ, sourceValues.get("rateHz"));
        assertEquals(sha256(wav), catalog.get(id).orElseThrow().track().file().sha256());
        Event completed = eventAdmin.all().stream().filter(e -> e.getTopic().equals(Topics.ANALYSIS_TRACK_COMPLETED))
                .findFirst().orElseThrow();
        assertEquals(id, completed.getProperty(EventProperties.TRACK_ID));
        await(() -> eventAdmin.all().stream().anyMatch(e -> e.getTopic().equals(Topics.ANALYSIS_QUEUE_PROGRESS)
                && Integer.valueOf(0).equals(e.getProperty(EventProperties.QUEUED))
                && Long.valueOf(1).equals(e.getProperty(EventProperties.DONE))));
    }

    /**
     * A listener that reads the catalog when it is told of a track finds all the run stored: every result, every
     * failure and the file's digest, whatever order the analysers ran and failed in.
     */
    @Test
    void aTracksEventsArePostedOnceAllItsRunIsStored() throws Exception {
        Path wav = stereoWav("tone.wav");
        long id = add(wav);
        List<String> toldAndFound = Collections.synchronizedList(new ArrayList<>());
        EventAdmin readsTheCatalog = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                if (List.of(Topics.ANALYSIS_TRACK_FAILED, Topics.ANALYSIS_TRACK_COMPLETED).contains(event.getTopic())) {
                    toldAndFound.add(event.getTopic() + ": " + stored(id));
                }
                eventAdmin.postEvent(event);
            }

            @Override
            public void sendEvent(Event event) {
                postEvent(event);
            }
        };
        pipeline = new AnalysisPipeline(catalog, catalog, new FileAudioDecoder(), readsTheCatalog, configuration(1));
        pipeline.addAnalyser(new FrameCounter("count.first", PcmFormat.MONO_44100));
        pipeline.addAnalyser(new ThrowingAnalyser());
        pipeline.addAnalyser(new FrameCounter("zcount.last", PcmFormat.MONO_44100));
        newFile(id);

        eventAdmin.await(Topics.ANALYSIS_TRACK_COMPLETED, event -> true, Duration.ofSeconds(30));
        String all = "results [count.first, zcount.last], failed [misbehaving.throw], SHA-256 " + sha256(wav);
        assertEquals(List.of(Topics.ANALYSIS_TRACK_FAILED + ": " + all, Topics.ANALYSIS_TRACK_COMPLETED + ": " + all),
                toldAndFound);
    }

    @Test
    void theAnalysesOfATrackShareOneContextAndTheNextTrackGetsItsOwn() throws Exception {
        long first = add(stereoWav("first.wav"));
        long second = add(stereoWav("second.wav"));
        Map<Long, List<Object>> shared = new ConcurrentHashMap<>();

        start(1, new ContextReader("share.mono", PcmFormat.MONO_44100, shared),
                new ContextReader("share.source", PcmFormat.atSourceRate(2), shared));
        newFile(first);
        newFile(second);

        await(() -> catalog.size() == 0 && runs(first).size() == 2 && runs(second).size() == 2);
        for (long id : List.of(first, second)) {
            assertEquals(2, shared.get(id).size());
            assertSame(shared.get(id).get(0), shared.get(id).get(1), "both analysers, in two formats, share one");
        }
        assertNotSame(shared.get(first).get(0), shared.get(second).get(0), "each track's run has its own context");
    }

    @Test
    void theQueueListsTheTrackBeingAnalysedAsRunningAndNotAlsoAsWaiting() throws Exception {
        long first = add(stereoWav("first.wav"));
        long second = add(stereoWav("second.wav"));
        pipeline = new AnalysisPipeline(catalog, catalog, new FileAudioDecoder(), eventAdmin, configuration(1, 30));
        pipeline.addAnalyser(new HangingAnalyser());
        newFile(first);
        newFile(second);

        await(() -> !pipeline.running().isEmpty());
        AnalysisQueueResource.QueueView queue = new AnalysisQueueResource(catalog, pipeline).queue();

        assertEquals(1, queue.running().size());
        long running = queue.running().get(0).trackId();
        long other = running == first ? second : first;
        assertEquals(List.of(other), queue.next().stream().map(AnalysisQueueResource.Waiting::trackId).toList());
        assertEquals(2, queue.queued(), "both are in the queue");
        assertEquals(1, queue.waiting(), "one waits, one is analysed");
        assertEquals(1, queue.workers());
    }

    @Test
    void overshootReachesOnlyTheAnalysersThatAskForUnclippedAudio() throws Exception {
        long id = add(floatWav("overshooting.wav", 1.5));
        FrameCounter clipped = new FrameCounter("count.clipped", PcmFormat.atSourceRate(2));
        FrameCounter unclipped = new FrameCounter("count.unclipped", PcmFormat.atSourceRate(2), true);
        FrameCounter resampled = new FrameCounter("count.mono", new PcmFormat(22_050, 1));

        start(1, clipped, unclipped, resampled);
        newFile(id);

        await(() -> catalog.size() == 0 && runs(id).size() == 3);
        assertEquals(1.0, (Double) values(id, "count.clipped").get("peak"), 1e-6, "clipped, as a player plays it");
        assertEquals(1.5, (Double) values(id, "count.unclipped").get("peak"), 1e-3, "as the file holds it");
        assertEquals(1.0, (Double) values(id, "count.mono").get("peak"), 1e-6, "clipped after the conversion");
    }

    @Test
    void anAnalyserThatThrowsOrHangsFailsAloneAndTheOthersCarryOn() throws Exception {
        long first = add(stereoWav("first.wav"));
        long second = add(stereoWav("second.wav"));
        FrameCounter counter = new FrameCounter("count", PcmFormat.MONO_44100);

        start(1, counter, new ThrowingAnalyser(), new HangingAnalyser());
        newFile(first);
        newFile(second);

        await(() -> catalog.size() == 0 && runs(first).size() == 3 && runs(second).size() == 3);
        for (long id : List.of(first, second)) {
            Map<String, String> failures = failures(id);
            assertEquals(Map.of("count", "",
                    "misbehaving.throw", "it threw java.lang.IllegalStateException: " + ThrowingAnalyser.FAILURE,
                    "misbehaving.hang", "it did not return within 1 s"), failures);
            assertNotNull(values(id, "count").get("frames"));
        }
        assertTrue(eventAdmin.all().stream().anyMatch(e -> e.getTopic().equals(Topics.ANALYSIS_TRACK_FAILED)
                && "misbehaving.hang".equals(e.getProperty(EventProperties.ANALYSER_ID))));
    }

    @Test
    void anAnalyserThatReturnsAfterItsTimeoutLeavesTheOthersRunExactlyOnce() throws Exception {
        long first = add(stereoWav("first.wav"));
        long second = add(stereoWav("second.wav"));
        FrameCounter before = new FrameCounter("count.before", PcmFormat.MONO_44100);
        FrameCounter after = new FrameCounter("count.after", PcmFormat.MONO_44100);

        start(1, before, new LateAnalyser(1500), after);
        newFile(first);
        newFile(second);

        await(() -> catalog.size() == 0 && runs(first).size() == 3 && runs(second).size() == 3);
        for (long id : List.of(first, second)) {
            assertEquals("it did not return within 1 s", failures(id).get("late"));
            for (String counter : List.of("count.before", "count.after")) {
                assertEquals((long) (SOURCE_RATE_HZ * SECONDS), values(id, counter).get("frames"),
                        counter + " was given every block once, though the late call came back on its old thread");
            }
        }
    }

    @Test
    void anAnalyserThatHangsOnThreeTracksInARowIsQuarantinedUntilItComesBack() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(add(stereoWav("track" + i + ".wav")));
        }
        HangingAnalyser hanging = new HangingAnalyser();
        start(1, new FrameCounter("count", PcmFormat.MONO_44100), hanging);
        ids.forEach(this::newFile);

        await(() -> catalog.size() == 0 && ids.stream().allMatch(id -> runs(id).size() == 2));
        Map<String, Long> hangFailures = ids.stream().map(id -> failures(id).get("misbehaving.hang"))
                .collect(Collectors.groupingBy(failure -> failure, Collectors.counting()));
        assertEquals(Map.of("it did not return within 1 s", 3L, "not run: it did not return within 1 s on 3 tracks in"
                + " a row, so it is quarantined until its plugin is reloaded", 2L), hangFailures);
        assertTrue(pipeline.analysers().stream().anyMatch(entry -> entry.quarantined()));

        pipeline.removeAnalyser(hanging);
        pipeline.addAnalyser(hanging);

        assertTrue(pipeline.analysers().stream().noneMatch(entry -> entry.quarantined()),
                "a plugin reloaded is called again");
    }

    @Test
    void anAnalyserThatAppearsLaterIsRunOverEveryTrackItHasNotSeen() throws Exception {
        long first = add(stereoWav("first.wav"));
        long second = add(stereoWav("second.wav"));
        start(1, new FrameCounter("count", PcmFormat.MONO_44100));
        newFile(first);
        newFile(second);
        await(() -> catalog.size() == 0 && runs(second).size() == 1);

        pipeline.addAnalyser(new FrameCounter("late", PcmFormat.MONO_44100));

        await(() -> catalog.size() == 0 && runs(first).size() == 2 && runs(second).size() == 2);
        assertEquals(failures(first), Map.of("count", "", "late", ""));
    }

    @Test
    void aFileNoDecoderReadsFailsEveryAnalyserWithTheReason() throws Exception {
        Path text = Files.writeString(folder.resolve("notes.wav"), "not audio at all");
        long id = add(text);

        start(1, new FrameCounter("count", PcmFormat.MONO_44100));
        newFile(id);

        await(() -> catalog.size() == 0 && runs(id).size() == 1);
        String failure = failures(id).get("count");
        assertTrue(failure.contains("notes.wav"), failure);
    }

    @Test
    void aDecoderThatNeverReturnsFailsItsTrackAndTheNextTrackIsAnalysed() throws Exception {
        long stuck = add(stereoWav("stuck.wav"));
        long next = add(stereoWav("next.wav"));
        pipeline = new AnalysisPipeline(catalog, catalog, new StallingDecoder("stuck.wav"), eventAdmin,
                configuration(1));
        pipeline.addAnalyser(new FrameCounter("count", PcmFormat.MONO_44100));
        newFile(stuck);
        newFile(next);

        await(() -> catalog.size() == 0 && runs(stuck).size() == 1 && runs(next).size() == 1);
        String failure = failures(stuck).get("count");
        assertTrue(failure.startsWith("decoding stopped at 0.0 s: the decoder did not return"), failure);
        assertEquals("", failures(next).get("count"));
        assertEquals((long) (SOURCE_RATE_HZ * SECONDS), values(next, "count").get("frames"));
    }

    @Test
    void anErrorThrownByTheDecoderFailsOnlyItsTrackAndTheNextTrackIsAnalysed() throws Exception {
        long exhausting = add(stereoWav("exhausting.wav"));
        long deep = add(stereoWav("deep.wav"));
        long next = add(stereoWav("next.wav"));
        catalog.request(List.of(next, deep, exhausting), AnalysisPriority.NEW_FILE, false);
        pipeline = new AnalysisPipeline(catalog, catalog, new ErringDecoder(), eventAdmin, configuration(1));
        pipeline.addAnalyser(new FrameCounter("count", PcmFormat.MONO_44100));

        await(() -> catalog.size() == 0 && runs(next).size() == 1);
        String outOfMemory = failures(exhausting).get("count");
        assertTrue(outOfMemory.contains("exhausting.wav") && outOfMemory.contains("java.lang.OutOfMemoryError: "
                + ErringDecoder.CLAIM), outOfMemory);
        String overflow = failures(deep).get("count");
        assertTrue(overflow.startsWith("decoding stopped at 0.0 s") && overflow.contains("deep.wav")
                && overflow.contains("java.lang.StackOverflowError"), overflow);
        assertEquals("", failures(next).get("count"));
        assertEquals((long) (SOURCE_RATE_HZ * SECONDS), values(next, "count").get("frames"));
        assertEquals(1, pipeline.workerCount());
    }

    @Test
    void anErrorThrownByAnAnalyserFailsItAloneOnThatTrackAndTheNextTrackIsAnalysed() throws Exception {
        long first = add(stereoWav("first.wav"));
        long second = add(stereoWav("second.wav"));
        catalog.request(List.of(second, first), AnalysisPriority.NEW_FILE, false);

        start(1, new FrameCounter("count", PcmFormat.MONO_44100), new ExhaustingAnalyser("first.wav"));

        await(() -> catalog.size() == 0 && runs(first).size() == 2 && runs(second).size() == 2);
        assertEquals(Map.of("count", "", "exhausting", "it threw java.lang.OutOfMemoryError: " + ErringDecoder.CLAIM),
                failures(first));
        assertEquals(Map.of("count", "", "exhausting", ""), failures(second));
    }

    @Test
    void aTrackWhoseAnalysisStoppedTheServerIsFailedAtTheNextStartAndAnalysedAgainOnlyWhenAsked() throws Exception {
        long crashing = add(stereoWav("crashing.wav"));
        long next = add(stereoWav("next.wav"));
        catalog.request(List.of(next), AnalysisPriority.NEW_FILE, false);
        catalog.request(List.of(crashing), AnalysisPriority.NEW_FILE, false);
        AnalysisPipeline dying = new AnalysisPipeline(catalog, catalog, new StallingDecoder("crashing.wav"),
                eventAdmin, configuration(1, 600));
        try {
            dying.addAnalyser(new FrameCounter("count", PcmFormat.MONO_44100));
            await(() -> dying.running().stream().anyMatch(track -> track.trackId() == crashing));

            // The server dies here, its worker stuck in crashing.wav; the next start opens the same catalog.
            DerbyCatalog restarted = new DerbyCatalog(folder.resolve("catalog"), TestDatabases.engine());
            start(restarted, new FrameCounter("count", PcmFormat.MONO_44100));

            await(() -> restarted.size() == 0 && runs(next).size() == 1);
            assertEquals(Map.of("count", AnalysisPipeline.STOPPED_SERVER), failures(crashing));
            assertEquals(Map.of("count", ""), failures(next));
            pipeline.addAnalyser(new FrameCounter("late", PcmFormat.MONO_44100));
            await(() -> restarted.size() == 0 && runs(next).size() == 2);
            assertEquals(Map.of("count", AnalysisPipeline.STOPPED_SERVER), failures(crashing),
                    "an analyser that appears does not run over a quarantined track");

            pipeline.requestByUser(crashing);

            await(() -> failures(crashing).equals(Map.of("count", "", "late", "")));
        } finally {
            dying.stop();
        }
    }

    @Test
    void aFailureWhileTheAnalysersPluginGoesIsNotKeptAndItsNextRevisionRunsOverTheTrack() throws Exception {
        long id = add(stereoWav("tone.wav"));
        VanishingAnalyser vanishing = new VanishingAnalyser();
        start(1, new FrameCounter("count", PcmFormat.MONO_44100), vanishing);
        newFile(id);
        await(() -> vanishing.gone && catalog.size() == 0 && runs(id).size() == 1);
        assertEquals(Map.of("count", ""), failures(id), "the failure of a plugin going away is not the track's");

        pipeline.addAnalyser(new FrameCounter(VanishingAnalyser.ID, PcmFormat.MONO_44100));

        await(() -> catalog.size() == 0 && runs(id).size() == 2);
        assertEquals(Map.of("count", "", VanishingAnalyser.ID, ""), failures(id));
    }

    @Test
    void aStartingPipelineTakesUpTheTracksTheCatalogHasQueued() throws Exception {
        long id = add(stereoWav("tone.wav"));
        catalog.request(List.of(id), AnalysisPriority.NEW_FILE, false);

        start(1, new FrameCounter("count", PcmFormat.MONO_44100));

        await(() -> catalog.size() == 0 && runs(id).size() == 1);
    }

    private void start(int workers, Analyser... analysers) {
        pipeline = new AnalysisPipeline(catalog, catalog, new FileAudioDecoder(), eventAdmin, configuration(workers));
        for (Analyser analyser : analysers) {
            pipeline.addAnalyser(analyser);
        }
    }

    /** Starts a pipeline, with one worker, on another catalog over the same database, as a server's next start. */
    private void start(DerbyCatalog restarted, Analyser... analysers) {
        pipeline = new AnalysisPipeline(restarted, restarted, new FileAudioDecoder(), eventAdmin, configuration(1));
        for (Analyser analyser : analysers) {
            pipeline.addAnalyser(analyser);
        }
    }

    private void newFile(long id) {
        pipeline.handleEvent(new Event(Topics.LIBRARY_FILE_ADDED, Map.of(EventProperties.TRACK_ID, id)));
    }

    private long add(Path file) throws IOException {
        AudioFile audioFile = new AudioFile(file, Files.size(file), Files.getLastModifiedTime(file).toInstant(),
                "wav", file.getFileName().toString(), null);
        TrackMetadata metadata = new TrackMetadata("wav", Tags.NONE,
                new AudioProperties("pcm", SECONDS, 1411, SOURCE_RATE_HZ, 16, 2, true), ReplayGain.NONE, false,
                List.of());
        return catalog.add(audioFile, metadata, Instant.now()).id();
    }

    private List<AnalyserRun> runs(long id) {
        return catalog.runs(id);
    }

    private Map<String, String> failures(long id) {
        return runs(id).stream().collect(Collectors.toMap(AnalyserRun::analyserId,
                run -> run.failure() == null ? "" : run.failure()));
    }

    /** @return what the catalog holds of a track's analysis: its results, its failed runs and its digest */
    private String stored(long id) {
        CatalogTrack track = catalog.get(id).orElseThrow();
        return "results " + track.track().analyses().stream().map(AnalysisResult::analyserId).sorted().toList()
                + ", failed " + runs(id).stream().filter(run -> !run.succeeded()).map(AnalyserRun::analyserId)
                        .sorted().toList()
                + ", SHA-256 " + track.track().file().sha256();
    }

    private Map<String, Object> values(long id, String analyserId) {
        CatalogTrack track = catalog.get(id).orElseThrow();
        return track.track().analyses().stream().filter(r -> r.analyserId().equals(analyserId)).findFirst()
                .orElseThrow(() -> new AssertionError(analyserId + " has no result: " + failures(id))).values();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(50);
        }
    }

    /** Writes a 2 s, 44.1 kHz, 16-bit stereo WAV: 440 Hz on the left, 660 Hz on the right. */
    private Path stereoWav(String name) throws IOException {
        int frames = (int) (SOURCE_RATE_HZ * SECONDS);
        ByteBuffer pcm = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            pcm.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / SOURCE_RATE_HZ)));
            pcm.putShort((short) (8000 * Math.sin(2 * Math.PI * 660 * i / SOURCE_RATE_HZ)));
        }
        AudioFormat format = new AudioFormat(SOURCE_RATE_HZ, 16, 2, true, false);
        Path file = folder.resolve(name);
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, frames)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    /** Writes a 2 s, 44.1 kHz, 32-bit float stereo WAV of a 440 Hz sine of the given peak, 1.0 at full scale. */
    private Path floatWav(String name, double peak) throws IOException {
        int frames = (int) (SOURCE_RATE_HZ * SECONDS);
        int dataBytes = frames * 2 * Float.BYTES;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 3).putShort((short) 2).putInt(SOURCE_RATE_HZ)
                .putInt(SOURCE_RATE_HZ * 2 * Float.BYTES).putShort((short) (2 * Float.BYTES)).putShort((short) 32)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (int i = 0; i < frames; i++) {
            float sample = (float) (peak * Math.sin(2 * Math.PI * 440 * i / SOURCE_RATE_HZ));
            wav.putFloat(sample).putFloat(sample);
        }
        return Files.write(folder.resolve(name), wav.array());
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static AnalysisConfiguration configuration(int workers) {
        return configuration(workers, 1);
    }

    private static AnalysisConfiguration configuration(int workers, int callTimeoutSeconds) {
        return new AnalysisConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AnalysisConfiguration.class;
            }

            @Override
            public int workers() {
                return workers;
            }

            @Override
            public int callTimeoutSeconds() {
                return callTimeoutSeconds;
            }

            @Override
            public int runTimeoutSeconds() {
                return 60;
            }
        };
    }

    /** The real decoder, except that reading one file never returns, as a decoder stuck on a dead network share. */
    private static final class StallingDecoder implements AudioDecoder {

        private final AudioDecoder real = new FileAudioDecoder();
        private final String stallingName;

        StallingDecoder(String stallingName) {
            this.stallingName = stallingName;
        }

        @Override
        public DecodedAudio open(Path file) throws IOException {
            return stallingIfNamed(file, real.open(file));
        }

        @Override
        public DecodedAudio openUnclipped(Path file) throws IOException {
            return stallingIfNamed(file, real.openUnclipped(file));
        }

        private DecodedAudio stallingIfNamed(Path file, DecodedAudio audio) {
            if (!file.getFileName().toString().equals(stallingName)) {
                return audio;
            }
            return new DecodedAudio() {
                @Override
                public PcmFormat format() {
                    return audio.format();
                }

                @Override
                public String decoderName() {
                    return audio.decoderName();
                }

                @Override
                public int read(float[][] into, int maxFrames) {
                    LockSupport.park();
                    return 0;
                }

                @Override
                public String sha256() throws IOException {
                    return audio.sha256();
                }

                @Override
                public void close() throws IOException {
                    audio.close();
                }
            };
        }
    }

    /**
     * The real decoder, except that it runs out of memory opening {@code exhausting.wav}, as jflac did on a FLAC
     * whose VORBIS_COMMENT block claimed 2^31 comments, and overflows its stack reading {@code deep.wav}.
     */
    private static final class ErringDecoder implements AudioDecoder {

        static final String CLAIM = "Requested array size exceeds VM limit";

        private final AudioDecoder real = new FileAudioDecoder();

        @Override
        public DecodedAudio open(Path file) throws IOException {
            return openUnclipped(file);
        }

        @Override
        public DecodedAudio openUnclipped(Path file) throws IOException {
            String name = file.getFileName().toString();
            if (name.equals("exhausting.wav")) {
                throw new OutOfMemoryError(CLAIM);
            }
            DecodedAudio audio = real.openUnclipped(file);
            if (!name.equals("deep.wav")) {
                return audio;
            }
            return new DecodedAudio() {
                @Override
                public PcmFormat format() {
                    return audio.format();
                }

                @Override
                public String decoderName() {
                    return audio.decoderName();
                }

                @Override
                public int read(float[][] into, int maxFrames) {
                    throw new StackOverflowError();
                }

                @Override
                public String sha256() throws IOException {
                    return audio.sha256();
                }

                @Override
                public void close() throws IOException {
                    audio.close();
                }
            };
        }
    }

    /** An analyser that runs out of memory on one file and counts the blocks of the others. */
    private static final class ExhaustingAnalyser implements Analyser {

        private final String exhaustingName;
        private final AnalyserDescriptor descriptor = new AnalyserDescriptor("exhausting", "1", PcmFormat.MONO_44100,
                List.of(new ResultField("blocks", ValueType.INTEGER, "", "Blocks received.")));

        ExhaustingAnalyser(String exhaustingName) {
            this.exhaustingName = exhaustingName;
        }

        @Override
        public AnalyserDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public Analysis begin(Track track, PcmFormat format) {
            boolean exhausting = track.file().path().getFileName().toString().equals(exhaustingName);
            return new Analysis() {
                private long blocks;

                @Override
                public void process(PcmBlock block) {
                    if (exhausting) {
                        throw new OutOfMemoryError(ErringDecoder.CLAIM);
                    }
                    blocks++;
                }

                @Override
                public AnalysisResult finish() {
                    return AnalysisResult.of(descriptor, Map.of("blocks", blocks));
                }
            };
        }
    }

    /**
     * An analyser whose plugin is updated while it analyses: its service goes away, and its next class cannot be
     * loaded from the closed bundle, as Felix answers once the old revision is refreshed.
     */
    private final class VanishingAnalyser implements Analyser {

        static final String ID = "vanishing";

        private final AnalyserDescriptor descriptor = new AnalyserDescriptor(ID, "1", PcmFormat.MONO_44100,
                List.of(new ResultField("frames", ValueType.INTEGER, "", "Frames received.")));
        private volatile boolean gone;

        @Override
        public AnalyserDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public Analysis begin(Track track, PcmFormat format) {
            return new Analysis() {
                @Override
                public void process(PcmBlock block) {
                    pipeline.removeAnalyser(VanishingAnalyser.this);
                    gone = true;
                    throw new NoClassDefFoundError("org/deckhand/plugin/vanishing/VanishingAnalyser$1");
                }

                @Override
                public AnalysisResult finish() {
                    throw new IllegalStateException("never reached");
                }
            };
        }
    }

    /** An analyser whose first call on each track's audio returns only after a delay longer than the timeout. */
    private static final class LateAnalyser implements Analyser {

        private final long delayMillis;
        private final AnalyserDescriptor descriptor = new AnalyserDescriptor("late", "1", PcmFormat.MONO_44100,
                List.of(new ResultField("blocks", ValueType.INTEGER, "", "Blocks received.")));

        LateAnalyser(long delayMillis) {
            this.delayMillis = delayMillis;
        }

        @Override
        public AnalyserDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public Analysis begin(Track track, PcmFormat format) {
            return new Analysis() {
                private long blocks;

                @Override
                public void process(PcmBlock block) {
                    long until = System.nanoTime() + delayMillis * 1_000_000;
                    while (blocks == 0 && System.nanoTime() < until) {
                        LockSupport.parkNanos(until - System.nanoTime());
                    }
                    blocks++;
                }

                @Override
                public AnalysisResult finish() {
                    return AnalysisResult.of(descriptor, Map.of("blocks", blocks));
                }
            };
        }
    }

    /** Counts the frames it receives, finds their peak, and reports the format it was given. */
    /** Takes the object shared under one key from the run's context, and keeps it by track for the test. */
    private static final class ContextReader implements Analyser {

        private final AnalyserDescriptor descriptor;
        private final Map<Long, List<Object>> shared;

        ContextReader(String id, PcmFormat format, Map<Long, List<Object>> shared) {
            this.descriptor = new AnalyserDescriptor(id, "1", format, List.of());
            this.shared = shared;
        }

        @Override
        public AnalyserDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public Analysis begin(Track track, PcmFormat format) {
            throw new AssertionError("the pipeline gives the run's context");
        }

        @Override
        public Analysis begin(Track track, PcmFormat format, PcmFormat source, AnalysisContext context) {
            shared.computeIfAbsent(track.id(), id -> Collections.synchronizedList(new ArrayList<>()))
                    .add(context.shared("test.shared", Object.class, Object::new));
            return new Analysis() {
                @Override
                public void process(PcmBlock block) {
                }

                @Override
                public AnalysisResult finish() {
                    return AnalysisResult.of(descriptor, Map.of());
                }
            };
        }
    }

    private static final class FrameCounter implements Analyser {

        private final AnalyserDescriptor descriptor;

        FrameCounter(String id, PcmFormat format) {
            this(id, format, false);
        }

        FrameCounter(String id, PcmFormat format, boolean unclipped) {
            descriptor = new AnalyserDescriptor(id, "1", format, List.of(
                    new ResultField("frames", ValueType.INTEGER, "samples", "Frames received."),
                    new ResultField("peak", ValueType.NUMBER, "", "Largest absolute sample, 1.0 at full scale."),
                    new ResultField("rateHz", ValueType.INTEGER, "Hz", "Sample rate given."),
                    new ResultField("channels", ValueType.INTEGER, "", "Channels given."),
                    new ResultField("fileChannels", ValueType.INTEGER, "", "Channels of the file as decoded.")),
                    unclipped);
        }

        @Override
        public AnalyserDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public Analysis begin(Track track, PcmFormat format) {
            throw new AssertionError("the pipeline tells the file's format");
        }

        @Override
        public Analysis begin(Track track, PcmFormat format, PcmFormat source) {
            return new Analysis() {
                private long frames;
                private double peak;

                @Override
                public void process(PcmBlock block) {
                    frames += block.frames();
                    for (float[] channel : block.samples()) {
                        for (int i = 0; i < block.frames(); i++) {
                            peak = Math.max(peak, Math.abs(channel[i]));
                        }
                    }
                }

                @Override
                public AnalysisResult finish() {
                    return AnalysisResult.of(descriptor, Map.of("frames", frames, "peak", peak,
                            "rateHz", (long) format.sampleRateHz(), "channels", (long) format.channels(),
                            "fileChannels", (long) source.channels()));
                }
            };
        }
    }
}
