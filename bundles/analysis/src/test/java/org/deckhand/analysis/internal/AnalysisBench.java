package org.deckhand.analysis.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deckhand.analysers.tempo.TempoRange;
import org.deckhand.analysis.internal.BenchCorpus.AudioItem;

/**
 * The analysis bench: runs the server's analysis pipeline with every built-in analyser over every audio file of a
 * test corpus ({@code real/}, {@code real-formats/}, {@code labelled/}; not {@code broken/}) on one worker thread, and
 * prints in one report:
 * <ul>
 *   <li>accuracy on the labelled set beside the peers that {@code ../shared/corpus/peers.sh} ran: tempo ACC1 and ACC2
 *   (within 4 %), ACC1 over the items whose labelled tempo lies in the tempo analyser's default range, key MIREX
 *   weighted score, all from {@code score.py}'s per-item tables, with Deckhand's ratio to the best peer, and every
 *   item Deckhand got wrong;</li>
 *   <li>speed in times real time per core (seconds of audio per CPU second of the worker and its guard thread) for
 *   decode plus every analyser, and for decode alone over the same files in the same JVM, after a warm-up;</li>
 *   <li>integrated loudness beside ffmpeg's {@code ebur128} filter on every file.</li>
 * </ul>
 * Writes {@code est.deckhand.tsv} (score.py's input), {@code est.deckhand.score.txt} and {@code deckhand.files.tsv}
 * (every file's figures) into the output folder. Run it through {@code bundles/analysis/bench/analysis-bench.sh},
 * which runs the peers first and starts this JVM with the server's options.
 */
public final class AnalysisBench {

    private static final double ACC2_GOAL = 0.97;
    private static final double IN_RANGE_ACC1_GOAL = 0.85;
    private static final double KEY_MIREX_GOAL = 0.90;
    private static final double SPEED_GOAL = 150;
    private static final double LOUDNESS_TOLERANCE_LU = 0.1;
    private static final int LABELLED_WARM_UP_FILES = 2;
    private static final int PROGRESS_EVERY = 25;
    private static final String SPEED_ONLY = "--speed-only";

    private AnalysisBench() {
    }

