package org.deckhand.analysers.key;

/**
 * The DJ key wheels, on which neighbouring numbers are a perfect fifth apart and a number's two keys are relatives.
 * Camelot (Mixed In Key): {@code 8B} is C major, {@code 8A} A minor. Open Key (Traktor): {@code 1d} is C major,
 * {@code 1m} A minor.
 */
public final class KeyWheel {

    private static final int FIFTH_SEMITONES = 7;
    private static final int MINOR_THIRD_SEMITONES = 3;
    private static final int CAMELOT_C_MAJOR = 8;
    private static final int OPEN_KEY_C_MAJOR = 1;

    private KeyWheel() {
    }

    /**
     * @param key a key
     * @return its Camelot code, {@code 1A} to {@code 12B}
     */
    public static String camelot(MusicalKey key) {
        return wheelNumber(key, CAMELOT_C_MAJOR) + (key.minor() ? "A" : "B");
    }

    /**
     * @param key a key
     * @return its Open Key code, {@code 1d} to {@code 12m}
     */
    public static String openKey(MusicalKey key) {
        return wheelNumber(key, OPEN_KEY_C_MAJOR) + (key.minor() ? "m" : "d");
    }

    /** The number shared by a major key and its relative minor: fifths above C, counted from C major's number. */
    private static int wheelNumber(MusicalKey key, int cMajorNumber) {
        int relativeMajor = key.minor() ? key.tonicPitchClass() + MINOR_THIRD_SEMITONES : key.tonicPitchClass();
        int fifthsAboveC = Math.floorMod(relativeMajor * FIFTH_SEMITONES, MusicalKey.PITCH_CLASSES);
        return Math.floorMod(fifthsAboveC + cMajorNumber - 1, MusicalKey.PITCH_CLASSES) + 1;
    }
}
