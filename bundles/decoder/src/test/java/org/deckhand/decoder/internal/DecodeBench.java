package org.deckhand.decoder.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.deckhand.api.audio.DecodedAudio;
import org.deckhand.api.audio.UnsupportedAudioException;

/**
 * Measures decoding speed per format, in times real time per core (audio seconds per CPU second of the decoding
 * thread), beside ffmpeg's single-threaded decode of the same files ({@code ffmpeg -threads 1 -i F -f f32le -}, its
 * user CPU time from {@code -benchmark}). Files are grouped by their first folder under the argument (or by extension
 * when they lie in it directly) and decoder. Every file is decoded once to warm the JIT, then measured. For the formats
 * that go to ffmpeg, our figure counts the Java side only (reading, hashing, piping, parsing ffmpeg's output), not the
 * ffmpeg process.
 *
 * <p>Run: {@code mvn -q -o -f bundles/decoder/pom.xml test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.deckhand.decoder.internal.DecodeBench -Dexec.args=/tmp/deckhand-corpus/real-formats}; add
 * {@code MAVEN_OPTS=-XX:TieredStopAtLevel=1} to measure with C1 only.
 */
public final class DecodeBench {

    private static final Pattern FFMPEG_UTIME = Pattern.compile("utime=([0-9.]+)s");
    private static final int READ_FRAMES = 4096;

    private DecodeBench() {
    }

    /**
     * @param args one folder, searched recursively for audio files
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = Path.of(args[0]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".tsv"))
                    .sorted().toList();
        }
        FileAudioDecoder decoder = new FileAudioDecoder();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (Path file : files) {
            decode(decoder, file, new String[1]);
        }
        Map<String, double[]> groups = new TreeMap<>();
        for (Path file : files) {
            long cpuBefore = threads.getCurrentThreadCpuTime();
            String[] decoderName = new String[1];
            double audioSeconds = decode(decoder, file, decoderName);
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
            if (audioSeconds <= 0) {
                continue;
            }
            String group = group(root, file) + " (" + decoderName[0] + ")";
            double[] g = groups.computeIfAbsent(group, k -> new double[4]);
            g[0] += audioSeconds;
            g[1] += cpuSeconds;
            g[2] += ffmpegCpuSeconds(file);
            g[3]++;
        }
        System.out.printf("%-24s %5s %9s %12s %12s %8s%n", "format", "files", "audio s", "ours x RT", "ffmpeg x RT",
                "ratio");
        for (Map.Entry<String, double[]> e : groups.entrySet()) {
            double[] g = e.getValue();
            double ours = g[0] / g[1];
            double ffmpeg = g[0] / g[2];
            System.out.printf("%-24s %5.0f %9.1f %12.0f %12.0f %8.2f%n", e.getKey(), g[3], g[0], ours, ffmpeg,
                    ours / ffmpeg);
        }
    }

    private static String group(Path root, Path file) {
        Path relative = root.relativize(file);
        if (relative.getNameCount() > 1) {
            return relative.getName(0).toString();
        }
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /**
     * Decodes a whole file and hashes it; returns its audio seconds, or 0 when it cannot be decoded, and puts the
     * decoder's name in {@code decoderName[0]}.
     */
    private static double decode(FileAudioDecoder decoder, Path file, String[] decoderName) throws IOException {
        try (DecodedAudio audio = decoder.open(file)) {
            decoderName[0] = audio.decoderName();
            float[][] block = new float[audio.format().channels()][READ_FRAMES];
            long frames = 0;
            for (int n = audio.read(block, READ_FRAMES); n >= 0; n = audio.read(block, READ_FRAMES)) {
                frames += n;
            }
            audio.sha256();
            return frames / (double) audio.format().sampleRateHz();
        } catch (UnsupportedAudioException e) {
            return 0;
        } catch (IOException e) {
            System.err.println(e.getMessage());
            return 0;
        }
    }

    private static double ffmpegCpuSeconds(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-hide_banner", "-benchmark", "-threads", "1", "-i",
                file.toString(), "-f", "f32le", "-y", "/dev/null").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String stderr;
        try (InputStream err = p.getErrorStream()) {
            stderr = new String(err.readAllBytes(), StandardCharsets.UTF_8);
        }
        p.waitFor();
        Matcher m = FFMPEG_UTIME.matcher(stderr);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
