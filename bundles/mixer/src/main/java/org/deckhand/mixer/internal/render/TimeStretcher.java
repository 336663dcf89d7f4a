package org.deckhand.mixer.internal.render;

import java.io.IOException;
import java.util.Arrays;

/**
 * Plays a source at the tempos of a {@link TempoCurve} with its pitch kept (key lock), by WSOLA: the output is
 * built from sequences of the input, each taken where it continues the previous one most smoothly and crossfaded
 * into it; the input advances by the tempo times the output. Once the curve settles at tempo 1 the stretcher
 * hands over to the plain input, seamlessly, and costs nothing more.
 *
 * <p>The algorithm is TarsosDSP's {@code WaveformSimilarityBasedOverlapAdd} (J. Six, after O. Parviainen's
 * SoundTouch {@code TDStretch}); with the exhaustive splice search it gives the same samples on mono audio at a tempo
 * whose step is a whole number of frames (its correlations are summed in another order, which could only matter
 * between two splice points that score the same to the last bit), and with the quick one (the default, see
 * {@link SpliceSearch}) splices that score as well or nearly so, at a fifteenth of the cost. It is ported rather than
 * called because that class takes one channel only (two instances would choose different splice points for left and
 * right and blur the stereo image), changes tempo only through an {@code AudioDispatcher} and prints to standard
 * output at each change. Here one splice point serves
 * every channel, chosen on their summed cross-correlation as SoundTouch does for stereo; the tempo may change at
 * every sequence; the input position advances by the exact fractional amount, so that no rounding drift builds up
 * against the beat grid; and the input is read from half a seek window before its nominal position, so that the
 * splices scatter around the nominal timing instead of lagging it.
 *
 * <p>Positions are counted in frames of the source from its first frame. Memory is fixed: one sequence and one
 * seek window of input per channel. Not thread-safe.
 */
final class TimeStretcher {

    private final PcmSource source;
    private final TempoCurve curve;
    private final int sequence;
    private final int overlap;
    private final int step;
    private final int lookBehind;
    private final float[][] window;
    private final float[][] pending;
    private final SpliceSearch search;
    private final float[][] output;
    private long windowStart;
    private int windowFilled;
    private long inputEnd = Long.MAX_VALUE;
    private int outputRead;
    private double stepPosition;
    private double stepTempo;
    private double nextPosition;
    private long delivered;
    private long continuation;
    private boolean stepped;
    private boolean passing;
    private long passPosition;
    private boolean ended;

    /**
     * @param source the input, positioned so that its first frame is {@link #lookBehindFrames} before the frame
     *     that should play first (or, when the curve passes through from the start, at that frame)
     * @param channels the source's channel count
     * @param curve the tempos to play at
     * @param parameters the WSOLA lengths
     */
    TimeStretcher(PcmSource source, int channels, TempoCurve curve, WsolaParameters parameters) {
        this.source = source;
        this.curve = curve;
        sequence = parameters.sequenceFrames();
        overlap = parameters.overlapFrames();
        step = parameters.stepFrames();
        lookBehind = lookBehindFrames(curve, parameters);
        window = new float[channels][sequence + parameters.seekFrames()];
        pending = new float[channels][overlap];
        search = new SpliceSearch(channels, parameters);
        output = new float[channels][step];
        outputRead = step;
        nextPosition = lookBehind;
    }

    /**
     * @param curve the tempos to play at
     * @param parameters the WSOLA lengths
     * @return how many frames before the first frame to play the source must start: half the seek window, or 0 when
     *     the curve plays the track at its own speed from the start
     */
    static int lookBehindFrames(TempoCurve curve, WsolaParameters parameters) {
        return curve.passesThroughAt(0) ? 0 : parameters.lookBehindFrames();
    }

