package org.deckhand.mixer.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.deckhand.mixer.internal.testing.ClickTrack;
import org.deckhand.mixer.internal.testing.RealTracks;
import org.deckhand.mixer.internal.testing.SyntheticMusic;
import org.junit.jupiter.api.Test;

class SpliceSearchTest {

    private static final int RATE = ClickTrack.RATE_HZ;
    private static final WsolaParameters QUICK = WsolaParameters.music(RATE);
    private static final WsolaParameters EXHAUSTIVE = QUICK.withQuickSeek(false);
    private static final int SPLICES = 400;

    @Test
    void onDanceMusicTheQuickSearchSplicesAsSmoothlyAsTheExhaustiveOne() {
        assertSplicesAlike(SyntheticMusic.render(128, 247, 40, 2), "synthetic dance music");
    }

    @Test
    void onRecordingsFromTheCorpusTheQuickSearchSplicesAsSmoothlyAsTheExhaustiveOne() throws IOException {
        Path labelled = RealTracks.corpus().resolve("labelled");
        try (Stream<Path> files = Files.list(labelled)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".flac")).sorted().limit(4).toList()) {
                assertSplicesAlike(RealTracks.decode(file), file.getFileName().toString());
            }
        }
    }

    @Test
    void whereTheInputSaysNothingBothSearchesSpliceInTheMiddleOfTheWindowWhereTheBeatsStayOnTime() {
        float[][] silence = new float[2][QUICK.overlapFrames()];
        float[][] window = new float[2][QUICK.sequenceFrames() + QUICK.seekFrames()];
        int middle = QUICK.lookBehindFrames();
        assertEquals(middle, new SpliceSearch(2, EXHAUSTIVE).best(silence, window), "exhaustive search");
        assertEquals(middle, new SpliceSearch(2, QUICK).best(silence, window), "quick search");
    }

    /**
     * Splices at random places and tempos from 0.5 to 1.5, as the stretcher does (the previous sequence's end, and
     * a seek window starting half a window before the nominal next sequence), and compares how alike the two
     * searches' continuations are to the previous end: the normalised cross-correlation over the overlap, which is
     * what the crossfade has to hide.
     */
    private static void assertSplicesAlike(float[][] music, String what) {
        int step = QUICK.stepFrames();
        int overlap = QUICK.overlapFrames();
        int windowFrames = QUICK.sequenceFrames() + QUICK.seekFrames();
        SpliceSearch quick = new SpliceSearch(2, QUICK);
        SpliceSearch exhaustive = new SpliceSearch(2, EXHAUSTIVE);
        Random random = new Random(7);
        double[] lost = new double[SPLICES];
        double quickSum = 0;
        double exhaustiveSum = 0;
        for (int splice = 0; splice < SPLICES; splice++) {
            double tempo = 0.5 + random.nextDouble();
            int start = random.nextInt(music[0].length - 3 * windowFrames);
            float[][] previous = slice(music, start + step, overlap);
            float[][] window = slice(music, start + (int) Math.round(tempo * step) - QUICK.lookBehindFrames(),
                    windowFrames);
            double quickLikeness = likeness(previous, window, quick.best(previous, window));
            double exhaustiveLikeness = likeness(previous, window, exhaustive.best(previous, window));
            lost[splice] = exhaustiveLikeness - quickLikeness;
            quickSum += quickLikeness;
            exhaustiveSum += exhaustiveLikeness;
        }
        Arrays.sort(lost);
        double mean = (exhaustiveSum - quickSum) / SPLICES;
        double worst5 = lost[SPLICES * 95 / 100];
        assertTrue(mean <= 0.03, what + ": the quick search's splices are on average " + mean
                + " less alike (normalised cross-correlation) than the exhaustive one's");
        assertTrue(worst5 <= 0.08, what + ": one splice in 20 is " + worst5 + " or more less alike");
    }

    private static float[][] slice(float[][] music, int from, int frames) {
        float[][] out = new float[music.length][];
        for (int channel = 0; channel < music.length; channel++) {
            out[channel] = Arrays.copyOfRange(music[channel], from, from + frames);
        }
        return out;
    }

    private static double likeness(float[][] previous, float[][] window, int offset) {
        double product = 0;
        double previousEnergy = 0;
        double windowEnergy = 0;
        for (int channel = 0; channel < previous.length; channel++) {
            for (int i = 0; i < previous[channel].length; i++) {
                double a = previous[channel][i];
                double b = window[channel][offset + i];
                product += a * b;
                previousEnergy += a * a;
                windowEnergy += b * b;
            }
        }
        return previousEnergy == 0 || windowEnergy == 0 ? 1 : product / Math.sqrt(previousEnergy * windowEnergy);
    }
}
