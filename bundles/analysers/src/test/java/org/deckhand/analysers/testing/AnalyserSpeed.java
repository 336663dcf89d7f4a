package org.deckhand.analysers.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deckhand.analysers.energy.EnergyAnalyser;
import org.deckhand.analysers.key.KeyAnalyser;
import org.deckhand.analysers.key.KeyProfile;
import org.deckhand.analysers.loudness.LoudnessAnalyser;
import org.deckhand.analysers.tempo.BeatGridAnalyser;
import org.deckhand.analysers.tempo.TempoAnalyser;
import org.deckhand.analysers.tempo.TempoRange;
import org.deckhand.analysers.waveform.WaveformAnalyser;
import org.deckhand.api.analysis.Analyser;
import org.deckhand.api.analysis.Analysis;
import org.deckhand.api.analysis.AnalysisContext;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.PcmBlock;
import org.deckhand.api.analysis.PcmFormat;
import org.deckhand.api.library.Track;

/**
 * Prints what each built-in analyser costs, in CPU milliseconds per second of audio on the calling thread, over the
 * given files (decoded beforehand by ffmpeg to each analyser's format, so decoding is not counted). Every block goes
 * to every analyser in turn, as the pipeline sends it, and each call is timed on its own. The last of a few rounds is
 * the one to read; the earlier ones warm the JIT up. Not a test: run it by hand, such as
 * {@code AnalyserSpeed /tmp/deckhand-corpus/real/singularity-music/*.ogg}.
 */
public final class AnalyserSpeed {

    private static final int ROUNDS = 4;
    private static final int SOURCE_RATE_HZ = 44_100;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private AnalyserSpeed() {
    }

    /**
     * @param args audio files at 44.1 kHz
     * @throws AnalysisException if an analyser fails on a file
     */
    public static void main(String[] args) throws AnalysisException {
        List<Analyser> analysers = List.of(new TempoAnalyser(TempoRange.DEFAULT),
                new BeatGridAnalyser(TempoRange.DEFAULT), new KeyAnalyser(KeyProfile.KRUMHANSL, KeyProfile.EDMA),
                new LoudnessAnalyser(), new EnergyAnalyser(), new WaveformAnalyser());
        List<Map<PcmFormat, float[][]>> files = new ArrayList<>();
        double audioSeconds = 0;
        for (String arg : args) {
            Map<PcmFormat, float[][]> decoded = new HashMap<>();
            for (Analyser analyser : analysers) {
                decoded.computeIfAbsent(format(analyser), format -> Pcm.decode(Path.of(arg), format));
            }
            files.add(decoded);
            float[][] stereo = decoded.get(new PcmFormat(SOURCE_RATE_HZ, 2));
            audioSeconds += stereo[0].length / (double) SOURCE_RATE_HZ;
        }
        for (int round = 1; round <= ROUNDS; round++) {
            Map<String, Long> nanos = new LinkedHashMap<>();
            analysers.forEach(analyser -> nanos.put(analyser.descriptor().id(), 0L));
            for (Map<PcmFormat, float[][]> file : files) {
                run(analysers, file, nanos);
            }
            StringBuilder line = new StringBuilder("round " + round + ", ms per second of audio:");
            long total = 0;
            for (Map.Entry<String, Long> entry : nanos.entrySet()) {
                line.append(String.format(" %s %.3f", entry.getKey(), entry.getValue() / 1e6 / audioSeconds));
                total += entry.getValue();
            }
            System.out.printf("%s; together %.3f (%.0fx real time)%n", line, total / 1e6 / audioSeconds,
                    audioSeconds / (total / 1e9));
        }
    }

    private static void run(List<Analyser> analysers, Map<PcmFormat, float[][]> file, Map<String, Long> nanos)
            throws AnalysisException {
        float[][] stereo = file.get(new PcmFormat(SOURCE_RATE_HZ, 2));
        Track track = AnalyserRun.track(stereo[0].length / (double) SOURCE_RATE_HZ);
        PcmFormat source = new PcmFormat(SOURCE_RATE_HZ, 2);
        AnalysisContext context = new AnalysisContext();
        List<Analysis> analyses = new ArrayList<>();
        List<float[][]> blocks = new ArrayList<>();
        for (Analyser analyser : analysers) {
            long start = CPU.getCurrentThreadCpuTime();
            analyses.add(analyser.begin(track, format(analyser), source, context));
            add(nanos, analyser, start);
            blocks.add(new float[format(analyser).channels()][AnalyserRun.BLOCK_FRAMES]);
        }
        long[] positions = new long[analysers.size()];
        boolean more = true;
        while (more) {
            more = false;
            for (int i = 0; i < analysers.size(); i++) {
                float[][] samples = file.get(format(analysers.get(i)));
                int frames = (int) Math.min(AnalyserRun.BLOCK_FRAMES, samples[0].length - positions[i]);
                if (frames <= 0) {
                    continue;
                }
                float[][] block = blocks.get(i);
                for (int channel = 0; channel < block.length; channel++) {
                    System.arraycopy(samples[channel], (int) positions[i], block[channel], 0, frames);
                }
                long start = CPU.getCurrentThreadCpuTime();
                analyses.get(i).process(new PcmBlock(block, frames, positions[i]));
                add(nanos, analysers.get(i), start);
                positions[i] += frames;
                more = true;
            }
        }
        for (int i = 0; i < analysers.size(); i++) {
            long start = CPU.getCurrentThreadCpuTime();
            analyses.get(i).finish();
            add(nanos, analysers.get(i), start);
        }
    }

    private static void add(Map<String, Long> nanos, Analyser analyser, long startNanos) {
        nanos.merge(analyser.descriptor().id(), CPU.getCurrentThreadCpuTime() - startNanos, Long::sum);
    }

    private static PcmFormat format(Analyser analyser) {
        PcmFormat wanted = analyser.descriptor().format();
        return wanted.isSourceRate() ? new PcmFormat(SOURCE_RATE_HZ, wanted.channels()) : wanted;
    }
}
