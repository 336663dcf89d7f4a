package org.deckhand.analysers.loudness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import org.deckhand.analysers.energy.EnergyAnalyser;
import org.deckhand.analysers.testing.AnalyserRun;
import org.deckhand.analysers.testing.Pcm;
import org.deckhand.analysers.waveform.WaveformAnalyser;
import org.deckhand.api.analysis.Analyser;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.PcmFormat;

/**
 * Prints how fast the loudness, energy and waveform analysers run on one file, in CPU milliseconds per second of audio
 * and times real time, after a few warm-up rounds. Not a test: run it by hand with a file as the argument.
 */
public final class AnalyserSpeed {

    private static final int ROUNDS = 10;

    private AnalyserSpeed() {
    }

    /**
     * @param args the path of an audio file at 44.1 kHz
     * @throws AnalysisException if an analyser fails
     */
    public static void main(String[] args) throws AnalysisException {
        Path file = Path.of(args[0]);
        int sampleRateHz = 44_100;
        float[][] stereo = Pcm.decode(file, new PcmFormat(sampleRateHz, 2));
        float[][] mono = Pcm.decode(file, new PcmFormat(EnergyAnalyser.SAMPLE_RATE_HZ, 1));
        double audioSeconds = stereo[0].length / (double) sampleRateHz;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < ROUNDS; round++) {
            long loudness = cpuNanos(threads, new LoudnessAnalyser(), stereo, sampleRateHz);
            long energy = cpuNanos(threads, new EnergyAnalyser(), mono, EnergyAnalyser.SAMPLE_RATE_HZ);
            long waveform = cpuNanos(threads, new WaveformAnalyser(), stereo, sampleRateHz);
            long total = loudness + energy + waveform;
            System.out.printf("loudness %.3f, energy %.3f, waveform %.3f, together %.3f ms per s: %.0fx real time%n",
                    loudness / 1e6 / audioSeconds, energy / 1e6 / audioSeconds, waveform / 1e6 / audioSeconds,
                    total / 1e6 / audioSeconds, audioSeconds / (total / 1e9));
        }
    }

    private static long cpuNanos(ThreadMXBean threads, Analyser analyser, float[][] samples, int sampleRateHz)
            throws AnalysisException {
        long start = threads.getCurrentThreadCpuTime();
        AnalyserRun.run(analyser, samples, sampleRateHz);
        return threads.getCurrentThreadCpuTime() - start;
    }
}
