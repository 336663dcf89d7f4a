package org.deckhand.mixer.internal.render;

import java.io.Closeable;
import java.io.IOException;
import org.deckhand.mixer.internal.track.TrackFacts;

/**
 * One track playing in the mix: its audio from a cue, at the tempos of a {@link TempoCurve} with key lock, at its
 * playback gain. Knows which frame of the track it plays, on the track's own timeline, so that the next fade can
 * start on the track's beat grid. Holds no more of the track than the stretcher's window.
 */
final class Deck implements Closeable {

    private final TrackFacts track;
    private final PcmSource source;
    private final TempoCurve curve;
    private final float gain;
    private final TimeStretcher stretcher;
    /** The frame of the track that the stretcher's input starts with. */
    private final long origin;

    /**
     * @param track the track
     * @param source its audio from its first frame, stereo at the mix's rate; the deck closes it
     * @param cueFrame the frame of the track to play first (a downbeat, when beat-matched)
     * @param curve how fast to play it
     * @param gain the linear gain to play it at
     * @param parameters the stretcher's lengths
     */
    Deck(TrackFacts track, PcmSource source, long cueFrame, TempoCurve curve, double gain,
            WsolaParameters parameters) {
        this.track = track;
        this.source = source;
        this.curve = curve;
        this.gain = (float) gain;
        origin = cueFrame - TimeStretcher.lookBehindFrames(curve, parameters);
        stretcher = new TimeStretcher(new CueSource(source, origin), 2, curve, parameters);
    }

    /** @return the track on this deck */
    TrackFacts track() {
        return track;
    }

    /**
     * @param into left and right arrays, each at least {@code offset + frames} long
     * @param offset where to write the first frame
     * @param frames how many frames to play, positive
     * @return the frames written, fewer only at the end of the track, or -1 past its end
     * @throws IOException if the track's audio cannot be read
     */
    int play(float[][] into, int offset, int frames) throws IOException {
        int count = stretcher.read(into, offset, frames);
        for (int channel = 0; channel < into.length && count > 0; channel++) {
            float[] samples = into[channel];
            for (int i = offset; i < offset + count; i++) {
                samples[i] *= gain;
            }
        }
        return count;
    }

    /** @return what the deck's fade-out design needs: where it is, and when and at what tempo it settles */
    Playing state() {
        double position = origin + stretcher.position();
        long played = stretcher.delivered();
        double settled = position + curve.trackFramesBetween(played, Math.max(played, curve.settleFrame()));
        return new Playing(track, position, settled, curve.endTempo());
    }

    /**
     * @param trackFrame a frame of the track at or after the one it settles its tempo at
     * @return how many more frames of the mix until the deck plays that frame (0 if it already has)
     */
    long framesUntil(double trackFrame) {
        double position = origin + stretcher.position();
        if (position >= trackFrame) {
            return 0;
        }
        long played = stretcher.delivered();
        long untilSettled = Math.max(0, curve.settleFrame() - played);
        double settled = position + curve.trackFramesBetween(played, played + untilSettled);
        return untilSettled + (long) Math.ceil(Math.max(0, trackFrame - settled) / curve.endTempo());
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
