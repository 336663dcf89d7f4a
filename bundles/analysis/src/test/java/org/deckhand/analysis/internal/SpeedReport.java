package org.deckhand.analysis.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Prints the bench's speed figures in times real time per core (seconds of audio per CPU second of one core): decode
 * plus every analyser, decode alone, their ratio, where the CPU time goes, and the figures by decoder.
 */
final class SpeedReport {

    private SpeedReport() {
    }

    /**
     * @param measured every file
     * @param warmUpFiles how many files the warm-up ran over
     * @param goal the goal for decode plus every analyser (times real time per core)
     * @param decodePhase the decode-alone pass as the whole JVM saw it
     * @param pipelinePhase the pipeline pass as the whole JVM saw it
     */
    static void print(List<MeasuredFile> measured, int warmUpFiles, double goal, JvmPhase decodePhase,
            JvmPhase pipelinePhase) {
        List<MeasuredFile> counted = measured.stream().filter(MeasuredFile::countsForSpeed).toList();
        double audio = counted.stream().mapToDouble(MeasuredFile::audioSeconds).sum();
        double pipelineCpu = seconds(counted, MeasuredFile::cpuNanos);
        double decodeCpu = seconds(counted, MeasuredFile::decodeCpuNanos);
        double wall = seconds(counted, MeasuredFile::wallNanos);
        double speed = audio / pipelineCpu;
        System.out.printf(Locale.ROOT, "Speed on one worker thread, after a warm-up on %d files (%d files, %.2f h of "
                + "audio decoded in the JVM):%n", warmUpFiles, counted.size(), audio / 3600);
        System.out.printf(Locale.ROOT, "  decode + every built-in analyser: %.0fx real time per core (goal %.0fx: %s);"
                + " wall %.0fx; whole JVM %.0fx (the pass's process CPU time, JIT compilers and %.1f s of GC "
                + "included)%n", speed, goal, speed >= goal ? "met" : "MISSED", audio / wall,
                pipelinePhase.audioPerCpu(audio), pipelinePhase.gcSeconds());
        double direct = seconds(counted, MeasuredFile::directCpuNanos);
        System.out.printf(Locale.ROOT, "  the same decoding, conversion and analysers on the worker thread alone, "
                + "without the guard thread: %.0fx real time per core; running on the guard thread costs %.2f ms of "
                + "CPU per second of audio%n", audio / direct, 1000 * (pipelineCpu - direct) / audio);
        System.out.printf(Locale.ROOT, "  decode alone: %.0fx real time per core; whole JVM %.0fx%n", audio / decodeCpu,
                decodePhase.audioPerCpu(audio));
        System.out.printf(Locale.ROOT, "  decode + analysers take %.2f times the CPU time of decode alone%n",
                pipelineCpu / decodeCpu);
        System.out.printf(Locale.ROOT, "  CPU ms per second of audio: decode alone %.2f; pipeline worker %.2f "
                + "(handing the track over, waiting); guard thread %.2f (decode, conversion to each analyser's format, analysers: "
                + "%s)%n",
                1000 * decodeCpu / audio, 1000 * seconds(counted, MeasuredFile::workerNanos) / audio,
                1000 * seconds(counted, MeasuredFile::guardNanos) / audio, byAnalyser(counted, audio));
        printByDecoder(measured);
        measured.stream().filter(m -> !m.failures().isEmpty()).forEach(m -> System.out.printf(
                "  failed: %s: %s%n", m.item().relative(), String.join("; ", m.failures())));
    }

    private static String byAnalyser(List<MeasuredFile> counted, double audio) {
        Map<String, Long> nanos = new TreeMap<>();
        counted.forEach(m -> m.analyserNanos().forEach((id, n) -> nanos.merge(id, n, Long::sum)));
        return nanos.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(),
                e.getValue() / 1e6 / audio)).collect(Collectors.joining(", "));
    }

    private static void printByDecoder(List<MeasuredFile> measured) {
        Map<String, List<MeasuredFile>> byDecoder = measured.stream().filter(m -> m.decoderName() != null)
                .collect(Collectors.groupingBy(MeasuredFile::decoderName, TreeMap::new, Collectors.toList()));
        System.out.printf("  %-10s %6s %10s %12s %14s %8s%n", "decoder", "files", "audio s", "decode x RT",
                "pipeline x RT", "ratio");
        byDecoder.forEach((decoder, group) -> {
            double audio = group.stream().mapToDouble(MeasuredFile::audioSeconds).sum();
            double decode = seconds(group, MeasuredFile::decodeCpuNanos);
            double pipeline = seconds(group, MeasuredFile::cpuNanos);
            System.out.printf(Locale.ROOT, "  %-10s %6d %10.0f %12.0f %14.0f %8.2f%s%n", decoder, group.size(), audio,
                    audio / decode, audio / pipeline, pipeline / decode,
                    decoder.equals(MeasuredFile.FFMPEG_DECODER)
                            ? "  not counted above: the JVM's side only, ffmpeg decodes in its own process" : "");
        });
    }

    private static double seconds(List<MeasuredFile> files, ToLongFunction<MeasuredFile> nanos) {
        return files.stream().mapToLong(nanos).sum() / 1e9;
    }

    /**
     * A pass of the bench as the whole JVM saw it, every thread included.
     *
     * @param processCpuNanos the JVM's CPU time (nanoseconds)
     * @param gcMillis the garbage collectors' time (milliseconds)
     */
    record JvmPhase(long processCpuNanos, long gcMillis) {

        /** @return the JVM's counters now, to subtract at the end of the pass */
        static JvmPhase start() {
            return new JvmPhase(processCpuNow(), gcMillisNow());
        }

        /** @return the pass's CPU and GC time, this being its start */
        JvmPhase end() {
            return new JvmPhase(processCpuNow() - processCpuNanos, gcMillisNow() - gcMillis);
        }

        /**
         * @param audioSeconds the audio the pass handled (seconds)
         * @return that audio per second of the JVM's CPU time over the pass
         */
        double audioPerCpu(double audioSeconds) {
            return audioSeconds / (processCpuNanos / 1e9);
        }

        /** @return the garbage collectors' time over the pass (seconds) */
        double gcSeconds() {
            return gcMillis / 1e3;
        }

        private static long processCpuNow() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        private static long gcMillisNow() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        }
    }
}
