package org.deckhand.analysers.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deckhand.analysers.testing.AnalyserRun;
import org.deckhand.api.analysis.AnalysisException;
import org.deckhand.api.analysis.ResultField;
import org.deckhand.api.library.Tags;
import org.deckhand.api.music.CamelotKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyAnalyserTest {

    private static final int RATE = KeyAnalyser.SAMPLE_RATE_HZ;
    private static final Map<CamelotKey, float[]> CADENCES = new LinkedHashMap<>();
    private final KeyAnalyser analyser = new KeyAnalyser(KeyProfile.EDMA);

    @BeforeAll
    static void synthesiseCadences() {
        for (int tonic = 0; tonic < 12; tonic++) {
            for (boolean minor : new boolean[] {false, true}) {
                CamelotKey key = CamelotKey.ofPitchClass(tonic, minor);
                CADENCES.put(key, TestSignals.cadence(key, 440, 1.0, RATE));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = KeyProfile.class, names = "EDMM", mode = EnumSource.Mode.EXCLUDE)
    void cadencesInAll24KeysGiveTheirKey(KeyProfile profile) throws AnalysisException {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<CamelotKey, float[]> cadence : CADENCES.entrySet()) {
            CamelotKey key = cadence.getKey();
            Map<String, Object> values = analyse(new KeyAnalyser(profile), cadence.getValue());
            if (!key.name().equals(values.get(KeyAnalyser.KEY))
                    || !key.code().equals(values.get(KeyAnalyser.CAMELOT))
                    || !key.openKeyCode().equals(values.get(KeyAnalyser.OPEN_KEY))) {
                wrong.add(key.name() + " -> " + values);
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** A track whose genre tag names electronic dance music is matched against the electronic profiles. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Tech House", "Drum & Bass", "electronic", "Progressive Trance"})
    void theGenreTagChoosesTheProfiles(String genre) throws AnalysisException {
        KeyAnalyser byGenre = new KeyAnalyser(KeyProfile.KRUMHANSL, KeyProfile.EDMM);
        float[][] cMajorCadence = {CADENCES.get(CamelotKey.ofPitchClass(0, false))};
        Tags electronic = new Tags(null, List.of(), null, null, null, null, null, genre, null, null, null, null, null);
        Tags other = new Tags(null, List.of(), null, null, null, null, null, "Dancehall", null, null, null, null, null);

        Object electronicKey = AnalyserRun.run(byGenre, AnalyserRun.track(10, electronic), cMajorCadence, RATE)
                .values().get(KeyAnalyser.KEY);
        Object otherKey = AnalyserRun.run(byGenre, AnalyserRun.track(10, other), cMajorCadence, RATE).values()
                .get(KeyAnalyser.KEY);

        assertEquals(CamelotKey.ofPitchClass(0, true).name(), electronicKey);
        assertEquals(CamelotKey.ofPitchClass(0, false).name(), otherKey);
    }

    @Test
    void edmmReportsTheMinorKeysAndTheParallelMinorOfMajorOnes() throws AnalysisException {
        KeyAnalyser edmm = new KeyAnalyser(KeyProfile.EDMM);
        for (Map.Entry<CamelotKey, float[]> cadence : CADENCES.entrySet()) {
            CamelotKey parallelMinor = CamelotKey.ofPitchClass(cadence.getKey().pitchClass(), true);
            assertEquals(parallelMinor.name(), analyse(edmm, cadence.getValue()).get(KeyAnalyser.KEY));
        }
    }

    @Test
    void cadenceInStandardTuningIsClearAndAt440Hz() throws AnalysisException {
        Map<String, Object> values = analyse(TestSignals.cadence(CamelotKey.ofPitchClass(7, false), 440, 1.0, RATE));
        assertEquals(440.0, (Double) values.get(KeyAnalyser.TUNING), 1.0);
        assertTrue((Double) values.get(KeyAnalyser.CONFIDENCE) > 0.7, values::toString);
    }

    @ParameterizedTest(name = "A4 = {0} Hz")
    @ValueSource(doubles = {432, 446})
    void detunedCadenceKeepsItsKeyAndFindsTheTuning(double a4Hz) throws AnalysisException {
        CamelotKey dMinor = CamelotKey.ofPitchClass(2, true);
        Map<String, Object> values = analyse(TestSignals.cadence(dMinor, a4Hz, 1.0, RATE));
        assertEquals("D minor", values.get(KeyAnalyser.KEY));
        assertEquals(a4Hz, (Double) values.get(KeyAnalyser.TUNING), 1.0);
    }

    @Test
    void whiteNoiseHasNoKey() throws AnalysisException {
        assertNoKey(analyse(TestSignals.whiteNoise(20, RATE, 1)));
    }

    @Test
    void drumPatternHasNoKey() throws AnalysisException {
        assertNoKey(analyse(TestSignals.drums(20, RATE)));
    }

    @Test
    void silenceIsRefused() {
        AnalysisException refused = assertThrows(AnalysisException.class, () -> analyse(new float[RATE * 5]));
        assertTrue(refused.getMessage().contains("silent"), refused.getMessage());
    }

    @Test
    void aTrackShorterThanOneFrameStillGetsItsKey() throws AnalysisException {
        CamelotKey aMinor = CamelotKey.ofPitchClass(9, true);
        float[] cadence = TestSignals.cadence(aMinor, 440, 0.08, RATE);
        assertTrue(cadence.length < KeyAnalysis.FRAME_SAMPLES);
        assertEquals("A minor", analyse(cadence).get(KeyAnalyser.KEY));
    }

    @Test
    void descriptorDeclaresTheFieldsWithTheirTypes() {
        assertEquals("key", analyser.descriptor().id());
        assertEquals(RATE, analyser.descriptor().format().sampleRateHz());
        assertEquals(1, analyser.descriptor().format().channels());
        assertEquals(List.of("key:TEXT", "camelot:TEXT", "openKey:TEXT", "confidence:NUMBER", "tuningHz:NUMBER"),
                analyser.descriptor().fields().stream().map(KeyAnalyserTest::nameAndType).toList());
    }

    @Test
    void theProfileIsPartOfTheVersion() {
        assertFalse(analyser.descriptor().version()
                .equals(new KeyAnalyser(KeyProfile.TEMPERLEY_1999).descriptor().version()));
    }

    private static String nameAndType(ResultField field) {
        return field.name() + ":" + field.type();
    }

    private Map<String, Object> analyse(float[] samples) throws AnalysisException {
        return analyse(analyser, samples);
    }

    private static Map<String, Object> analyse(KeyAnalyser keyAnalyser, float[] samples) throws AnalysisException {
        return AnalyserRun.run(keyAnalyser, new float[][] {samples}, RATE).values();
    }

    private static void assertNoKey(Map<String, Object> values) {
        assertFalse(values.containsKey(KeyAnalyser.KEY), values::toString);
        assertFalse(values.containsKey(KeyAnalyser.CAMELOT), values::toString);
        assertFalse(values.containsKey(KeyAnalyser.OPEN_KEY), values::toString);
        assertTrue((Double) values.get(KeyAnalyser.CONFIDENCE) < 0.2, values::toString);
        assertTrue(values.containsKey(KeyAnalyser.TUNING), values::toString);
    }
}
