package org.deckhand.analysers.key;

/**
 * A major or minor key: a tonic pitch class and a mode.
 *
 * @param tonicPitchClass the tonic, 0 for C up to 11 for B (semitones above C)
 * @param minor whether the key is minor
 */
public record MusicalKey(int tonicPitchClass, boolean minor) {

    /** Pitch classes per octave. */
    public static final int PITCH_CLASSES = 12;

    private static final String[] TONIC_NAMES = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};

    /** @throws IllegalArgumentException if the tonic is not between 0 and 11 */
    public MusicalKey {
        if (tonicPitchClass < 0 || tonicPitchClass >= PITCH_CLASSES) {
            throw new IllegalArgumentException("tonic pitch class must lie in 0..11: " + tonicPitchClass);
        }
    }

    /** @return the key's name, such as {@code A minor} or {@code F# major} */
    public String name() {
        return TONIC_NAMES[tonicPitchClass] + (minor ? " minor" : " major");
    }
}
