package org.deckhand.mixer.internal.render;

import java.util.Optional;
import org.deckhand.api.music.BeatGrid;
import org.deckhand.mixer.internal.track.TempoMatch;
import org.deckhand.mixer.internal.track.TrackFacts;

/**
 * Works out how the track playing is mixed into the next one.
 *
 * <p>Beat-matched, when both tracks have a steady beat grid and a tempo their analysers are confident of, and their
 * tempos lie within the stretch limit (at half or double time when allowed): the fade starts on the outgoing track's
 * first downbeat at or after its outro cue, moved back by whole bars when the fade would outlast the track, and
 * lasts the given number of its bars (halved until it fits a short track). The incoming track starts on a downbeat:
 * the one that brings the end of its intro to the end of the fade, or its first downbeat when its intro is unknown.
 * It plays at the running tempo through the fade (its beats spanning one, two or half a running beat), then ramps
 * linearly back to its own tempo over the ramp's bars, shortened so that the ramp ends a bar before its own
 * fade-out can begin; a ramp shorter than a bar is left out, and the track keeps the running tempo.
 *
 * <p>Otherwise a plain equal-power crossfade of fixed length, from the outgoing track's outro cue (or as late as the
 * track allows), into the incoming track's start at its own tempo. A fade never starts before the outgoing track
 * has stopped changing tempo.
 *
 * <p>Every transition is sized by what both tracks have, as Liquidsoap's {@code cross} operator bounds a transition
 * by the audio it holds from the end of the ending track and the start of the next, and Music Assistant's crossfade
 * falls back to a shorter fade when a track is too short for the one asked for: a fade takes at most a third of the
 * outgoing track's length, at most a third of what the incoming track holds from its cue, and never more than the
 * outgoing track has left. A track therefore plays alone for at least a third of its length between its fade-in
 * and its fade-out (a 30 s track never disappears inside a 30 s fade), and the incoming track is still playing when
 * the fade ends, so no fade leaves dead air. A planned fade-out never starts before a third of the track, whatever
 * its outro cue says.
 */
final class TransitionDesigner {

    /** Tempos closer than this to 1 play unstretched: 0.01 % drifts 3 ms over a 16-bar fade. */
    private static final double SAME_TEMPO = 1e-4;
    private static final double EPSILON_SECONDS = 1e-9;
    /** The largest share of a track's length that one fade may take. */
    private static final double MAX_FADE_SHARE = 1.0 / 3;

    private final TransitionOptions options;
    private final int rate;

    /**
     * @param options the fade's length, ramp, bass swap and the confidence needed to beat-match
     */
    TransitionDesigner(TransitionOptions options) {
        this.options = options;
        this.rate = options.sampleRateHz();
    }

    /**
     * @param outgoing the track playing
     * @param incoming the track to mix into
     * @return how to mix
     */
    Transition design(Playing outgoing, TrackFacts incoming) {
        double earliestSeconds = Math.max(outgoing.positionFrame(), outgoing.settledFrame()) / rate;
        if (beatMatchable(outgoing.track(), incoming)) {
            double runningBeatSeconds = outgoing.track().grid().beatPeriodSeconds() / outgoing.settledTempo();
            Optional<TempoMatch> match = TempoMatch.of(60 / runningBeatSeconds, incoming.grid().bpm(),
                    options.halfDoubleTime()).filter(found -> found.within(options.maxStretchPercent()));
            if (match.isPresent()) {
                for (int bars = options.fadeBars(); bars >= 1; bars /= 2) {
                    double startSeconds = beatMatchedFadeOutStart(outgoing.track(), bars, earliestSeconds);
                    boolean outgoingHolds = bars * outgoing.track().grid().barSeconds()
                            <= MAX_FADE_SHARE * outgoing.track().durationSeconds() + EPSILON_SECONDS;
                    if (!Double.isNaN(startSeconds) && outgoingHolds) {
                        Transition transition = beatMatched(runningBeatSeconds, incoming, match.get(), bars,
                                startSeconds);
                        if (incomingHolds(incoming, transition)) {
                            return transition;
                        }
                    }
                }
            }
        }
        return plain(outgoing, incoming, earliestSeconds);
    }

    /**
     * @return the earliest a planned fade-out may start, seconds of the track: a third into it, whatever its outro cue
     *     says, so that a fade-out never starts near its start
     */
    private static double earliestFadeOut(TrackFacts track) {
        return MAX_FADE_SHARE * track.durationSeconds();
    }

    /** @return whether the fade takes at most a third of what the incoming track holds from its cue */
    private boolean incomingHolds(TrackFacts incoming, Transition transition) {
        double fadeInTrackFrames = transition.incomingTempo().trackFramesBetween(0, transition.fadeFrames());
        double held = incoming.durationSeconds() * rate - transition.cueFrame();
        return fadeInTrackFrames <= MAX_FADE_SHARE * held + 1;
    }

    private boolean beatMatchable(TrackFacts outgoing, TrackFacts incoming) {
        return steady(outgoing) && steady(incoming);
    }

    private boolean steady(TrackFacts track) {
        BeatGrid grid = track.grid();
        return grid != null && !grid.variableTempo() && grid.confidence() >= options.minGridConfidence()
                && track.tempoConfidence() >= options.minTempoConfidence();
    }