    /**
     * @param args the corpus folder; the output folder, which holds the peers' {@code est.PEER.score.txt}; the path
     *     of {@code score.py}; then the names of the peers that ran. Or {@code --speed-only}, the corpus folder and a
     *     number of files per format (0 for all): the speed figures alone, on that many files of every extension
     *     spread evenly through the manifest, in a few minutes
     * @throws Exception if a file, ffmpeg or score.py fails; the message names it
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals(SPEED_ONLY)) {
            speedOnly(Path.of(args[1]), Integer.parseInt(args[2]));
            return;
        }
        if (args.length < 3) {
            System.err.println("usage: AnalysisBench CORPUS OUT_DIR SCORE_PY [PEER...]");
            System.err.println("       AnalysisBench " + SPEED_ONLY + " CORPUS FILES_PER_FORMAT");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        Path scorePy = Path.of(args[2]);
        List<String> peers = List.of(args).subList(3, args.length);
        List<AudioItem> files = BenchCorpus.audioFiles(corpus);
        List<String> labelled = BenchCorpus.labelledFiles(corpus);
        Map<Path, AudioItem> byPath = new LinkedHashMap<>();
        files.forEach(item -> byPath.put(item.file(), item));
        for (String name : labelled) {
            if (!byPath.containsKey(corpus.resolve("labelled").resolve(name))) {
                throw new IllegalStateException("labelled/" + name + " is in truth.tsv but not in manifest.tsv");
            }
        }

        List<AudioItem> warmUp = warmUpFiles(files);
        List<MeasuredFile> measured = new ArrayList<>();
        Passes passes = measure(files, warmUp, measured);
        Map<AudioItem, Object> reference = ffmpegLoudness(files);

        Path estimates = out.resolve("est.deckhand.tsv");
        writeEstimates(corpus, labelled, measured, estimates);
        Path deckhandScores = out.resolve("est.deckhand.score.txt");
        score(scorePy, BenchCorpus.truth(corpus), estimates, deckhandScores);
        Path perFile = out.resolve("deckhand.files.tsv");
        writeFiles(measured, reference, perFile);
        ScoreTable deckhand = ScoreTable.read("deckhand", deckhandScores);
        List<ScoreTable> peerTables = new ArrayList<>();
        for (String peer : peers) {
            Path scores = out.resolve("est." + peer + ".score.txt");
            if (Files.isRegularFile(scores)) {
                peerTables.add(ScoreTable.read(peer, scores));
            } else {
                System.out.printf("Peer %s left out: peers.sh wrote no %s (is its tool installed?)%n", peer, scores);
            }
        }

        System.out.printf("Analysis bench: %s, %d audio files, %d labelled items; %d cores; Java %s, %s%n", corpus,
                files.size(), labelled.size(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        System.out.println();
        AccuracyReport.print(deckhand, peerTables, new AccuracyReport.Goals(ACC2_GOAL, IN_RANGE_ACC1_GOAL,
                KEY_MIREX_GOAL, TempoRange.DEFAULT_MIN_BPM, TempoRange.DEFAULT_MAX_BPM));
        System.out.println();
        SpeedReport.print(measured, warmUp.size(), SPEED_GOAL, passes.decode(), passes.pipeline());
        System.out.println();
        LoudnessReport.print(measured, reference, LOUDNESS_TOLERANCE_LU);
        System.out.println();
        System.out.printf("Written: %s, %s, %s%n", estimates, deckhandScores, perFile);
    }

    /**
     * Measures speed alone: the warm-up, decode alone, the pipeline and the pipeline without its guard thread, over a
     * subset of the corpus, then prints the speed figures.
     *
     * @param corpus the corpus folder
     * @param filesPerFormat how many files of each extension to measure, spread evenly through the manifest; 0 for
     *     every file
     */
    private static void speedOnly(Path corpus, int filesPerFormat) throws IOException, InterruptedException {
        List<AudioItem> files = subset(BenchCorpus.audioFiles(corpus), filesPerFormat);
        List<AudioItem> warmUp = warmUpFiles(BenchCorpus.audioFiles(corpus));
        List<MeasuredFile> measured = new ArrayList<>();
        Passes passes = measure(files, warmUp, measured);
        System.out.printf("Analysis bench, speed only: %s, %d audio files (%s per format); %d cores; Java %s, %s%n",
                corpus, files.size(), filesPerFormat == 0 ? "all" : "at most " + filesPerFormat,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        SpeedReport.print(measured, warmUp.size(), SPEED_GOAL, passes.decode(), passes.pipeline());
    }

    /** @return at most {@code perExtension} files of each extension, spread evenly, in manifest order; 0 for all */
    private static List<AudioItem> subset(List<AudioItem> files, int perExtension) {
        if (perExtension == 0) {
            return files;
        }
        Map<String, List<AudioItem>> byExtension = new LinkedHashMap<>();
        files.forEach(item -> byExtension.computeIfAbsent(extension(item), e -> new ArrayList<>()).add(item));
        Set<AudioItem> chosen = new HashSet<>();
        for (List<AudioItem> group : byExtension.values()) {
            int count = Math.min(perExtension, group.size());
            for (int i = 0; i < count; i++) {
                chosen.add(group.get(i * group.size() / count));
            }
        }
        return files.stream().filter(chosen::contains).toList();
    }

    /**
     * Warms up, then runs decode alone, the pipeline, and the pipeline without its guard thread over every file.
     *
     * @param measured receives every file's figures, in order
     * @return the decode-alone and pipeline passes as the whole JVM saw them
     */
    private static Passes measure(List<AudioItem> files, List<AudioItem> warmUp,
            List<MeasuredFile> measured) throws IOException, InterruptedException {
        try (BenchPipeline pipeline = new BenchPipeline(BuiltInAnalysers.create())) {
            log("warming up on %d files", warmUp.size());
            for (AudioItem item : warmUp) {
                pipeline.decode(item);
                pipeline.analyse(item);
            }
            Map<AudioItem, BenchPipeline.DecodeRun> decoded = new LinkedHashMap<>();
            Map<AudioItem, String> decodeFailures = new LinkedHashMap<>();
            SpeedReport.JvmPhase decodePhase = SpeedReport.JvmPhase.start();
            for (int i = 0; i < files.size(); i++) {
                progress("decoding alone", i, files.size());
                try {
                    decoded.put(files.get(i), pipeline.decode(files.get(i)));
                } catch (IOException e) {
                    decodeFailures.put(files.get(i), e.getMessage());
                }
            }
            decodePhase = decodePhase.end();
            SpeedReport.JvmPhase pipelinePhase = SpeedReport.JvmPhase.start();
            for (int i = 0; i < files.size(); i++) {
                progress("decoding and analysing", i, files.size());
                AudioItem item = files.get(i);
                measured.add(MeasuredFile.of(item, decoded.get(item), decodeFailures.get(item),
                        pipeline.analyse(item)));
            }
            pipelinePhase = pipelinePhase.end();
            for (int i = 0; i < measured.size(); i++) {
                progress("decoding and analysing without the guard thread", i, files.size());
                MeasuredFile m = measured.get(i);
                if (m.decoderName() != null) {
                    measured.set(i, m.withDirectCpuNanos(pipeline.analyseWithoutGuard(m.item())));
                }
            }
            return new Passes(decodePhase, pipelinePhase);
        }
    }

    /** The first labelled files and the first file of every other extension, so that every decoder is warm. */
    private static List<AudioItem> warmUpFiles(List<AudioItem> files) {
        List<AudioItem> warmUp = new ArrayList<>(files.stream().filter(AudioItem::labelled)
                .limit(LABELLED_WARM_UP_FILES).toList());
        Set<String> extensions = new HashSet<>();
        warmUp.forEach(item -> extensions.add(extension(item)));
        for (AudioItem item : files) {
            if (extensions.add(extension(item))) {
                warmUp.add(item);
            }
        }
        return warmUp;
    }

    private static String extension(AudioItem item) {
        String name = item.file().getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    /** @return each file's integrated loudness by ffmpeg (a {@code Double}, LUFS), or why it has none */
    private static Map<AudioItem, Object> ffmpegLoudness(List<AudioItem> files)
            throws InterruptedException, ExecutionException {
        log("measuring %d files with ffmpeg's ebur128 filter", files.size());
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            Map<AudioItem, Future<Object>> pending = new LinkedHashMap<>();
            for (AudioItem item : files) {
                pending.put(item, pool.submit(() -> {
                    try {
                        return FfmpegLoudness.integratedLufs(item.file());
                    } catch (IOException e) {
                        return e.getMessage();
                    }
                }));
            }
            Map<AudioItem, Object> reference = new LinkedHashMap<>();
            for (Map.Entry<AudioItem, Future<Object>> entry : pending.entrySet()) {
                reference.put(entry.getKey(), entry.getValue().get());
            }
            return reference;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void writeEstimates(Path corpus, List<String> labelled, List<MeasuredFile> measured,
            Path estimates) throws IOException {
        Map<Path, MeasuredFile> byFile = new LinkedHashMap<>();
        measured.forEach(m -> byFile.put(m.item().file(), m));
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(estimates, StandardCharsets.UTF_8))) {
            writer.print("file\tbpm\tkey\n");
            for (String name : labelled) {
                MeasuredFile m = byFile.get(corpus.resolve("labelled").resolve(name));
                writer.printf(Locale.ROOT, "%s\t%s\t%s%n", name,
                        m.bpm() == null ? "" : String.format(Locale.ROOT, "%.2f", m.bpm()),
                        m.key() == null ? "" : m.key());
            }
        }
    }

    private static void score(Path scorePy, Path truth, Path estimates, Path scores)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder("/usr/bin/python3", scorePy.toString(), truth.toString(),
                estimates.toString()).redirectOutput(scores.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IOException("score.py exited with " + exit + " on " + estimates);
        }
    }

