package org.deckhand.analysis.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.deckhand.analysis.internal.BenchCorpus.AudioItem;
import org.deckhand.api.analysis.Analyser;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.AnalysisContext;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.analysis.PcmBlock;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.audio.AudioDecoder;
import org.deckhand.api.audio.DecodedAudio;
import org.deckhand.api.catalog.AnalysisLedger;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.Track;
import org.deckhand.decoder.internal.FileAudioDecoder;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Runs the pipeline's own code over one file at a time on the calling thread, as one worker of the server does: the
 * real {@link FileAudioDecoder}, {@link TrackAnalysis} with its conversion to each analyser's format, its
 * {@link CallGuard} thread and fresh {@link AnalyserSlot}s per track, with the server's default timeouts. Only the
 * catalog differs: results stay in the slots instead of going to Derby, so that the figures are decode and analysis
 * alone. Measures CPU time per thread (the worker and its guard thread take turns, so together they use one core),
 * each analyser's CPU time through a {@link TimedAnalyser}, and wall time.
 */
final class BenchPipeline implements AutoCloseable {

    private static final String GUARD_THREAD = "analysis-bench-guard";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AudioDecoder decoder = new FileAudioDecoder();
    private final List<TimedAnalyser> analysers;
    private final long runTimeoutNanos;
    private final CallGuard guard;
    private final ResamplingFilters filters = new ResamplingFilters();
    private final TrackAnalysis analysis;
    private Thread guardThread;
    private long nextTrackId = 1;

    /**
     * @param analysers the analysers to run over every file, each timed on its own
     */
    BenchPipeline(List<Analyser> analysers) {
        AnalysisConfiguration configuration = BuiltInAnalysers.defaults(AnalysisConfiguration.class);
        this.analysers = analysers.stream().map(TimedAnalyser::new).toList();
        this.runTimeoutNanos = TimeUnit.SECONDS.toNanos(configuration.runTimeoutSeconds());
        this.guard = new CallGuard(GUARD_THREAD, TimeUnit.SECONDS.toMillis(configuration.callTimeoutSeconds()));
        this.analysis = new TrackAnalysis(discardingLedger(), decoder, new AnalysisEvents(new DiscardingEventAdmin()),
                guard, filters);
    }

    /**
     * Decodes a file and analyses it with every analyser, as the server does.
     *
     * @param item the file
     * @return what the analysers found and what it cost
     * @throws IOException if the file's size or date cannot be read
     * @throws InterruptedException if the thread is interrupted
     */
    TrackRun analyse(AudioItem item) throws IOException, InterruptedException {
        Track track = track(item);
        List<AnalyserSlot> slots = analysers.stream()
                .map(analyser -> new AnalyserSlot(analyser, analyser.descriptor(), runTimeoutNanos, () -> false)).toList();
        RunningTrack.Progress progress = new RunningTrack.Progress();
        long[] analysersBefore = analysers.stream().mapToLong(TimedAnalyser::cpuNanos).toArray();
        long guardBefore = guardCpuNanos();
        long wallBefore = System.nanoTime();
        long workerBefore = threads.getCurrentThreadCpuTime();
        analysis.run(track, slots, progress);
        long workerNanos = threads.getCurrentThreadCpuTime() - workerBefore;
        long wallNanos = System.nanoTime() - wallBefore;
        long guardNanos = guardCpuNanos() - guardBefore;
        Map<String, Long> analyserNanos = new LinkedHashMap<>();
        for (int i = 0; i < analysers.size(); i++) {
            analyserNanos.put(analysers.get(i).descriptor().id(), analysers.get(i).cpuNanos() - analysersBefore[i]);
        }
        Map<String, AnalysisResult> results = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (AnalyserSlot slot : slots) {
            if (slot.failure() == null) {
                results.put(slot.descriptor().id(), slot.result());
            } else {
                failures.put(slot.descriptor().id(), slot.failure());
            }
        }
        return new TrackRun(progress.decodedSeconds(), workerNanos, guardNanos, wallNanos, analyserNanos, results,
                failures);
    }

    /**
     * Decodes a file and takes its SHA-256, as the pipeline's worker does, with no analyser.
     *
     * @param item the file
     * @return the decoder's name and what decoding cost
     * @throws IOException if the file cannot be decoded
     */
    DecodeRun decode(AudioItem item) throws IOException {
        long wallBefore = System.nanoTime();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        try (DecodedAudio audio = decoder.openUnclipped(item.file())) {
            float[][] samples = new float[audio.format().channels()][TrackAnalysis.BLOCK_FRAMES];
            long frames = 0;
            int read;
            while ((read = audio.read(samples, TrackAnalysis.BLOCK_FRAMES)) > 0) {
                frames += read;
            }
            audio.sha256();
            long cpuNanos = threads.getCurrentThreadCpuTime() - cpuBefore;
            return new DecodeRun(audio.decoderName(), (double) frames / audio.format().sampleRateHz(), cpuNanos,
                    System.nanoTime() - wallBefore);
        }
    }

