package org.deckhand.api.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class MixCompatibilityTest {

    private static double score(String from, String to, double tempoPercent, Double energyFrom, Double energyTo) {
        CamelotKey.Relation relation = CamelotKey.parse(from).orElseThrow()
                .relationTo(CamelotKey.parse(to).orElseThrow());
        return MixCompatibility.score(relation, tempoPercent, false, 6, energyFrom, energyTo);
    }

    @Test
    void atTheSameTempoAndEnergyTheKeyMovesRankAsOnTheCamelotWheel() {
        List<String> ranked = List.of("8A", "9A", "7A", "8B", "10A", "3A").stream()
                .sorted(Comparator.comparingDouble((String to) -> -score("8A", to, 0, 6.0, 6.0))).toList();
        assertEquals(List.of("8A", "9A", "7A", "8B", "10A", "3A"), ranked);
        assertEquals(score("8A", "9A", 0, 6.0, 6.0), score("8A", "7A", 0, 6.0, 6.0), "a fifth up or down");
        assertEquals(1.0, score("8A", "8A", 0, 6.0, 6.0), 1e-12);
    }

    @Test
    void aClashingKeyIsNotSavedByAPerfectTempoAndEnergy() {
        assertTrue(score("8A", "3A", 0, 6.0, 6.0) < score("8A", "9A", 5, 6.0, 7.0));
        assertTrue(score("8A", "9A", 0, 6.0, 6.0) < 1);
    }

    @Test
    void tempoCloserToTheRunningBpmAndEnergyCloserToTheLevelPlayingRankHigher() {
        assertTrue(score("8A", "8A", 1, 6.0, 6.0) > score("8A", "8A", 4, 6.0, 6.0));
        assertEquals(score("8A", "8A", 3, 6.0, 6.0), score("8A", "8A", -3, 6.0, 6.0), 1e-12);
        assertTrue(score("8A", "8A", 0, 6.0, 7.0) > score("8A", "8A", 0, 6.0, 8.0));
        assertEquals(score("8A", "8A", 0, 6.0, 9.0), score("8A", "8A", 0, 6.0, 2.0), 1e-12,
                "a jump of three levels or more is a break either way");
        assertTrue(score("8A", "8A", 0, 6.0, null) < score("8A", "8A", 0, 6.0, 7.0));
        assertTrue(score("8A", "8A", 0, 6.0, null) > score("8A", "8A", 0, 6.0, 8.0));
    }

    @Test
    void halfOrDoubleTimeAndUnknownTempoOrKeyScoreLess() {
        assertTrue(MixCompatibility.tempoScore(0, true, 6) < MixCompatibility.tempoScore(0, false, 6));
        assertEquals(0, MixCompatibility.tempoScore(6.5, false, 6));
        assertEquals(0, MixCompatibility.tempoScore(Double.NaN, false, 6));
        assertEquals(0, MixCompatibility.keyScore(null));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> MixCompatibility.tempoScore(0, false, 0));
        assertTrue(refused.getMessage().contains("BPM window"), refused.getMessage());
    }
}