    private static void writeFiles(List<MeasuredFile> measured, Map<AudioItem, Object> reference, Path file)
            throws IOException {
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            writer.print("file\tdecoder\taudio_s\tdecode_cpu_s\tpipeline_cpu_s\tpipeline_wall_s\twithout_guard_cpu_s"
                    + "\tbpm\tkey\tintegrated_lufs\tffmpeg_lufs\tfailures\n");
            for (MeasuredFile m : measured) {
                Object ffmpeg = reference.get(m.item());
                writer.printf(Locale.ROOT, "%s\t%s\t%.3f\t%.4f\t%.4f\t%.4f\t%.4f\t%s\t%s\t%s\t%s\t%s%n",
                        m.item().relative(), m.decoderName(), m.audioSeconds(), m.decodeCpuNanos() / 1e9,
                        m.cpuNanos() / 1e9, m.wallNanos() / 1e9, m.directCpuNanos() / 1e9,
                        m.bpm() == null ? "" : m.bpm(), m.key() == null ? "" : m.key(),
                        m.lufs() == null ? "" : String.format(Locale.ROOT, "%.3f", m.lufs()),
                        ffmpeg instanceof Double lufs ? String.format(Locale.ROOT, "%.3f", lufs) : "",
                        String.join("; ", m.failures()).replace('\t', ' ').replace('\n', ' '));
            }
        }
    }

    private static void progress(String pass, int done, int total) {
        if (done % PROGRESS_EVERY == 0) {
            log("%s: %d of %d files", pass, done, total);
        }
    }

    private static void log(String format, Object... args) {
        System.err.printf("[analysis-bench] " + format + "%n", args);
    }

    /**
     * The two measured passes as the whole JVM saw them.
     *
     * @param decode decode alone
     * @param pipeline decode and every analyser through the pipeline
     */
    private record Passes(SpeedReport.JvmPhase decode, SpeedReport.JvmPhase pipeline) {
    }
}
