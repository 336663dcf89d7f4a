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
import org.deckhand.api.music.BeatGrid;
import org.deckhand.mixer.internal.testing.ArraySource;
import org.deckhand.mixer.internal.testing.BeatPhase;
import org.deckhand.mixer.internal.testing.ClickTrack;
import org.deckhand.mixer.internal.testing.Loudness;
import org.deckhand.mixer.internal.testing.Mixes;
import org.deckhand.mixer.internal.testing.RealTracks;
import org.deckhand.mixer.internal.track.TrackFacts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Mixes real recordings of the test corpus into each other as the server would: decoded by the decoder bundle,
 * analysed by the built-in analysers, rendered with 8-bar fades (the corpus's excerpts last 45 s). The beat grid
 * analyser hears one steady beat at the running tempo in the rendered fade. The fade is rendered again with each
 * track alone, and {@link BeatPhase} finds where each track's beats fall: they land together, and the same fade
 * rendered with the incoming grid moved by half a beat shows the measure tells a misaligned fade apart.
 *
 * <p>The corpus renders its MMA songs with MMA's random humanisation, so each build of the corpus differs a little;
 * the beat grid analyser's confidence in a whole fade does not always drop for a misaligned one, which is why the
 * tracks' beats are measured apart.
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
        AnalysisResult heard = RealTracks.beatGrid(fadeOf(mix, fade));
        double start = fade.fadeInStartFrame() / (double) RATE;
        double end = fade.fadeInEndFrame() / (double) RATE;
        double before = Loudness.integratedLufs(mix, RATE, 0, start);
        double during = Loudness.integratedLufs(mix, RATE, start, end);
        double after = Loudness.integratedLufs(mix, RATE, end, mix[0].length / (double) RATE);

        double period = outgoing.grid().beatPeriodSeconds();
        double apart = beatsApartSeconds(outgoingAudio, incomingAudio, outgoing, incoming);
        double controlApart = beatsApartSeconds(outgoingAudio, incomingAudio, outgoing, halfABeatLate(incoming));
        System.out.printf("%s into %s: the fade's beat grid confidence %.3f; the two tracks' beats %.1f ms apart "
                + "(%.1f ms half a beat off); %.2f, %.2f, %.2f LUFS before, during and after it%n", outgoingFile,
                incomingFile, confidence(heard), apart * 1000, controlApart * 1000, before, during, after);

        assertTrue(confidence(heard) >= 0.9, "one beat heard in the fade: " + heard.values());
        assertFalse((Boolean) heard.values().get("variableTempo"), "steady: " + heard.values());
        assertEquals(period, (Double) heard.values().get("beatPeriodSeconds"), 0.005 * period, "at the running tempo");
        assertTrue(apart <= period / 8, "the beats land within a 32nd note: " + apart + " s apart");
        assertTrue(controlApart >= period / 4, "half a beat off is measured: " + controlApart + " s apart");
        assertTrue(Math.abs(during - before) <= 1 && Math.abs(after - during) <= 1 && Math.abs(after - before) <= 1,
                "loudness " + before + ", " + during + ", " + after + " LUFS");
    }

    private static float[][] fadeOf(float[][] mix, TrackStart fade) {
        int from = (int) fade.fadeInStartFrame();
        int to = (int) fade.fadeInEndFrame();
        return new float[][] {Arrays.copyOfRange(mix[0], from, to), Arrays.copyOfRange(mix[1], from, to)};
    }

    private static double beatsApartSeconds(float[][] outgoingAudio, float[][] incomingAudio, TrackFacts outgoing,
            TrackFacts incoming) {
        double period = outgoing.grid().beatPeriodSeconds();
        double outgoingPhase = phaseAlone(outgoingAudio, silence(incomingAudio), outgoing, incoming);
        double incomingPhase = phaseAlone(silence(outgoingAudio), incomingAudio, outgoing, incoming);
        return BeatPhase.apartSeconds(outgoingPhase, incomingPhase, period);
    }

    private static double phaseAlone(float[][] outgoingAudio, float[][] incomingAudio, TrackFacts outgoing,
            TrackFacts incoming) {
        Mixes mixes = new Mixes(Map.of(1L, new ArraySource(outgoingAudio), 2L, new ArraySource(incomingAudio)));
        float[][] mix = mixes.render(TransitionOptions.DEFAULTS.withFadeBars(8), outgoing, incoming);
        return BeatPhase.seconds(fadeOf(mix, mixes.starts().get(1)), RATE, outgoing.grid().beatPeriodSeconds());
    }

    private static float[][] silence(float[][] audio) {
        return new float[][] {new float[audio[0].length], new float[audio[1].length]};
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
                track.key(), track.energy(), track.durationSeconds(), moved, track.replayGain(),
                track.fileStem());
    }
}
