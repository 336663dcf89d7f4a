package org.deckhand.mixer.internal.stream;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.music.BeatGrid;
import org.deckhand.mixer.internal.encode.Mp3Encoder;
import org.deckhand.mixer.internal.encode.StreamFormat;
import org.deckhand.mixer.internal.render.MixListener;
import org.deckhand.mixer.internal.render.MixRenderer;
import org.deckhand.mixer.internal.render.TrackFeed;
import org.deckhand.mixer.internal.render.TransitionOptions;
import org.deckhand.mixer.internal.testing.ArraySource;
import org.deckhand.mixer.internal.testing.Facts;
import org.deckhand.mixer.internal.testing.SyntheticMusic;
import org.deckhand.mixer.internal.track.TrackFacts;

/**
 * Prints, in thread CPU time (the machine is shared, so wall time says little): how many times faster than real time
 * one core renders a mix and encodes it to MP3 at 192 kbit/s, beside the MP3 encoding alone, after warm-up rounds
 * (the mix of {@code MixerSpeed}: two six-minute synthetic tracks at 124 and 128 BPM with a 16-bar beat-matched
 * transition); then the CPU cost of serving one shared 192 kbit/s stream to many listeners for a while in real time:
 * the render thread's share of a core, each listener thread's share, and the listeners two cores would hold at that
 * rate. A measurement to run by hand, not a test.
 */
public final class StreamSpeed {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int RATE = 44_100;
    private static final double TRACK_SECONDS = 360;
    private static final int BLOCK = 4096;
    private static final int BIT_RATE = 192;

    private StreamSpeed() {
    }

    /**
     * @param args the number of listeners (20 by default) and the seconds they listen (30 by default)
     * @throws Exception if the stream fails
     */
    public static void main(String[] args) throws Exception {
        int listeners = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        float[][] first = SyntheticMusic.render(124, 220, TRACK_SECONDS, 1);
        float[][] second = SyntheticMusic.render(128, 247, TRACK_SECONDS, 2);
        System.out.println("JVM: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        for (int round = 0; round < 3; round++) {
            long start = CPU.getCurrentThreadCpuTime();
            long frames = renderAndEncode(first, second, true);
            double withMp3 = frames / (double) RATE / ((CPU.getCurrentThreadCpuTime() - start) / 1e9);
            start = CPU.getCurrentThreadCpuTime();
            frames = encodeOnly(first);
            double mp3Alone = frames / (double) RATE / ((CPU.getCurrentThreadCpuTime() - start) / 1e9);
            System.out.printf("round %d: render and MP3 %d kbit/s: %.1fx real time per core; MP3 encoding alone: "
                    + "%.1fx%n", round, BIT_RATE, withMp3, mp3Alone);
        }
        listen(first, second, listeners, seconds);
    }

    private static long renderAndEncode(float[][] first, float[][] second, boolean encode) throws Exception {
        Mp3Encoder encoder = new Mp3Encoder(RATE, BIT_RATE);
        AtomicLong bytes = new AtomicLong();
        long frames = 0;
        try (MixRenderer renderer = renderer(first, second)) {
            float[][] block = new float[2][BLOCK];
            int count;
            while ((count = renderer.read(block, 0, BLOCK)) > 0) {
                if (encode) {
                    encoder.encode(block, 0, count, (b, o, l) -> bytes.addAndGet(l));
                }
                frames += count;
            }
        }
        encoder.finish((b, o, l) -> bytes.addAndGet(l));
        return frames;
    }

    private static long encodeOnly(float[][] track) throws Exception {
        Mp3Encoder encoder = new Mp3Encoder(RATE, BIT_RATE);
        float[][] block = new float[2][BLOCK];
        for (int start = 0; start + BLOCK <= track[0].length; start += BLOCK) {
            System.arraycopy(track[0], start, block[0], 0, BLOCK);
            System.arraycopy(track[1], start, block[1], 0, BLOCK);
            encoder.encode(block, 0, BLOCK, (b, o, l) -> { });
        }
        encoder.finish((b, o, l) -> { });
        return track[0].length / BLOCK * (long) BLOCK;
    }

    private static void listen(float[][] first, float[][] second, int count, int seconds) throws Exception {
        String name = "speed-mix";
        SharedRender render = new SharedRender(listener -> renderer(first, second, listener), new PlaybackListener() {
        }, key -> new Mp3Encoder(RATE, key.bitRateKbps()), RATE, 4, 30, name);
        render.start();
        List<Thread> threads = new ArrayList<>();
        AtomicLong received = new AtomicLong();
        long[] cpu = new long[count];
        for (int i = 0; i < count; i++) {
            int index = i;
            Listening listening = render.join(new StreamKey(StreamFormat.MP3, BIT_RATE));
            Thread thread = new Thread(() -> {
                long begin = CPU.getCurrentThreadCpuTime();
                long deadline = System.nanoTime() + seconds * 1_000_000_000L;
                byte[] buffer = new byte[16_384];
                try (listening) {
                    while (System.nanoTime() < deadline) {
                        int read = listening.read(buffer, 500);
                        if (read < 0) {
                            break;
                        }
                        received.addAndGet(read);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                cpu[index] = CPU.getCurrentThreadCpuTime() - begin;
            }, "listener-" + i);
            threads.add(thread);
        }
        Thread renderThread = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name))
                .findFirst().orElseThrow();
        long renderStart = CPU.getThreadCpuTime(renderThread.getId());
        long wallStart = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double renderShare = (CPU.getThreadCpuTime(renderThread.getId()) - renderStart) / 1e9 / wall;
        render.stop();
        double listenerShare = 0;
        for (long nanos : cpu) {
            listenerShare += nanos / 1e9 / wall;
        }
        listenerShare /= count;
        double expected = count * wall * BIT_RATE * 125.0;
        System.out.printf("%d listeners of one %d kbit/s stream for %.0f s: render and encode %.2f %% of a core; "
                + "each listener %.3f %% of a core; bytes received %.0f %% of real time (burst included); two cores "
                + "hold %.0f listeners at that rate%n", count, BIT_RATE, wall, 100 * renderShare,
                100 * listenerShare, 100 * received.get() / expected, (2 - renderShare) / listenerShare);
    }

    private static MixRenderer renderer(float[][] first, float[][] second) {
        return renderer(first, second, new PlaybackListener() {
        });
    }

    private static MixRenderer renderer(float[][] first, float[][] second, MixListener listener) {
        TrackFacts outgoing = Facts.rendering(1, 124, TRACK_SECONDS, new BeatGrid(0, 60.0 / 124, 0.95, false, 30,
                TRACK_SECONDS - 60), 0.9, ReplayGain.NONE);
        TrackFacts incoming = Facts.rendering(2, 128, TRACK_SECONDS, new BeatGrid(0, 60.0 / 128, 0.95, false, 40,
                TRACK_SECONDS - 60), 0.9, ReplayGain.NONE);
        Iterator<TrackFacts> rest = List.of(incoming).iterator();
        TrackFeed feed = () -> rest.hasNext() ? Optional.of(rest.next()) : Optional.empty();
        return new MixRenderer(outgoing, feed, track -> new ArraySource(track.id() == 1 ? first : second),
                TransitionOptions.DEFAULTS, listener);
    }
}
