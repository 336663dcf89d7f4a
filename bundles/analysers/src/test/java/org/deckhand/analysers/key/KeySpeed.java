package org.deckhand.analysers.key;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import org.deckhand.analysers.testing.AnalyserRun;
import org.deckhand.analysers.testing.Corpus;
import org.deckhand.analysers.testing.Pcm;
import org.deckhand.api.analysis.AnalysisException;

/**
 * Prints how many times faster than real time the key analyser runs on one core, in CPU time of the analysing thread
 * (decoding excluded), over the labelled set of a corpus: {@code KeySpeed /tmp/deckhand-corpus}. The budget is
 * 650x (1.5 ms per second of audio).
 */
public final class KeySpeed {

    private static final int ROUNDS = 3;

    private KeySpeed() {
    }

    /**
     * @param args the corpus folder
     * @throws AnalysisException if a track cannot be analysed
     */
    public static void main(String[] args) throws AnalysisException {
        KeyAnalyser analyser = new KeyAnalyser(KeyProfile.KRUMHANSL, KeyProfile.EDMA);
        List<float[][]> tracks = Corpus.labelled(Path.of(args[0])).stream()
                .map(item -> Pcm.decode(item.file(), analyser.descriptor().format())).toList();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= ROUNDS; round++) {
            double audioSeconds = 0;
            long start = threads.getCurrentThreadCpuTime();
            for (float[][] track : tracks) {
                AnalyserRun.run(analyser, track, KeyAnalyser.SAMPLE_RATE_HZ);
                audioSeconds += track[0].length / (double) KeyAnalyser.SAMPLE_RATE_HZ;
            }
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
            System.out.printf("round %d: %.0f s of audio in %.2f s of CPU, %.0fx real time, %.2f ms per second%n",
                    round, audioSeconds, cpuSeconds, audioSeconds / cpuSeconds, 1000 * cpuSeconds / audioSeconds);
        }
    }
}
