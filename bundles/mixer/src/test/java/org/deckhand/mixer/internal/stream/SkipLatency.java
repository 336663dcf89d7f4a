package org.deckhand.mixer.internal.stream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.mixer.internal.encode.StreamFormat;
import org.deckhand.mixer.internal.encode.WavEncoder;
import org.deckhand.mixer.internal.render.MixRenderer;
import org.deckhand.mixer.internal.render.TrackFeed;
import org.deckhand.mixer.internal.render.TransitionOptions;
import org.deckhand.mixer.internal.testing.ArraySource;
import org.deckhand.mixer.internal.testing.ClickTrack;
import org.deckhand.mixer.internal.testing.Facts;
import org.deckhand.mixer.internal.track.TrackFacts;

/**
 * Times skips as a listener hears them: a mix of long sines, each track at its own pitch, plays through a
 * {@link SharedRender} to one listener reading its 16-bit WAV stream in real time. For each skip, the clock's frame
 * when it is asked for (what listeners hear then) and the first frame of the stream in which the next track's pitch
 * is heard (a 1024-frame window where the Goertzel power at its pitch exceeds 1 % of the window's power): their
 * difference is how long after asking the listener hears the skip, in seconds of audio.
 */
final class SkipLatency implements AutoCloseable {

    private static final int RATE = ClickTrack.RATE_HZ;
    private static final int WINDOW = 1024;
    private static final int BYTES_PER_FRAME = 4;
    private static final double TRACK_SECONDS = 120;
    private static final double AMPLITUDE = 0.3;

    private final List<Double> pitches = new ArrayList<>();
    private final SharedRender render;
    private final Listening listening;
    private int playing;

    /**
     * @param tracks how many tracks the mix has, at least 2
     * @param leadSeconds how far the render runs ahead of real time (the setting bufferSeconds)
     * @throws IOException if the encoder cannot be created
     */
    SkipLatency(int tracks, double leadSeconds) throws IOException {
        List<TrackFacts> all = new ArrayList<>();
        for (int i = 0; i < tracks; i++) {
            pitches.add(300.0 + 110 * i);
            all.add(Facts.rendering(i + 1, 120, TRACK_SECONDS, null, 0, ReplayGain.NONE));
        }
        Iterator<TrackFacts> rest = all.subList(1, tracks).iterator();
        TrackFeed feed = () -> rest.hasNext() ? Optional.of(rest.next()) : Optional.empty();
        TransitionOptions options = TransitionOptions.DEFAULTS;
        render = new SharedRender(listener -> new MixRenderer(all.get(0), feed, track -> new ArraySource(
                ClickTrack.sine(pitches.get((int) track.id() - 1), AMPLITUDE, TRACK_SECONDS)), options, listener),
                new PlaybackListener() {
                }, key -> new WavEncoder(RATE), RATE, leadSeconds, 30, "skip-latency");
        render.start();
        listening = render.join(new StreamKey(StreamFormat.WAV, 0));
    }

    /**
     * Listens for a while, skips, and listens until the next track is heard.
     *
     * @param listenSeconds how long to listen before skipping, seconds of audio
     * @return how long after asking the skip was heard, seconds of audio
     * @throws InterruptedException if interrupted
     * @throws IOException if the stream ends first
     */
    double skipAfter(double listenSeconds) throws InterruptedException, IOException {
        long until = listening.stream().firstFrame() + framesRead() + Math.round(listenSeconds * RATE);
        while (listening.stream().firstFrame() + framesRead() < until) {
            window();
        }
        long asked = render.positionFrames();
        render.skip();
        playing++;
        double pitch = pitches.get(playing);
        while (true) {
            long start = listening.stream().firstFrame() + framesRead();
            float[] samples = window();
            if (heard(samples, pitch)) {
                return (start - asked) / (double) RATE;
            }
            if (start - asked > 20L * RATE) {
                throw new IOException("the skip was not heard within 20 s");
            }
        }
    }

    private long framesRead() {
        return listening.cursor().position() / BYTES_PER_FRAME;
    }

    private float[] window() throws InterruptedException, IOException {
        byte[] bytes = new byte[WINDOW * BYTES_PER_FRAME];
        for (int done = 0; done < bytes.length;) {
            byte[] chunk = new byte[bytes.length - done];
            int read = listening.read(chunk, 5000);
            if (read < 0) {
                throw new IOException("the stream ended");
            }
            System.arraycopy(chunk, 0, bytes, done, read);
            done += read;
        }
        float[] left = new float[WINDOW];
        for (int i = 0; i < WINDOW; i++) {
            int at = i * BYTES_PER_FRAME;
            left[i] = (short) ((bytes[at] & 0xFF) | (bytes[at + 1] << 8)) / 32768f;
        }
        return left;
    }

    /** @return whether the pitch holds more than 1 % of the window's power (Goertzel's algorithm) */
    private static boolean heard(float[] samples, double hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / RATE);
        double previous = 0;
        double beforePrevious = 0;
        double total = 0;
        for (float sample : samples) {
            double next = sample + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = next;
            total += sample * sample;
        }
        double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        double pitchPower = 2 * power / samples.length;
        return total > 0 && pitchPower > 0.01 * total;
    }

    @Override
    public void close() {
        listening.close();
        render.stop();
    }
}
