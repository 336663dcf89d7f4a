package org.deckhand.mixer.internal.stream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.deckhand.mixer.internal.render.MixListener;
import org.deckhand.mixer.internal.render.MixRenderer;
import org.deckhand.mixer.internal.render.TrackStart;
import org.deckhand.mixer.internal.track.TrackFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays one mix for all its listeners: a render thread (daemon, below normal priority, named after the mix) pulls
 * blocks from the {@link MixRenderer} up to {@code leadSeconds} ahead of a real-time clock into a {@link PcmRing},
 * and feeds every {@link EncodedStream} in use up to {@value #FEED_LEAD_SECONDS} s ahead of the clock; encoders are
 * created for the first listener of a format and bit rate (starting at the frame listeners hear now, so that the
 * stream's lead reaches a new listener at once as a burst) and dropped with the last. The clock is the position
 * listeners hear: {@link #positionFrames()}.
 *
 * <p>The render-ahead buffer absorbs a slow disk or a busy CPU; players only ever hold the stream's short lead. A
 * skip is therefore heard within about that lead: the frames rendered but not yet encoded are crossfaded into the
 * next track at once ({@link MixRenderer#skipOver}), rather than the fade starting after the whole buffer.
 *
 * <p>With no listener, the mix goes on for {@code idleSeconds} (a player that reconnects, or switches format, finds
 * it where it was), then pauses: the render thread waits without using the CPU, and the clock stands still until a
 * listener comes. Title marks are placed in each stream at the exact frame where a track's fade-in starts, and the
 * {@link PlaybackListener} hears each track when the clock reaches that frame, and the end.
 */
public final class SharedRender implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedRender.class);
    private static final int BLOCK_FRAMES = 4096;
    /** Seconds of encoded audio the rings keep besides the lead, for listeners that read in bursts. */
    private static final int RING_SPARE_SECONDS = 10;
    private static final int LOSSLESS_BYTES_PER_FRAME = 4;
    /** How far ahead of the clock the streams are encoded, seconds: what a player holds, and a skip waits for. */
    static final double FEED_LEAD_SECONDS = 0.5;
    /** The shortest crossfade a skip makes over frames already rendered, seconds; shorter, it fades from the head. */
    private static final double MIN_SKIP_FADE_SECONDS = 1;
    /** How often the render thread wakes to feed the streams while the render is far enough ahead, milliseconds. */
    private static final long FEED_INTERVAL_MILLIS = 20;

    private final MixRenderer renderer;
    private final PlaybackListener listener;
    private final EncoderFactory encoders;
    private final int sampleRateHz;
    private final long leadFrames;
    private final long feedLeadFrames;
    private final float[][] skipped;
    private final long idleNanos;
    private final PcmRing pcm;
    private final Map<StreamKey, EncodedStream> streams = new HashMap<>();
    private final NavigableMap<Long, TrackStart> titles = new TreeMap<>();
    private final List<TrackStart> pendingStarts = new ArrayList<>();
    private final float[][] block = new float[2][BLOCK_FRAMES];
    private final float[][] scratch = new float[2][BLOCK_FRAMES];
    private final Thread thread;
    private RenderState state = RenderState.PLAYING;
    private boolean renderEnded;
    private long clockBaseFrames;
    private long clockStartNanos;
    private boolean clockRunning = true;
    private long idleSinceNanos;
    private long pausedAtNanos;
    private volatile boolean skipRequested;
    private boolean streamsFinished;
    /** The fade-in frame of the track listeners were last told they hear, or -1. */
    private long heardFrame = -1;

    /**
     * @param renderers creates the mix's renderer, given the listener it must tell; the render thread alone reads it
     * @param listener hears the tracks start and fail, on the render thread, and when listeners hear them and the end
     * @param encoders creates the encoders
     * @param sampleRateHz the mix's sample rate, Hz
     * @param leadSeconds how far ahead of the clock to render, seconds: what rides out a slow disk or a busy CPU
     * @param idleSeconds how long to go on without a listener before pausing, seconds
     * @param threadName the render thread's name
     */
    public SharedRender(Function<MixListener, MixRenderer> renderers, PlaybackListener listener, EncoderFactory encoders,
            int sampleRateHz, double leadSeconds, double idleSeconds, String threadName) {
        this.listener = listener;
        renderer = renderers.apply(renderListener());
        this.encoders = encoders;
        this.sampleRateHz = sampleRateHz;
        leadFrames = Math.round(leadSeconds * sampleRateHz);
        idleNanos = Math.round(idleSeconds * 1e9);
        feedLeadFrames = Math.round(FEED_LEAD_SECONDS * sampleRateHz);
        int capacity = (int) leadFrames + 2 * BLOCK_FRAMES + sampleRateHz;
        pcm = new PcmRing(capacity);
        skipped = new float[2][capacity];
        clockStartNanos = System.nanoTime();
        idleSinceNanos = clockStartNanos;
        thread = new Thread(this, threadName);
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
    }

    /** Starts the render thread. */
    public void start() {
        thread.start();
    }

    /** @return the mix's frame that listeners hear now */
    public synchronized long positionFrames() {
        return clockFrame(System.nanoTime());
    }

    /** @return the render's state */
    public synchronized RenderState state() {
        return state;
    }

    /** @return whether it is paused for want of listeners */
    public synchronized boolean paused() {
        return !clockRunning && state == RenderState.PLAYING;
    }

    /** @return why it no longer plays, such as "the mix has stopped"; for messages once it is not PLAYING */
    public synchronized String endedMessage() {
        return state == RenderState.STOPPED ? "the mix has stopped"
                : "the mix has ended: every planned track has played";
    }

    /**
     * @return how long it has been paused for want of listeners, nanoseconds; 0 while it plays to someone or has
     *     stopped or ended
     */
    public synchronized long pausedNanos() {
        return paused() ? System.nanoTime() - pausedAtNanos : 0;
    }

    /** @return how many listeners read its streams, all formats together */
    public synchronized int listeners() {
        return streams.values().stream().mapToInt(EncodedStream::listeners).sum();
    }

    /**
     * Starts the transition to the next track now: it is heard after the streams' lead of
     * {@value #FEED_LEAD_SECONDS} s, not after the render-ahead buffer.
     */
    public void skip() {
        skipRequested = true;
        synchronized (this) {
            notifyAll();
        }
    }

    /**
     * Stops the mix: its streams end at once, and the render thread closes the renderer and leaves. The listener
     * hears {@link PlaybackListener#ended} when the mix was playing.
     */
    public void stop() {
        boolean stopped = false;
        synchronized (this) {
            if (state == RenderState.PLAYING) {
                clockBaseFrames = clockFrame(System.nanoTime());
                clockRunning = false;
                state = RenderState.STOPPED;
                stopped = true;
            }
            streams.values().forEach(EncodedStream::abort);
            streams.clear();
            notifyAll();
        }
        if (stopped) {
            listener.ended(RenderState.STOPPED);
        }
    }

    /**
     * Joins a listener: to the stream of its format and bit rate, created when it is the first.
     *
     * @param key the format and bit rate
     * @return the stream and the listener's cursor in it, at the live edge minus the lead
     * @throws IOException if the encoder cannot be created
     * @throws IllegalStateException if the mix is no longer playing
     */
    public synchronized Listening join(StreamKey key) throws IOException {
        if (state != RenderState.PLAYING) {
            throw new IllegalStateException(endedMessage());
        }
        long now = System.nanoTime();
        if (!clockRunning) {
            clockRunning = true;
            clockStartNanos = now;
        }
        long live = clockFrame(now);
        EncodedStream stream = streams.get(key);
        if (stream == null) {
            stream = new EncodedStream(key, encoders.create(key), ringBytes(key), Math.max(live, pcm.tail()));
            Entry<Long, TrackStart> title = titles.floorEntry(stream.encodedFrames());
            if (title != null) {
                stream.markTitle(title.getValue().track().displayName());
            }
            streams.put(key, stream);
            if (streamsFinished) {
                feed(stream, pcm.head());
                finish(stream);
            }
        }
        stream.addListener();
        notifyAll();
        return new Listening(this, stream, stream.cursorAt(live));
    }

    /**
     * Frees a listener's place; the last listener of a stream closes its encoder.
     *
     * @param stream the stream it read
     */
    synchronized void leave(EncodedStream stream) {
        if (stream.removeListener() == 0 && streams.get(stream.key()) == stream) {
            streams.remove(stream.key());
            stream.abort();
        }
        if (streams.isEmpty()) {
            idleSinceNanos = System.nanoTime();
        }
    }

    private int ringBytes(StreamKey key) {
        double seconds = leadFrames / (double) sampleRateHz + RING_SPARE_SECONDS;
        double bytesPerSecond = key.bitRateKbps() > 0 ? key.bitRateKbps() * 125.0
                : sampleRateHz * LOSSLESS_BYTES_PER_FRAME;
        return (int) Math.ceil(seconds * bytesPerSecond);
    }

    /** The render thread: renders ahead of the clock, feeds the streams, skips, waits, pauses and ends. */
    @Override
    public void run() {
        try {
            while (step()) {
                if (skipRequested) {
                    skipRequested = false;
                    skipNow();
                }
                int count = 0;
                boolean render;
                synchronized (this) {
                    render = !renderEnded && pcm.head() - clockFrame(System.nanoTime()) < leadFrames;
                }
                if (render) {
                    count = renderer.read(block, 0, BLOCK_FRAMES);
                }
                deliverStarts();
                synchronized (this) {
                    if (state != RenderState.PLAYING) {
                        break;
                    }
                    if (count < 0) {
                        renderEnded = true;
                    } else if (count > 0) {
                        pcm.append(block, count);
                    }
                    feedStreams();
                }
                announceHeard();
            }
            endedByItself();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("{}: the render failed; the mix ends here", thread.getName(), e);
            boolean wasPlaying;
            synchronized (this) {
                wasPlaying = state == RenderState.PLAYING;
                state = RenderState.ENDED;
                streams.values().forEach(EncodedStream::abort);
                streams.clear();
            }
            if (wasPlaying) {
                listener.ended(RenderState.ENDED);
            }
        } finally {
            renderer.close();
        }
    }

    /**
     * Crossfades the frames rendered but not yet encoded into the next track (when they last at least
     * {@value #MIN_SKIP_FADE_SECONDS} s), else asks the renderer to fade from what it renders next.
     */
    private void skipNow() {
        long from;
        synchronized (this) {
            from = clockFrame(System.nanoTime()) + feedLeadFrames;
            for (EncodedStream stream : streams.values()) {
                from = Math.max(from, stream.encodedFrames());
            }
        }
        long pending = pcm.head() - Math.max(from, pcm.tail());
        if (pending < MIN_SKIP_FADE_SECONDS * sampleRateHz) {
            renderer.skip();
            return;
        }
        long start = pcm.head() - pending;
        pcm.copy(start, (int) pending, skipped);
        if (renderer.skipOver(skipped, (int) pending)) {
            synchronized (this) {
                pcm.overwrite(start, (int) pending, skipped);
                titles.tailMap(start, false).clear();
            }
        }
    }

    /**
     * Waits until there is something to do: a block to render, frames for the streams, or a skip.
     *
     * @return true to go on, false to leave
     */
    private synchronized boolean step() throws InterruptedException {
        while (state == RenderState.PLAYING) {
            long now = System.nanoTime();
            if (clockRunning && streams.isEmpty() && now - idleSinceNanos > idleNanos) {
                clockBaseFrames = clockFrame(now);
                clockRunning = false;
                pausedAtNanos = now;
                LOG.debug("{}: no listener for {} s, paused", thread.getName(), idleNanos / 1_000_000_000);
            }
            if (!clockRunning) {
                wait();
                continue;
            }
            long clock = clockFrame(now);
            long ahead = pcm.head() - clock;
            if (renderEnded && ahead <= 0) {
                feedStreams();
                state = RenderState.ENDED;
                return false;
            }
            if (skipRequested || !renderEnded && ahead < leadFrames || unfed(clock) || heardDue(clock) != null) {
                return true;
            }
            wait(FEED_INTERVAL_MILLIS);
        }
        return false;
    }

    /** @return the start of the track listeners hear come in and have not been told of, or null */
    private TrackStart heardDue(long clock) {
        Entry<Long, TrackStart> heard = titles.floorEntry(clock);
        return heard == null || heard.getKey() <= heardFrame ? null : heard.getValue();
    }

    /** Tells the listener of the track listeners now hear come in, if it has not been told yet. */
    private void announceHeard() {
        TrackStart heard;
        synchronized (this) {
            heard = heardDue(clockFrame(System.nanoTime()));
            if (heard != null) {
                heardFrame = heard.fadeInStartFrame();
            }
        }
        if (heard != null) {
            listener.trackHeard(heard);
        }
    }

    /** Tells the listener that the mix ended, when it left the loop by playing to its end rather than by a stop. */
    private void endedByItself() {
        boolean ended;
        synchronized (this) {
            ended = state == RenderState.ENDED;
        }
        if (ended) {
            listener.ended(RenderState.ENDED);
        }
    }

    /** @return whether a stream lacks frames it is due: up to the lead past the clock, or all once the render ended */
    private boolean unfed(long clock) {
        long due = feedLimit(clock);
        for (EncodedStream stream : streams.values()) {
            if (stream.encodedFrames() < due) {
                return true;
            }
        }
        return renderEnded && !streamsFinished && !streams.isEmpty();
    }

    private long feedLimit(long clock) {
        return Math.min(pcm.head(), clock + feedLeadFrames);
    }

    /**
     * @return the clock: frames played in real time while running, never past what has been rendered (an underrun
     *     holds it back)
     */
    private long clockFrame(long now) {
        if (!clockRunning) {
            return clockBaseFrames;
        }
        long frames = clockBaseFrames + (long) ((now - clockStartNanos) * (sampleRateHz / 1e9));
        if (frames > pcm.head()) {
            clockBaseFrames = pcm.head();
            clockStartNanos = now;
            return clockBaseFrames;
        }
        return frames;
    }

    private void deliverStarts() {
        synchronized (pendingStarts) {
            for (TrackStart start : pendingStarts) {
                synchronized (this) {
                    titles.put(start.fadeInStartFrame(), start);
                }
            }
            pendingStarts.clear();
        }
    }

    /** Feeds the streams up to the lead past the clock; once the render has ended and all is fed, finishes them. */
    private void feedStreams() {
        long limit = feedLimit(clockFrame(System.nanoTime()));
        for (EncodedStream stream : List.copyOf(streams.values())) {
            feed(stream, limit);
        }
        if (renderEnded && limit == pcm.head()) {
            finishStreams();
        }
    }

    /** Feeds a stream the frames it has not had up to {@code limit}, marking the titles at their exact frames. */
    private void feed(EncodedStream stream, long limit) {
        try {
            while (stream.encodedFrames() < limit) {
                long from = stream.encodedFrames();
                TrackStart title = titles.get(from);
                if (title != null) {
                    stream.markTitle(title.track().displayName());
                }
                Long nextTitle = titles.higherKey(from);
                long to = Math.min(limit, from + BLOCK_FRAMES);
                if (nextTitle != null && nextTitle < to) {
                    to = nextTitle;
                }
                pcm.copy(from, (int) (to - from), scratch);
                stream.encode(scratch, (int) (to - from));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: the {} encoder failed; its listeners are disconnected", thread.getName(),
                    stream.key(), e);
            streams.remove(stream.key());
            stream.abort();
        }
    }

    private void finishStreams() {
        if (!streamsFinished) {
            streamsFinished = true;
            streams.values().forEach(this::finish);
        }
    }

    private void finish(EncodedStream stream) {
        try {
            stream.finish();
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: the {} encoder failed at the end of the mix", thread.getName(), stream.key(), e);
            stream.abort();
        }
    }

    /** Hears the renderer on the render thread: keeps where titles change, and passes everything on. */
    private MixListener renderListener() {
        return new MixListener() {
            @Override
            public void trackStarted(TrackStart start) {
                synchronized (pendingStarts) {
                    pendingStarts.add(start);
                }
                listener.trackStarted(start);
            }

            @Override
            public void trackFailed(TrackFacts track, IOException error) {
                listener.trackFailed(track, error);
            }
        };
    }
}
