package org.deckhand.analysers.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.deckhand.analysers.testing.AnalyserRun;
import org.deckhand.analysers.testing.Corpus;
import org.deckhand.analysers.testing.Pcm;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.PcmFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyser against ffmpeg's {@code ebur128} filter on every file of the corpus's labelled set and real-formats
 * folder, each decoded in stereo at its own sample rate: integrated loudness within 0.1 LU and loudness range within
 * 1 LU on all; true peak within 0.2 dB on the lossless files (FLAC, WAV, AIFF), where ffmpeg's oversampled peak is
 * not also a measure of its lossy decoders' overshoot. Two files are measured at a time.
 */
class LoudnessCorpusTest {

    private static final double INTEGRATED_TOLERANCE_LU = 0.1;
    private static final double TRUE_PEAK_TOLERANCE_DB = 0.2;
    private static final double RANGE_TOLERANCE_LU = 1;

    @Test
    void agreesWithFfmpegOnEveryCorpusFile() throws IOException, InterruptedException, ExecutionException {
        Path corpus = Corpus.folder();
        assumeTrue(Pcm.onPath("ffprobe"), "ffprobe is needed (apt-get install ffmpeg)");
        List<Path> files = new ArrayList<>();
        Corpus.labelled(corpus).forEach(item -> files.add(item.file()));
        try (Stream<Path> formats = Files.walk(corpus.resolve("real-formats"))) {
            formats.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Optional<String>>> checks = new ArrayList<>();
            for (Path file : files) {
                checks.add(pool.submit(() -> compare(corpus, file)));
            }
            List<String> misses = new ArrayList<>();
            for (Future<Optional<String>> check : checks) {
                check.get().ifPresent(misses::add);
            }
            assertTrue(misses.isEmpty(), String.format("%d of %d files differ from ffmpeg:%n%s", misses.size(),
                    files.size(), String.join("\n", misses)));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A stereo file whose two channels are identical is summed over both, and the same music as a mono file is
     * measured on its one channel, each as ffmpeg measures it; both made by ffmpeg from the first labelled item.
     */
    @Test
    void stereoWithIdenticalChannelsAndMonoAgreeWithFfmpeg(@TempDir Path folder) throws AnalysisException {
        Path source = Corpus.labelled(Corpus.folder()).get(0).file();
        Path stereo = folder.resolve("identical-channels.flac");
        Path mono = folder.resolve("mono.flac");
        Ebur128.run(List.of("ffmpeg", "-v", "error", "-nostdin", "-i", source.toString(), "-af",
                "pan=stereo|c0=c0|c1=c0", stereo.toString()));
        Ebur128.run(List.of("ffmpeg", "-v", "error", "-nostdin", "-i", source.toString(), "-ac", "1",
                mono.toString()));
        int sampleRateHz = Ebur128.sampleRateHz(source);
        float[][] identical = Pcm.decode(stereo, new PcmFormat(sampleRateHz, 2));
        float[] single = Pcm.decode(mono, new PcmFormat(sampleRateHz, 1))[0];
        float[][] monoAsThePipelineGivesIt = {single, single.clone()};

        double stereoLufs = (Double) AnalyserRun.run(new LoudnessAnalyser(), identical, sampleRateHz, 2).values()
                .get(LoudnessAnalysis.INTEGRATED);
        double monoLufs = (Double) AnalyserRun.run(new LoudnessAnalyser(), monoAsThePipelineGivesIt, sampleRateHz, 1)
                .values().get(LoudnessAnalysis.INTEGRATED);

        assertEquals(Ebur128.measure(stereo, false).integratedLufs(), stereoLufs, INTEGRATED_TOLERANCE_LU);
        assertEquals(Ebur128.measure(mono, false).integratedLufs(), monoLufs, INTEGRATED_TOLERANCE_LU);
    }

    /** @return a description of the differences beyond tolerance, if any */
    private static Optional<String> compare(Path corpus, Path file) throws AnalysisException {
        String name = file.getFileName().toString();
        boolean lossless = name.endsWith(".flac") || name.endsWith(".wav") || name.endsWith(".aiff");
        int sampleRateHz = Ebur128.sampleRateHz(file);
        float[][] samples = Pcm.decode(file, new PcmFormat(sampleRateHz, 2));
        Map<String, Object> ours = AnalyserRun.run(new LoudnessAnalyser(), samples, sampleRateHz).values();
        Ebur128.Measurement ffmpeg = Ebur128.measure(file, lossless);
        double integratedLu = (Double) ours.get(LoudnessAnalysis.INTEGRATED) - ffmpeg.integratedLufs();
        double rangeLu = (Double) ours.get(LoudnessAnalysis.RANGE) - ffmpeg.rangeLu();
        double truePeakDb = lossless ? (Double) ours.get(LoudnessAnalysis.TRUE_PEAK) - ffmpeg.truePeakDbtp() : 0;
        if (Math.abs(integratedLu) <= INTEGRATED_TOLERANCE_LU && Math.abs(rangeLu) <= RANGE_TOLERANCE_LU
                && Math.abs(truePeakDb) <= TRUE_PEAK_TOLERANCE_DB) {
            return Optional.empty();
        }
        return Optional.of(String.format("%s: I %+.3f LU, LRA %+.2f LU, TP %+.3f dB", corpus.relativize(file),
                integratedLu, rangeLu, truePeakDb));
    }
}
