package org.deckhand.mixer.internal.render;

import java.io.Closeable;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.deckhand.mixer.internal.track.TrackFacts;

/**
 * Renders a continuous mix, block by block, as its reader asks: the first track from its start, then each next track
 * that the {@link TrackFeed} gives, mixed in as the {@link TransitionDesigner} works out: an equal-power crossfade
 * (gains cos and sin of a quarter turn) of both full bands, or with the bass swap, of the high bands while the low
 * bands swap over one beat in the middle of the fade (both decks then always play through a {@link Crossover}).
 *
 * <p>At most two tracks are open at a time, each read as it plays: memory stays the same whatever the mix's length.
 * A track that cannot be opened, or fails while playing, is reported to the {@link MixListener} and the mix goes
 * on with the next; a track whose audio ends before its planned fade-out is cut straight into the next, and so is an
 * incoming track whose audio ends inside its fade-in (its catalog duration was wrong), rather than leaving the
 * outgoing track fading into silence. The output
 * is stereo float PCM at the options' sample rate; two loud tracks summed in a fade may exceed full scale, and the
 * encoder downstream limits it. Not thread-safe: one reader pulls from it.
 */
public final class MixRenderer implements Closeable {

    private static final int BLOCK_FRAMES = 4096;
    private static final double QUARTER_TURN = Math.PI / 2;
    /** The longest crossfade after a skip, seconds. */
    private static final double SKIP_FADE_SECONDS = 4;

    private final TrackFacts first;
    private final TrackFeed feed;
    private final TrackOpener opener;
    private final TransitionOptions options;
    private final MixListener listener;
    private final TransitionDesigner designer;
    private final WsolaParameters parameters;
    private final float[][] outgoingBlock = new float[2][BLOCK_FRAMES];
    private final float[][] incomingBlock = new float[2][BLOCK_FRAMES];
    private final float[][] outgoingLow;
    private final float[][] incomingLow;
    private Deck current;
    private Crossover currentCrossover;
    private Deck incoming;
    private Crossover incomingCrossover;
    private Transition transition;
    private TrackFacts nextTrack;
    private long fadeStart;
    private long fadeFrames;
    private boolean currentEnded;
    private boolean incomingEnded;
    private boolean started;
    private boolean feedEnded;
    private boolean feedWasEmpty;
    private long rendered;
    private boolean plainFade;
    private volatile boolean skipRequested;

    /**
     * @param first the track the mix starts with
     * @param feed the tracks that follow
     * @param opener opens each track's audio when it is about to play
     * @param options how to mix one track into the next
     * @param listener hears where tracks start and which fail
     */
    public MixRenderer(TrackFacts first, TrackFeed feed, TrackOpener opener, TransitionOptions options,
            MixListener listener) {
        this.first = first;
        this.feed = feed;
        this.opener = opener;
        this.options = options;
        this.listener = listener;
        designer = new TransitionDesigner(options);
        parameters = WsolaParameters.music(options.sampleRateHz());
        outgoingLow = options.bassSwap() ? new float[2][BLOCK_FRAMES] : null;
        incomingLow = options.bassSwap() ? new float[2][BLOCK_FRAMES] : null;
    }

    /**
     * Renders the next frames of the mix.
     *
     * @param into left and right arrays, each at least {@code offset + frames} long
     * @param offset where to write the first frame
     * @param frames how many frames to render, positive
     * @return the frames rendered, {@code frames} until the mix ends, or -1 once it has ended
     */
    public int read(float[][] into, int offset, int frames) {
        int written = 0;
        while (written < frames) {
            if (skipRequested) {
                skipRequested = false;
                skipNow();
            }
            if (current == null && !startNextAlone()) {
                break;
            }
            int chunk = Math.min(frames - written, BLOCK_FRAMES);
            int count = incoming == null ? playAlone(into, offset + written, chunk)
                    : playFade(into, offset + written, chunk);
            written += count;
            rendered += count;
        }
        return written == 0 ? -1 : written;
    }

    /** @return how many frames the mix has rendered so far */
    public long framesRendered() {
        return rendered;
    }

    /**
     * Asks for the transition to the next track to start at the next {@link #read}, as a plain equal-power crossfade
     * of at most {@value #SKIP_FADE_SECONDS} s from wherever the track playing is; the incoming track starts at its
     * cue. Ignored during a fade; when no track follows, the mix ends. May be called from any thread.
     */
    public void skip() {
        skipRequested = true;
    }

