package org.deckhand.api.music;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A musical key on the Camelot wheel: a number from 1 to 12 and a letter, {@code A} for minor and {@code B} for
 * major keys. Parses Camelot codes in any case ({@code 8a}) and musical names ({@code Am}, {@code C#m},
 * {@code Db}, {@code Ebmin}, {@code F# major}). Open Key notation numbers the same wheel from C major ({@code 1d}) and
 * A minor ({@code 1m}).
 *
 * @param number the position on the wheel, 1 to 12
 * @param minor whether it is a minor key (letter {@code A})
 */
public record CamelotKey(int number, boolean minor) {

    private static final Pattern CODE = Pattern.compile("(\\d{1,2})([ABab])");
    private static final Pattern NAME = Pattern.compile("([A-Ga-g])([#b♯♭]?)\\s*(m|min|minor|maj|major|)",
            Pattern.CASE_INSENSITIVE);
    private static final int[] NATURAL_PITCH = {9, 11, 0, 2, 4, 5, 7};
    private static final int WHEEL = 12;
    private static final int C_MAJOR_NUMBER = 8;
    private static final int FIFTH = 7;
    private static final int MINOR_THIRD = 3;
    private static final String[] PITCH_NAMES = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};

    /** @throws IllegalArgumentException if the number is not between 1 and 12 */
    public CamelotKey {
        if (number < 1 || number > WHEEL) {
            throw new IllegalArgumentException("Camelot number must lie in 1..12: " + number);
        }
    }

    /**
     * @param text a Camelot code or a musical key name
     * @return the key, or empty if the text is neither
     */
    public static Optional<CamelotKey> parse(String text) {
        String trimmed = text.strip();
        Matcher code = CODE.matcher(trimmed);
        if (code.matches()) {
            int number = Integer.parseInt(code.group(1));
            if (number < 1 || number > WHEEL) {
                return Optional.empty();
            }
            return Optional.of(new CamelotKey(number, code.group(2).equalsIgnoreCase("A")));
        }
        Matcher name = NAME.matcher(trimmed);
        if (name.matches()) {
            return Optional.of(ofName(name.group(1), name.group(2), name.group(3)));
        }
        return Optional.empty();
    }

    private static CamelotKey ofName(String letter, String accidental, String mode) {
        int pitch = NATURAL_PITCH[Character.toUpperCase(letter.charAt(0)) - 'A'];
        if (accidental.equals("#") || accidental.equals("♯")) {
            pitch++;
        } else if (!accidental.isEmpty()) {
            pitch--;
        }
        boolean minor = mode.toLowerCase(Locale.ROOT).startsWith("mi") || mode.equals("m");
        return ofPitchClass(pitch, minor);
    }

    /** @return the code, such as {@code 8A} */
    public String code() {
        return number + (minor ? "A" : "B");
    }

    /** @return the key's place in the order 1A, 1B, 2A, ... 12B, for sorting */
    public long order() {
        return number * 2L + (minor ? 0 : 1);
    }

    /**
     * @return the keys a DJ can mix into from this one: itself, one step either way around the wheel with the
     *     same letter (12 and 1 are neighbours), and its relative key (the same number, the other letter)
     */
    public List<CamelotKey> compatible() {
        return List.of(this,
                new CamelotKey(Math.floorMod(number - 2, WHEEL) + 1, minor),
                new CamelotKey(number % WHEEL + 1, minor),
                new CamelotKey(number, !minor));
    }

    /**
     * @param pitchClass the tonic's pitch class, 0 for C to 11 for B
     * @param minor whether the key is minor
     * @return the key
     */
    public static CamelotKey ofPitchClass(int pitchClass, boolean minor) {
        int relativeMajor = Math.floorMod(minor ? pitchClass + MINOR_THIRD : pitchClass, WHEEL);
        return new CamelotKey(Math.floorMod(relativeMajor * FIFTH + C_MAJOR_NUMBER - 1, WHEEL) + 1, minor);
    }

    /** @return the tonic's pitch class, 0 for C to 11 for B */
    public int pitchClass() {
        int relativeMajor = Math.floorMod((number - C_MAJOR_NUMBER) * FIFTH, WHEEL);
        return minor ? Math.floorMod(relativeMajor - MINOR_THIRD, WHEEL) : relativeMajor;
    }

    /** @return the key's name, such as {@code A minor} or {@code F# major} */
    public String name() {
        return PITCH_NAMES[pitchClass()] + (minor ? " minor" : " major");
    }

    /**
     * @return the key as the ID3v2.4 TKEY frame writes it (section 4.2.3): the tonic, then {@code m} for minor, such
     *     as {@code Am} or {@code F#}; rekordbox, Traktor and Serato read this form from any format's key tag
     */
    public String shortName() {
        return PITCH_NAMES[pitchClass()] + (minor ? "m" : "");
    }

    /** @return the Open Key code, such as {@code 1m} for A minor or {@code 1d} for C major */
    public String openKeyCode() {
        return (Math.floorMod(number - C_MAJOR_NUMBER, WHEEL) + 1) + (minor ? "m" : "d");
    }

    /**
     * @param other another key
     * @return how a mix from this key into {@code other} sounds on the Camelot wheel
     */
    public Relation relationTo(CamelotKey other) {
        if (other.equals(this)) {
            return Relation.SAME;
        }
        int steps = Math.floorMod(other.number - number, WHEEL);
        if (other.minor == minor && (steps == 1 || steps == WHEEL - 1)) {
            return Relation.ADJACENT;
        }
        if (other.number == number) {
            return Relation.RELATIVE;
        }
        if (other.minor == minor && steps == 2) {
            return Relation.ENERGY_BOOST;
        }
        return Relation.CLASH;
    }

    /** How two keys relate for a DJ mixing from one into the other. */
    public enum Relation {
        /** The same key. */
        SAME,
        /** One step around the wheel, the same letter: a perfect fifth up or down. */
        ADJACENT,
        /** The same number, the other letter: the relative major or minor. */
        RELATIVE,
        /** Two steps up the wheel, the same letter: a whole tone up, the "energy boost" move. */
        ENERGY_BOOST,
        /** Anything else: the keys clash. */
        CLASH
    }
}
