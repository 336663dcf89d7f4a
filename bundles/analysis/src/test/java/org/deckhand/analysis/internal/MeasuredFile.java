package org.deckhand.analysis.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deckhand.analysers.key.KeyAnalyser;
import org.deckhand.analysers.loudness.LoudnessAnalyser;
import org.deckhand.analysis.internal.BenchCorpus.AudioItem;

/**
 * One file's figures from the analysis bench, without the analysers' full results, which a 384 MB heap need not hold
 * for a whole corpus.
 *
 * @param item the file
 * @param decoderName the decoder that read it, or null when it could not be decoded
 * @param decodeCpuNanos the CPU time of decoding it alone (nanoseconds)
 * @param audioSeconds the audio the pipeline decoded (seconds)
 * @param workerNanos the pipeline worker's CPU time: handing each block to the guard thread (nanoseconds)
 * @param guardNanos its guard thread's CPU time: decoding, conversion and the analysers (nanoseconds)
 * @param wallNanos the wall time of decoding and analysing it (nanoseconds)
 * @param directCpuNanos the CPU time of the same work on one thread, without the guard thread (nanoseconds), 0 when
 *     that failed
 * @param analyserNanos each analyser's CPU time, by analyser id (nanoseconds)
 * @param bpm the tempo analyser's tempo (BPM), or null
 * @param key the key analyser's key, such as {@code A minor}, or null
 * @param lufs the loudness analyser's integrated loudness (LUFS), or null
 * @param failures what failed: the decoder alone, or an analyser, with the reason
 */
record MeasuredFile(AudioItem item, String decoderName, long decodeCpuNanos, double audioSeconds, long workerNanos,
        long guardNanos, long wallNanos, long directCpuNanos, Map<String, Long> analyserNanos, Double bpm, String key,
        Double lufs, List<String> failures) {

    /** The decoder name of the files that the decoder hands to an ffmpeg process. */
    static final String FFMPEG_DECODER = "ffmpeg";

    /**
     * @param item the file
     * @param decoded the file decoded alone, or null when that failed
     * @param decodeFailure why decoding alone failed, or null
     * @param run the file through the pipeline
     * @return the file's figures, without the CPU time of the work done without the guard thread
     */
    static MeasuredFile of(AudioItem item, BenchPipeline.DecodeRun decoded, String decodeFailure,
            BenchPipeline.TrackRun run) {
        List<String> failures = new ArrayList<>();
        if (decodeFailure != null) {
            failures.add("decoding alone: " + decodeFailure);
        }
        run.failures().forEach((id, reason) -> failures.add(id + ": " + reason));
        return new MeasuredFile(item, decoded == null ? null : decoded.decoderName(),
                decoded == null ? 0 : decoded.cpuNanos(), run.audioSeconds(), run.workerNanos(), run.guardNanos(),
                run.wallNanos(), 0, Map.copyOf(run.analyserNanos()), (Double) run.value("tempo", "bpm"),
                (String) run.value(KeyAnalyser.ID, KeyAnalyser.KEY),
                (Double) run.value(LoudnessAnalyser.ID, "integratedLufs"), List.copyOf(failures));
    }

    /**
     * @param nanos the CPU time of the same work without the guard thread (nanoseconds)
     * @return these figures with it
     */
    MeasuredFile withDirectCpuNanos(long nanos) {
        return new MeasuredFile(item, decoderName, decodeCpuNanos, audioSeconds, workerNanos, guardNanos, wallNanos,
                nanos, analyserNanos, bpm, key, lufs, failures);
    }

    /** @return the pipeline's CPU time for the file, worker and guard thread together (nanoseconds) */
    long cpuNanos() {
        return workerNanos + guardNanos;
    }

    /**
     * @return whether the file counts in the speed figures: decoded in the JVM, not by an ffmpeg process whose CPU
     *     time the JVM does not see; an analyser's failure does not spare the pipeline the work, so it counts
     */
    boolean countsForSpeed() {
        return decoderName != null && !decoderName.equals(FFMPEG_DECODER);
    }
}