    /**
     * Mixes the next track, at once, into frames this renderer has already rendered but nobody has heard yet: a
     * plain equal-power crossfade over exactly those frames (the outgoing track's audio in them fades out, the
     * incoming track fades in from its cue at its own tempo), after which the incoming track plays on alone. This is
     * how a skip is heard within the stream's short lead rather than after the whole render-ahead buffer. When no
     * track follows, the frames fade out to silence and the mix ends. Render thread only.
     *
     * @param pending left and right arrays holding the last {@code frames} frames rendered, changed in place
     * @param frames how many, at most {@link #framesRendered()}; the fade's length
     * @return false when nothing was changed: no track plays, or a fade is under way (which a skip leaves alone)
     */
    public boolean skipOver(float[][] pending, int frames) {
        if (current == null || incoming != null || frames <= 0) {
            return false;
        }
        if (transition == null && !feedEnded) {
            Optional<TrackFacts> next = feed.next();
            if (next.isPresent()) {
                nextTrack = next.get();
                transition = designer.design(current.state(), nextTrack);
            } else {
                feedEnded = true;
            }
        }
        if (transition == null) {
            fade(pending, null, frames);
            closeQuietly(current);
            current = null;
            return true;
        }
        TrackFacts track = nextTrack;
        long cue = transition.cueFrame();
        transition = null;
        nextTrack = null;
        Optional<Deck> deck = open(track, cue, TempoCurve.constant(1));
        if (deck.isEmpty()) {
            return false;
        }
        float[][] incomingAudio = new float[2][frames];
        boolean ended = false;
        for (int done = 0; done < frames && !ended;) {
            int count = play(deck.get(), incomingAudio, done, Math.min(BLOCK_FRAMES, frames - done));
            ended = count <= 0;
            done += Math.max(0, count);
        }
        fade(pending, incomingAudio, frames);
        closeQuietly(current);
        current = deck.get();
        currentCrossover = options.bassSwap() ? new Crossover(options.sampleRateHz()) : null;
        listener.trackStarted(new TrackStart(track, rendered - frames, rendered, false));
        return true;
    }

    /** Equal-power crossfade of {@code frames} frames from {@code outgoing} (in place) into {@code incoming}. */
    private static void fade(float[][] outgoing, float[][] incoming, int frames) {
        for (int i = 0; i < frames; i++) {
            double angle = QUARTER_TURN * i / frames;
            float out = (float) Math.cos(angle);
            float in = (float) Math.sin(angle);
            for (int channel = 0; channel < 2; channel++) {
                outgoing[channel][i] = out * outgoing[channel][i]
                        + (incoming == null ? 0 : in * incoming[channel][i]);
            }
        }
    }

    /** Closes the tracks playing; an error closing one is reported to the listener. */
    @Override
    public void close() {
        closeQuietly(incoming);
        closeQuietly(current);
        incoming = null;
        current = null;
    }

    /**
     * Plays the track alone until its fade-out starts. The next track is asked for, and the transition designed, as
     * soon as the track plays alone; while the feed has none, it is asked again at every block, so that a plan
     * extended while the last track plays is still heard. A next track that comes after the planned fade-out has
     * passed is brought in as after a skip: a short plain fade at once.
     *
     * @return the frames written; 0 when the fade starts now or the track has ended
     */
    private int playAlone(float[][] into, int offset, int frames) {
        boolean late = false;
        if (transition == null) {
            Optional<TrackFacts> next = feed.next();
            if (next.isPresent()) {
                nextTrack = next.get();
                transition = designer.design(current.state(), nextTrack);
                late = feedWasEmpty;
            }
            feedWasEmpty = next.isEmpty();
        }
        long untilFade = transition == null ? Long.MAX_VALUE : current.framesUntil(transition.fadeStartFrame());
        if (untilFade == 0) {
            if (late) {
                startFade(Math.min(transition.fadeFrames(), skipFadeFrames()), true);
            } else {
                startFade(transition.fadeFrames(), false);
            }
            return 0;
        }
        int count = play(current, into, offset, (int) Math.min(frames, untilFade));
        if (count < 0) {
            if (transition != null) {
                startFade(0, false);
            } else {
                closeQuietly(current);
                current = null;
            }
            return 0;
        }
        if (currentCrossover != null) {
            float[][] low = outgoingLow;
            float[][] high = outgoingBlock;
            currentCrossover.split(into, offset, low, high, count);
            for (int channel = 0; channel < 2; channel++) {
                for (int i = 0; i < count; i++) {
                    into[channel][offset + i] = low[channel][i] + high[channel][i];
                }
            }
        }
        return count;
    }

