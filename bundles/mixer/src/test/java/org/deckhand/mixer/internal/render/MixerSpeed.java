package org.deckhand.mixer.internal.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.music.BeatGrid;
import org.deckhand.mixer.internal.testing.ArraySource;
import org.deckhand.mixer.internal.testing.ClickTrack;
import org.deckhand.mixer.internal.testing.Facts;
import org.deckhand.mixer.internal.testing.Mixes;
import org.deckhand.mixer.internal.testing.SyntheticMusic;
import org.deckhand.mixer.internal.track.TrackFacts;

/**
 * Prints how many times faster than real time the mixer renders, per core (one thread, in thread CPU time: the
 * machine is shared, so wall time says little), after two warm-up rounds: a whole mix of two six-minute synthetic
 * tracks at 124 and 128 BPM with a 16-bar beat-matched transition and its ramp, with and without the bass swap;
 * and the time-stretch alone on 180 s of the second track at 124/128, with the quick splice search (the mixer's) and
 * the exhaustive one (TarsosDSP's), beside ffmpeg's {@code atempo} filter on the same audio in the same run (ffmpeg's
 * user and system time). A measurement to run by hand, not a test.
 */
public final class MixerSpeed {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int RATE = ClickTrack.RATE_HZ;
    private static final double TRACK_SECONDS = 360;
    private static final double STRETCH_SECONDS = 180;
    private static final double TEMPO = 124.0 / 128;
    private static final WsolaParameters QUICK = WsolaParameters.music(RATE);
    private static final Pattern BENCH = Pattern.compile("utime=([0-9.]+)s stime=([0-9.]+)s");

    private MixerSpeed() {
    }

    /**
     * @param args unused
     * @throws IOException if the mix or ffmpeg fails
     * @throws InterruptedException if interrupted while ffmpeg runs
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        float[][] first = SyntheticMusic.render(124, 220, TRACK_SECONDS, 1);
        float[][] second = SyntheticMusic.render(128, 247, TRACK_SECONDS, 2);
        TrackFacts outgoing = Facts.rendering(1, 124, TRACK_SECONDS, new BeatGrid(0, 60.0 / 124, 0.95, false, 30,
                TRACK_SECONDS - 60), 0.9, ReplayGain.NONE);
        TrackFacts incoming = Facts.rendering(2, 128, TRACK_SECONDS, new BeatGrid(0, 60.0 / 128, 0.95, false, 40,
                TRACK_SECONDS - 60), 0.9, ReplayGain.NONE);
        System.out.println("JVM: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        for (int round = 0; round < 3; round++) {
            for (boolean bassSwap : new boolean[] {false, true}) {
                Mixes mixes = new Mixes(Map.of(1L, new ArraySource(first), 2L, new ArraySource(second)));
                long start = CPU.getCurrentThreadCpuTime();
                float[][] mix = mixes.render(TransitionOptions.DEFAULTS.withBassSwap(bassSwap), outgoing, incoming);
                double cpuSeconds = (CPU.getCurrentThreadCpuTime() - start) / 1e9;
                double mixSeconds = mix[0].length / (double) RATE;
                System.out.printf("round %d: whole mix%s, %.0f s: %.0fx real time per core%n", round,
                        bassSwap ? " with bass swap" : "", mixSeconds, mixSeconds / cpuSeconds);
            }
            double stretch = stretchSpeed(second, QUICK);
            double exhaustive = stretchSpeed(second, QUICK.withQuickSeek(false));
            System.out.printf("round %d: time-stretch alone, %.0f s at %.4f: %.0fx real time per core; with the "
                    + "exhaustive splice search: %.0fx%n", round, STRETCH_SECONDS, TEMPO, stretch, exhaustive);
        }
        double ffmpeg = ffmpegAtempoSpeed(second);
        double ours = stretchSpeed(second, QUICK);
        System.out.printf("time-stretch: Deckhand %.0fx, ffmpeg atempo %.0fx real time per core: ratio %.2f%n", ours,
                ffmpeg, ours / ffmpeg);
    }

    private static double stretchSpeed(float[][] track, WsolaParameters parameters) throws IOException {
        float[][] excerpt = excerpt(track);
        TimeStretcher stretcher = new TimeStretcher(new ArraySource(excerpt), 2, TempoCurve.constant(TEMPO),
                parameters);
        float[][] block = new float[2][4096];
        long start = CPU.getCurrentThreadCpuTime();
        while (stretcher.read(block, 0, block[0].length) > 0) {
            block[0][0] = 0;
        }
        return STRETCH_SECONDS / ((CPU.getCurrentThreadCpuTime() - start) / 1e9);
    }

    /** @return ffmpeg's speed, times real time, from its own CPU time, or NaN when ffmpeg is not installed */
    private static double ffmpegAtempoSpeed(float[][] track) throws IOException, InterruptedException {
        Path wav = Files.createTempFile("mixer-speed", ".wav");
        try {
            writeFloatWav(excerpt(track), wav);
            Process process;
            try {
                process = new ProcessBuilder(List.of("ffmpeg", "-nostdin", "-benchmark", "-threads", "1",
                        "-filter_threads", "1", "-i", wav.toString(), "-af", "atempo=" + TEMPO, "-f", "null", "-"))
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                System.out.println("ffmpeg is not installed: no comparison");
                return Double.NaN;
            }
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (process.waitFor() != 0) {
                throw new IOException("ffmpeg failed on " + wav + ":\n" + output);
            }
            Matcher matcher = BENCH.matcher(output);
            if (!matcher.find()) {
                throw new IOException("ffmpeg printed no benchmark line:\n" + output);
            }
            return STRETCH_SECONDS / (Double.parseDouble(matcher.group(1)) + Double.parseDouble(matcher.group(2)));
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    private static float[][] excerpt(float[][] track) {
        int frames = (int) (STRETCH_SECONDS * RATE);
        float[][] excerpt = new float[2][frames];
        for (int channel = 0; channel < 2; channel++) {
            System.arraycopy(track[channel], 0, excerpt[channel], 0, frames);
        }
        return excerpt;
    }

    private static void writeFloatWav(float[][] stereo, Path file) throws IOException {
        int frames = stereo[0].length;
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + frames * 8)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 3)
                .putShort((short) 2).putInt(RATE).putInt(RATE * 8).putShort((short) 8).putShort((short) 32)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(frames * 8);
        ByteBuffer data = ByteBuffer.allocate(frames * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            data.putFloat(stereo[0][i]).putFloat(stereo[1][i]);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header.array());
            out.write(data.array());
        }
    }
}
