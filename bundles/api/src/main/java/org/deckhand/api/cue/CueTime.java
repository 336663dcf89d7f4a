package org.deckhand.api.cue;

import java.util.Locale;

/**
 * Times in a CUE sheet: {@code mm:ss:ff}, minutes (any number, also past 99), seconds (0 to 59) and frames of 1/75
 * second (0 to 74), as the CDRWIN cue sheet syntax and a CD's subcode give them. 75 frames are 44,100 / 588: one CD
 * frame is 588 samples at 44.1 kHz.
 */
public final class CueTime {

    /** Frames a second in a CUE sheet's times. */
    public static final int FRAMES_PER_SECOND = 75;

    private CueTime() {
    }

    /**
     * @param seconds a time from the start of the file, seconds, not negative
     * @return it in frames of 1/75 s, rounded to the nearest frame
     * @throws IllegalArgumentException if the time is negative, infinite or not a number
     */
    public static long frames(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("a CUE time must be a number of seconds, at least 0, not " + seconds);
        }
        return Math.round(seconds * FRAMES_PER_SECOND);
    }

    /**
     * @param frames a time in frames of 1/75 s
     * @return it in seconds
     */
    public static double seconds(long frames) {
        return frames / (double) FRAMES_PER_SECOND;
    }

    /**
     * @param frames a time in frames of 1/75 s, not negative
     * @return it as {@code mm:ss:ff}, at least two digits of minutes ({@code 00:00:00}, {@code 123:45:67})
     * @throws IllegalArgumentException if the time is negative
     */
    public static String format(long frames) {
        if (frames < 0) {
            throw new IllegalArgumentException("a CUE time cannot be negative: " + frames + " frames");
        }
        return String.format(Locale.ROOT, "%02d:%02d:%02d", frames / (60 * FRAMES_PER_SECOND),
                frames / FRAMES_PER_SECOND % 60, frames % FRAMES_PER_SECOND);
    }
}