    private int playFade(float[][] into, int offset, int frames) {
        long elapsed = rendered - fadeStart;
        if (elapsed >= fadeFrames) {
            finishFade();
            return 0;
        }
        int count = (int) Math.min(frames, fadeFrames - elapsed);
        currentEnded = playOrSilence(current, currentEnded, outgoingBlock, count);
        incomingEnded = playOrSilence(incoming, incomingEnded, incomingBlock, count);
        if (options.bassSwap()) {
            currentCrossover.split(outgoingBlock, 0, outgoingLow, outgoingBlock, count);
            incomingCrossover.split(incomingBlock, 0, incomingLow, incomingBlock, count);
        }
        boolean swapping = !plainFade && transition.bassSwapFrames() > 0;
        for (int i = 0; i < count; i++) {
            double angle = QUARTER_TURN * (elapsed + i) / fadeFrames;
            float out = (float) Math.cos(angle);
            float in = (float) Math.sin(angle);
            float lowOut = out;
            float lowIn = in;
            if (swapping) {
                double swap = Math.min(1, Math.max(0,
                        (double) (elapsed + i - transition.bassSwapStartFrame()) / transition.bassSwapFrames()));
                lowOut = (float) Math.cos(QUARTER_TURN * swap);
                lowIn = (float) Math.sin(QUARTER_TURN * swap);
            }
            for (int channel = 0; channel < 2; channel++) {
                float mixed = out * outgoingBlock[channel][i] + in * incomingBlock[channel][i];
                if (options.bassSwap()) {
                    mixed += lowOut * outgoingLow[channel][i] + lowIn * incomingLow[channel][i];
                }
                into[channel][offset + i] = mixed;
            }
        }
        if (incomingEnded) {
            finishFade();
        }
        return count;
    }

    /** @return whether the deck has ended; its block holds {@code frames} frames, silence past its end */
    private boolean playOrSilence(Deck deck, boolean ended, float[][] block, int frames) {
        int count = ended ? -1 : play(deck, block, 0, frames);
        int from = Math.max(0, count);
        for (float[] channel : block) {
            Arrays.fill(channel, from, frames, 0);
        }
        return ended || count < frames;
    }

    /** @return the frames the deck played, or -1 at its end or when its track fails (reported) */
    private int play(Deck deck, float[][] into, int offset, int frames) {
        try {
            return deck.play(into, offset, frames);
        } catch (IOException e) {
            listener.trackFailed(deck.track(), e);
            return -1;
        }
    }

    /** Starts the fade into the next track now, or ends the track playing when none follows. */
    private void skipNow() {
        if (current == null || incoming != null) {
            return;
        }
        if (transition == null && !feedEnded) {
            Optional<TrackFacts> next = feed.next();
            if (next.isPresent()) {
                nextTrack = next.get();
                transition = designer.design(current.state(), nextTrack);
            } else {
                feedEnded = true;
            }
        }
        if (transition == null) {
            closeQuietly(current);
            current = null;
            return;
        }
        startFade(Math.min(transition.fadeFrames(), skipFadeFrames()), true);
    }

    private long skipFadeFrames() {
        return Math.round(SKIP_FADE_SECONDS * options.sampleRateHz());
    }

    /**
     * Opens the next track and starts the fade into it.
     *
     * @param frames how long the fade lasts (0 to cut)
     * @param plain whether to fade plainly, without the bass swap, as after a skip
     */
    private void startFade(long frames, boolean plain) {
        Transition planned = transition;
        TrackFacts track = nextTrack;
        transition = null;
        nextTrack = null;
        Optional<Deck> deck = open(track, planned.cueFrame(), planned.incomingTempo());
        if (deck.isEmpty()) {
            return;
        }
        transition = planned;
        incoming = deck.get();
        incomingCrossover = options.bassSwap() ? new Crossover(options.sampleRateHz()) : null;
        incomingEnded = false;
        currentEnded = frames == 0;
        fadeStart = rendered;
        fadeFrames = frames;
        plainFade = plain;
        listener.trackStarted(new TrackStart(track, rendered, rendered + frames, planned.beatMatched() && !plain));
    }

    private void finishFade() {
        closeQuietly(current);
        current = incoming;
        currentCrossover = incomingCrossover;
        incoming = null;
        incomingCrossover = null;
        transition = null;
        plainFade = false;
    }

    /**
     * Starts the first track, or, when the track playing has ended with nothing to mix into, the next track alone.
     *
     * @return false when no track is left
     */
    private boolean startNextAlone() {
        while (true) {
            Optional<TrackFacts> track;
            if (!started) {
                started = true;
                track = Optional.of(first);
            } else {
                track = feedEnded ? Optional.empty() : feed.next();
            }
            if (track.isEmpty()) {
                feedEnded = true;
                return false;
            }
            Optional<Deck> deck = open(track.get(), 0, TempoCurve.constant(1));
            if (deck.isPresent()) {
                current = deck.get();
                currentCrossover = options.bassSwap() ? new Crossover(options.sampleRateHz()) : null;
                listener.trackStarted(new TrackStart(track.get(), rendered, rendered, false));
                return true;
            }
        }
    }

    private Optional<Deck> open(TrackFacts track, long cueFrame, TempoCurve curve) {
        try {
            PcmSource source = opener.open(track);
            double gain = PlaybackGain.of(track.replayGain(), options.unknownGainDb());
            return Optional.of(new Deck(track, source, cueFrame, curve, gain, parameters));
        } catch (IOException e) {
            listener.trackFailed(track, e);
            return Optional.empty();
        }
    }

    private void closeQuietly(Deck deck) {
        if (deck == null) {
            return;
        }
        try {
            deck.close();
        } catch (IOException e) {
            listener.trackFailed(deck.track(), e);
        }
    }
}