    /**
     * Decodes a file and feeds every analyser on the calling thread alone: the same decoder, conversions and analyser
     * calls as {@link #analyse}, without the guard thread, so that the difference is what running on it costs (and
     * clipping the blocks that go beyond full scale). An analyser that throws is no longer called for the file, as in
     * the pipeline.
     *
     * @param item the file
     * @return the CPU time of the calling thread (nanoseconds)
     * @throws IOException if the file cannot be decoded
     */
    long analyseWithoutGuard(AudioItem item) throws IOException {
        Track track = track(item);
        long cpuBefore = threads.getCurrentThreadCpuTime();
        try (DecodedAudio audio = decoder.openUnclipped(item.file())) {
            PcmFormat source = audio.format();
            AnalysisContext context = new AnalysisContext();
            Map<PcmFormat, List<Analysis>> branches = new LinkedHashMap<>();
            for (Analyser analyser : analysers) {
                PcmFormat wanted = analyser.descriptor().format();
                PcmFormat target = wanted.isSourceRate() ? new PcmFormat(source.sampleRateHz(), wanted.channels())
                        : wanted;
                List<Analysis> branch = branches.computeIfAbsent(target, t -> new ArrayList<>());
                try {
                    branch.add(analyser.begin(track, target, source, context));
                } catch (AnalysisException | RuntimeException e) {
                    // not called again for this file, as in the pipeline
                }
            }
            Map<PcmFormat, PcmConverter> converters = new LinkedHashMap<>();
            branches.keySet().forEach(target -> converters.put(target, new PcmConverter(source, target, filters)));
            float[][] samples = new float[source.channels()][TrackAnalysis.BLOCK_FRAMES];
            int read;
            while ((read = audio.read(samples, TrackAnalysis.BLOCK_FRAMES)) > 0) {
                deliver(branches, converters, samples, read, false);
            }
            deliver(branches, converters, samples, 0, true);
            for (List<Analysis> branch : branches.values()) {
                for (Analysis analysis : branch) {
                    try {
                        analysis.finish();
                    } catch (AnalysisException | RuntimeException e) {
                        // a failed result, as the pipeline would record it
                    }
                }
            }
            audio.sha256();
        }
        return threads.getCurrentThreadCpuTime() - cpuBefore;
    }

    private static void deliver(Map<PcmFormat, List<Analysis>> branches, Map<PcmFormat, PcmConverter> converters,
            float[][] samples, int frames, boolean last) {
        for (Map.Entry<PcmFormat, List<Analysis>> branch : branches.entrySet()) {
            PcmBlock block = converters.get(branch.getKey()).convert(samples, frames, last);
            if (block.frames() > 0) {
                branch.getValue().removeIf(analysis -> !processed(analysis, block));
            }
        }
    }

    private static boolean processed(Analysis analysis, PcmBlock block) {
        try {
            analysis.process(block);
            return true;
        } catch (AnalysisException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        guard.close();
    }

    private Track track(AudioItem item) throws IOException {
        String name = item.file().getFileName().toString();
        AudioFile file = new AudioFile(item.file(), Files.size(item.file()),
                Files.getLastModifiedTime(item.file()).toInstant(), name.substring(name.lastIndexOf('.') + 1),
                null, null);
        return new Track(nextTrackId++, file, Tags.NONE, item.durationSeconds(), List.of());
    }

    /** @return the CPU time of the guard thread so far (nanoseconds), 0 before it has started */
    private long guardCpuNanos() {
        if (guardThread == null || !guardThread.isAlive()) {
            guardThread = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().equals(GUARD_THREAD)).findFirst().orElse(null);
        }
        return guardThread == null ? 0 : Math.max(0, threads.getThreadCpuTime(guardThread.getId()));
    }

    /** A ledger that accepts what {@link TrackAnalysis} records after a track and keeps nothing. */
    private static AnalysisLedger discardingLedger() {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "record" -> List.of();
            case "toString" -> "the analysis bench's ledger";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new UnsupportedOperationException("the analysis bench's ledger cannot "
                    + method.getName());
        };
        return (AnalysisLedger) Proxy.newProxyInstance(BenchPipeline.class.getClassLoader(),
                new Class<?>[] {AnalysisLedger.class}, handler);
    }

    /**
     * One file through the pipeline.
     *
     * @param audioSeconds the audio decoded (seconds)
     * @param workerNanos the CPU time of the worker thread: handing each block to the guard thread (nanoseconds)
     * @param guardNanos the CPU time of its guard thread: decoding, conversion and the calls into the analysers
     *     (nanoseconds)
     * @param wallNanos the wall time (nanoseconds)
     * @param analyserNanos each analyser's CPU time, by analyser id (nanoseconds)
     * @param results each analyser's result, by analyser id
     * @param failures each failed analyser's reason, by analyser id
     */
    record TrackRun(double audioSeconds, long workerNanos, long guardNanos, long wallNanos,
            Map<String, Long> analyserNanos, Map<String, AnalysisResult> results, Map<String, String> failures) {

        /** @return the CPU time of the worker and its guard thread, which take turns on one core (nanoseconds) */
        long cpuNanos() {
            return workerNanos + guardNanos;
        }

        /**
         * @return a value of an analyser's result, or null when the analyser failed or gave no such value
         */
        Object value(String analyserId, String field) {
            AnalysisResult result = results.get(analyserId);
            return result == null ? null : result.values().get(field);
        }
    }

    /**
     * One file decoded alone.
     *
     * @param decoderName the decoder at work, such as {@code jflac} or {@code ffmpeg}
     * @param audioSeconds the audio decoded (seconds)
     * @param cpuNanos the CPU time of the decoding thread (nanoseconds)
     * @param wallNanos the wall time (nanoseconds)
     */
    record DecodeRun(String decoderName, double audioSeconds, long cpuNanos, long wallNanos) {
    }

    /** Drops the pipeline's events: nobody listens in the bench. */
    private static final class DiscardingEventAdmin implements EventAdmin {

        @Override
        public void postEvent(Event event) {
            // no listener
        }

        @Override
        public void sendEvent(Event event) {
            // no listener
        }
    }
}
