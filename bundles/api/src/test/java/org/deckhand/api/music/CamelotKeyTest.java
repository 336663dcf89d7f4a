package org.deckhand.api.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CamelotKeyTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "8A, 8A", "12b, 12B", "1a, 1A",
        "Am, 8A", "C, 8B", "G, 9B", "B, 1B", "F#, 2B", "Gb, 2B", "Db, 3B", "C#, 3B", "Ab, 4B", "Eb, 5B", "Bb, 6B",
        "F, 7B", "D, 10B", "A, 11B", "E, 12B",
        "Abm, 1A", "G#m, 1A", "Ebm, 2A", "Bbm, 3A", "Fm, 4A", "Cm, 5A", "Gm, 6A", "Dm, 7A", "Em, 9A", "Bm, 10A",
        "F#m, 11A", "C#m, 12A", "Dbm, 12A", "A minor, 8A", "C major, 8B", "Ebmin, 2A", "f♯m, 11A",
    })
    void parsesCodesAndNames(String text, String code) {
        assertEquals(code, CamelotKey.parse(text).orElseThrow().code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0A", "13A", "8C", "H", "Cx", "", "A#b", "8"})
    void refusesWhatIsNoKey(String text) {
        assertTrue(CamelotKey.parse(text).isEmpty());
    }

    @ParameterizedTest(name = "{0}~ = {1}")
    @CsvSource({"8A, 8A 7A 9A 8B", "1A, 1A 12A 2A 1B", "12B, 12B 11B 1B 12A"})
    void findsTheCompatibleKeysAroundTheWheel(String key, String compatible) {
        List<String> codes = CamelotKey.parse(key).orElseThrow().compatible().stream().map(CamelotKey::code)
                .toList();
        assertEquals(List.of(compatible.split(" ")), codes);
    }

    @ParameterizedTest
    @CsvSource({"8B, C major, 1d", "8A, A minor, 1m", "3A, Bb minor, 8m", "12B, E major, 5d", "2B, F# major, 7d",
            "5A, C minor, 10m"})
    void everyKeyHasItsNameAndOpenKeyCode(String code, String name, String openKey) {
        CamelotKey key = CamelotKey.parse(code).orElseThrow();
        assertEquals(name, key.name());
        assertEquals(openKey, key.openKeyCode());
        assertEquals(key, CamelotKey.ofPitchClass(key.pitchClass(), key.minor()));
        assertEquals(key, CamelotKey.parse(name).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"8A, 8A, SAME", "8A, 9A, ADJACENT", "1A, 12A, ADJACENT", "8A, 8B, RELATIVE", "8A, 10A, ENERGY_BOOST",
            "8A, 9B, CLASH", "8A, 2A, CLASH"})
    void mixesAreRatedOnTheWheel(String from, String to, CamelotKey.Relation relation) {
        assertEquals(relation, CamelotKey.parse(from).orElseThrow().relationTo(CamelotKey.parse(to).orElseThrow()));
    }
}
