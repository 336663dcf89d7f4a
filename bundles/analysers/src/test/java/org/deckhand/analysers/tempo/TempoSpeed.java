package org.deckhand.analysers.tempo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.deckhand.analysers.testing.AnalyserRun;
import org.deckhand.api.analysis.AnalysisException;

/**
 * Prints how many times faster than real time the tempo and beat grid analysers run together, on ten minutes of a
 * synthetic drum pattern, after a warm-up, in thread CPU time (the machine is shared, so wall time says little).
 * A measurement to run by hand, not a test.
 */
public final class TempoSpeed {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private TempoSpeed() {
    }

    /**
     * @param args unused
     * @throws AnalysisException never on this audio
     */
    public static void main(String[] args) throws AnalysisException {
        double seconds = 600;
        float[][] audio = SyntheticDrums.fourToTheFloor(126.3, 0.2, seconds);
        TempoAnalyser tempo = new TempoAnalyser(TempoRange.DEFAULT);
        BeatGridAnalyser grid = new BeatGridAnalyser(TempoRange.DEFAULT);
        for (int round = 0; round < 5; round++) {
            long start = CPU.getCurrentThreadCpuTime();
            AnalyserRun.run(tempo, audio, SyntheticDrums.RATE_HZ);
            long middle = CPU.getCurrentThreadCpuTime();
            AnalyserRun.run(grid, audio, SyntheticDrums.RATE_HZ);
            long end = CPU.getCurrentThreadCpuTime();
            System.out.printf("tempo %.0fx, beatgrid %.0fx, together %.0fx real time (%.2f ms per second of audio)%n",
                    seconds / ((middle - start) / 1e9), seconds / ((end - middle) / 1e9),
                    seconds / ((end - start) / 1e9), (end - start) / 1e6 / seconds);
        }
    }
}
