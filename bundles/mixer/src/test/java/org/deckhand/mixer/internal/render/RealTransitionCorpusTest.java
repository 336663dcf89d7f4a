package org.deckhand.mixer.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.mixer.internal.testing.ArraySource;
import org.deckhand.mixer.internal.testing.ClickTrack;
import org.deckhand.mixer.internal.testing.Loudness;
import org.deckhand.mixer.internal.testing.Mixes;
import org.deckhand.mixer.internal.testing.RealTracks;
import org.deckhand.mixer.internal.track.BeatGrid;
import org.deckhand.mixer.internal.track.TrackFacts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Mixes real recordings of the test corpus into each other as the server would: decoded by the decoder bundle,
 * analysed by the built-in analysers, rendered with 8-bar fades (the corpus's excerpts last 45 s). The rendered fade
 * is analysed again by the beat grid analyser: when the two tracks' beats line up, it hears one steady beat at the
 * running tempo; the same fade rendered with the incoming grid moved by half a beat shows what a misaligned fade
 * looks like to it.
 */
class RealTransitionCorpusTest {

    private static final int RATE = ClickTrack.RATE_HZ;

    @ParameterizedTest
    @CsvSource({"midi_simutrans_37-inevitably-engrossed.flac, midi_openmsx_slow_neasy_redfarn.flac",
        "mma_stringballad_119_Bm.flac, midi_openmsx_moo_redfarn.flac",
        "mma_folk_111_Am.flac, mma_bvfunk_105_Eb.flac"})
    void realTracksAreBeatMatchedIntoOneSteadyBeatAtAnEvenLoudness(String outgoingFile, String incomingFile)
            throws IOException, AnalysisException {
        Path labelled = RealTracks.corpus().resolve("labelled");
        float[][] outgoingAudio = RealTracks.decode(labelled.resolve(outgoingFile));
        float[][] incomingAudio = RealTracks.decode(labelled.resolve(incomingFile));
        TrackFacts outgoing = RealTracks.analyse(1, outgoingAudio);
        TrackFacts incoming = RealTracks.analyse(2, incomingAudio);

        Mixes mixes = new Mixes(Map.of(1L, new ArraySource(outgoingAudio), 2L, new ArraySource(incomingAudio)));
        float[][] mix = mixes.render(TransitionOptions.DEFAULTS.withFadeBars(8), outgoing, incoming);
        TrackStart fade = mixes.starts().get(1);
        assertTrue(fade.beatMatched(), "beat-matched: " + outgoing.grid() + ", " + incoming.grid());
        AnalysisResult heard = fadeGrid(mix, fade);
        double start = fade.fadeInStartFrame() / (double) RATE;
        double end = fade.fadeInEndFrame() / (double) RATE;
        double before = Loudness.integratedLufs(mix, RATE, 0, start);
        double during = Loudness.integratedLufs(mix, RATE, start, end);
        double after = Loudness.integratedLufs(mix, RATE, end, mix[0].length / (double) RATE);

        Mixes misaligned = new Mixes(Map.of(1L, new ArraySource(outgoingAudio), 2L,
                new ArraySource(incomingAudio)));
        float[][] control = misaligned.render(TransitionOptions.DEFAULTS.withFadeBars(8), outgoing,
                halfABeatLate(incoming));
        AnalysisResult controlHeard = fadeGrid(control, misaligned.starts().get(1));
        System.out.printf("%s into %s: the fade's beat grid confidence %.3f (%.3f half a beat off), "
                + "%.2f, %.2f, %.2f LUFS before, during and after it%n", outgoingFile, incomingFile,
                confidence(heard), confidence(controlHeard), before, during, after);

        assertTrue(confidence(heard) >= 0.9, "one beat heard in the fade: " + heard.values());
        assertFalse((Boolean) heard.values().get("variableTempo"), "steady: " + heard.values());
        assertEquals(outgoing.grid().beatPeriodSeconds(), (Double) heard.values().get("beatPeriodSeconds"),
                0.005 * outgoing.grid().beatPeriodSeconds(), "at the running tempo");
        assertTrue(confidence(controlHeard) < 0.8, "half a beat off is heard: " + controlHeard.values());
        assertTrue(Math.abs(during - before) <= 1 && Math.abs(after - during) <= 1 && Math.abs(after - before) <= 1,
                "loudness " + before + ", " + during + ", " + after + " LUFS");
    }

    private static AnalysisResult fadeGrid(float[][] mix, TrackStart fade) throws AnalysisException {
        int from = (int) fade.fadeInStartFrame();
        int to = (int) fade.fadeInEndFrame();
        return RealTracks.beatGrid(new float[][] {Arrays.copyOfRange(mix[0], from, to),
            Arrays.copyOfRange(mix[1], from, to)});
    }

    private static double confidence(AnalysisResult grid) {
        return ((Number) grid.values().get("confidence")).doubleValue();
    }

    private static TrackFacts halfABeatLate(TrackFacts track) {
        BeatGrid grid = track.grid();
        BeatGrid moved = new BeatGrid(grid.firstDownbeatSeconds() + grid.beatPeriodSeconds() / 2,
                grid.beatPeriodSeconds(), grid.confidence(), grid.variableTempo(), grid.introEndSeconds(),
                grid.outroStartSeconds());
        return new TrackFacts(track.id(), track.artists(), track.title(), track.bpm(), track.tempoConfidence(),
                track.key(), track.energy(), track.durationSeconds(), moved, track.replayGain());
    }
}