    /**
     * @param into one array per channel, each at least {@code offset + frames} long
     * @param offset where to write the first frame
     * @param frames how many frames to produce, positive
     * @return the frames written, {@code frames} except at the end of the input, or -1 once it is all played
     * @throws IOException if the source cannot be read
     */
    int read(float[][] into, int offset, int frames) throws IOException {
        int written = 0;
        while (written < frames) {
            if (passing) {
                int count = readPassing(into, offset + written, frames - written);
                if (count < 0) {
                    break;
                }
                written += count;
                delivered += count;
            } else if (outputRead < step) {
                int count = Math.min(frames - written, step - outputRead);
                for (int channel = 0; channel < into.length; channel++) {
                    System.arraycopy(output[channel], outputRead, into[channel], offset + written, count);
                }
                outputRead += count;
                written += count;
                delivered += count;
            } else if (!nextSequence()) {
                break;
            }
        }
        return written == 0 ? -1 : written;
    }

    /** @return the source frame that the next output frame plays, on the nominal (unspliced) timeline */
    double position() {
        if (passing) {
            return passPosition;
        }
        return outputRead < step ? stepPosition + stepTempo * outputRead : nextPosition;
    }

    /** @return how many frames it has produced */
    long delivered() {
        return delivered;
    }

    /**
     * Builds the next sequence of output, or hands over to the plain input when the curve has settled at tempo 1.
     *
     * @return false at the end of the input
     */
    private boolean nextSequence() throws IOException {
        if (ended) {
            return false;
        }
        if (curve.passesThroughAt(delivered)) {
            passing = true;
            passPosition = stepped ? continuation : Math.round(nextPosition);
            return true;
        }
        double tempo = curve.tempoAt(delivered);
        long start = Math.round(nextPosition) - lookBehind;
        if (start >= inputEnd) {
            ended = true;
            return false;
        }
        slideTo(start);
        fill();
        int splice = search.best(pending, window);
        for (int channel = 0; channel < window.length; channel++) {
            float[] in = window[channel];
            float[] out = output[channel];
            float[] previous = pending[channel];
            for (int i = 0; i < overlap; i++) {
                out[i] = (in[splice + i] * i + previous[i] * (overlap - i)) / overlap;
            }
            System.arraycopy(in, splice + overlap, out, overlap, sequence - 2 * overlap);
            System.arraycopy(in, splice + step, previous, 0, overlap);
        }
        continuation = start + splice + step;
        stepped = true;
        stepPosition = nextPosition;
        stepTempo = tempo;
        nextPosition += tempo * step;
        outputRead = 0;
        return true;
    }

    /** Drops the input before {@code start}, reading past it if the window held less. */
    private void slideTo(long start) throws IOException {
        long drop = start - windowStart;
        if (drop >= windowFilled) {
            skip(drop - windowFilled);
            windowFilled = 0;
        } else if (drop > 0) {
            for (float[] channel : window) {
                System.arraycopy(channel, (int) drop, channel, 0, windowFilled - (int) drop);
            }
            windowFilled -= (int) drop;
        }
        windowStart = start;
    }

    private void skip(long frames) throws IOException {
        long left = frames;
        while (left > 0 && inputEnd == Long.MAX_VALUE) {
            int count = source.read(window, 0, (int) Math.min(left, window[0].length));
            if (count < 0) {
                inputEnd = windowStart + windowFilled + frames - left;
                return;
            }
            left -= count;
        }
    }

    /** Reads input until the window is full, and fills what lies past the end of the input with silence. */
    private void fill() throws IOException {
        int capacity = window[0].length;
        while (windowFilled < capacity && inputEnd == Long.MAX_VALUE) {
            int count = source.read(window, windowFilled, capacity - windowFilled);
            if (count < 0) {
                inputEnd = windowStart + windowFilled;
            } else {
                windowFilled += count;
            }
        }
        for (float[] channel : window) {
            Arrays.fill(channel, windowFilled, capacity, 0);
        }
    }

    private int readPassing(float[][] into, int offset, int frames) throws IOException {
        long buffered = Math.min(windowStart + windowFilled, inputEnd);
        if (passPosition < buffered) {
            int count = (int) Math.min(frames, buffered - passPosition);
            int from = (int) (passPosition - windowStart);
            for (int channel = 0; channel < into.length; channel++) {
                System.arraycopy(window[channel], from, into[channel], offset, count);
            }
            passPosition += count;
            return count;
        }
        if (inputEnd != Long.MAX_VALUE) {
            return -1;
        }
        int count = source.read(into, offset, frames);
        if (count < 0) {
            inputEnd = passPosition;
            return -1;
        }
        passPosition += count;
        return count;
    }
}