    private Transition beatMatched(double runningBeatSeconds, TrackFacts incoming, TempoMatch match, int bars,
            double startSeconds) {
        BeatGrid grid = incoming.grid();
        double tempo = grid.beatPeriodSeconds() / (match.multiplier() * runningBeatSeconds);
        long fadeFrames = Math.round(bars * BeatGrid.BEATS_PER_BAR * runningBeatSeconds * rate);
        double incomingBeats = bars * BeatGrid.BEATS_PER_BAR / match.multiplier();
        double cueSeconds = Double.isNaN(grid.introEndSeconds()) ? grid.firstDownbeatSeconds()
                : grid.downbeatAtOrBefore(grid.introEndSeconds() - incomingBeats * grid.beatPeriodSeconds());
        long cue = Math.round(cueSeconds * rate);
        TempoCurve curve = incomingCurve(incoming, tempo, fadeFrames, cue);
        long swapStart = 0;
        long swapFrames = 0;
        if (options.bassSwap()) {
            double beatFrames = runningBeatSeconds * rate;
            int middleBeat = bars * BeatGrid.BEATS_PER_BAR / 2;
            swapStart = Math.round((middleBeat - 1) * beatFrames);
            swapFrames = Math.round(beatFrames);
        }
        return new Transition(true, startSeconds * rate, fadeFrames, cue, curve, swapStart, swapFrames);
    }

    private TempoCurve incomingCurve(TrackFacts incoming, double tempo, long fadeFrames, long cue) {
        if (Math.abs(tempo - 1) < SAME_TEMPO) {
            return TempoCurve.constant(1);
        }
        double barFrames = incoming.grid().barSeconds() * rate;
        long rampFrames = Math.round(options.rampBars() * barFrames);
        double fadeEnd = cue + fadeFrames * tempo;
        double budget = earliestOwnFadeOut(incoming) * rate - barFrames - fadeEnd;
        double meanRampTempo = (tempo + 1) / 2;
        if (rampFrames * meanRampTempo > budget) {
            rampFrames = (long) Math.floor(Math.max(0, budget) / meanRampTempo);
        }
        if (rampFrames < barFrames) {
            return TempoCurve.constant(tempo);
        }
        return new TempoCurve(tempo, fadeFrames, rampFrames, 1);
    }

    /** @return the earliest the track's own fade-out may start, beat-matched or plain, seconds of the track */
    private double earliestOwnFadeOut(TrackFacts track) {
        double plain = plainFadeOutStart(track, 0, plainFadeSeconds(track, track, 1));
        double beatMatched = beatMatchedFadeOutStart(track, options.fadeBars(), 0);
        return Double.isNaN(beatMatched) ? plain : Math.min(plain, beatMatched);
    }

    /**
     * @return the downbeat where a fade of {@code bars} bars starts: the first at or after the outro cue (or the last
     *     that leaves room without one), moved back to leave room for the fade, not before {@code earliestSeconds};
     *     NaN when the fade does not fit
     */
    private static double beatMatchedFadeOutStart(TrackFacts track, int bars, double earliestSeconds) {
        earliestSeconds = Math.max(earliestSeconds, earliestFadeOut(track));
        BeatGrid grid = track.grid();
        double length = bars * grid.barSeconds();
        double duration = track.durationSeconds();
        double latest = grid.downbeatAtOrBefore(duration - length);
        double preferred = Double.isNaN(grid.outroStartSeconds()) ? latest
                : grid.downbeatAtOrAfter(grid.outroStartSeconds());
        double start = Math.min(preferred, latest);
        if (start < earliestSeconds - EPSILON_SECONDS) {
            start = grid.downbeatAtOrAfter(earliestSeconds);
        }
        return start + length <= duration + EPSILON_SECONDS ? start : Double.NaN;
    }

    private Transition plain(Playing outgoing, TrackFacts incoming, double earliestSeconds) {
        TrackFacts track = outgoing.track();
        double tempo = outgoing.settledTempo();
        double wanted = plainFadeSeconds(track, incoming, tempo);
        double startSeconds = plainFadeOutStart(track, earliestSeconds, wanted);
        double lengthSeconds = Math.min(wanted, track.durationSeconds() - startSeconds);
        long fadeFrames = Math.round(Math.max(0, lengthSeconds) / tempo * rate);
        return new Transition(false, startSeconds * rate, fadeFrames, 0, TempoCurve.constant(1), 0, 0);
    }

    /**
     * @return how long a plain fade lasts, seconds of the outgoing track: the fallback length, at most a third of
     *     either track (the incoming one plays at its own tempo)
     */
    private double plainFadeSeconds(TrackFacts outgoing, TrackFacts incoming, double tempo) {
        double mixSeconds = Math.min(options.fallbackFadeSeconds(), Math.min(
                MAX_FADE_SHARE * outgoing.durationSeconds() / tempo, MAX_FADE_SHARE * incoming.durationSeconds()));
        return mixSeconds * tempo;
    }

    /**
     * @param lengthSeconds how long the fade lasts, seconds of the track
     * @return where a plain fade starts: the outro cue, or as late as leaves room for the fade, whichever comes
     *     first, not before {@code earliestSeconds}; seconds of the track
     */
    private static double plainFadeOutStart(TrackFacts track, double earliestSeconds, double lengthSeconds) {
        earliestSeconds = Math.max(earliestSeconds, earliestFadeOut(track));
        double latest = track.durationSeconds() - lengthSeconds;
        double outro = track.grid() == null ? Double.NaN : track.grid().outroStartSeconds();
        double start = Double.isNaN(outro) ? latest : Math.min(outro, latest);
        return Math.max(start, Math.max(0, earliestSeconds));
    }
}
