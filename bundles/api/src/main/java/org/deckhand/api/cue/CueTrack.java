package org.deckhand.api.cue;

/**
 * One {@code TRACK nn AUDIO} of a CUE sheet.
 *
 * @param number its number, 1 to 99 in a sheet Deckhand writes (readers accept up to 254, as metaflac does)
 * @param title its {@code TITLE}, or null when it has none
 * @param performer its {@code PERFORMER}, or null when it has none
 * @param startFrames its {@code INDEX 01}: where it starts, in frames of 1/75 s from the start of the recording
 *     (of its {@code file} in a standard sheet with several {@code FILE} lines)
 * @param file the {@code FILE} in effect for the track when it differs from the sheet's first one, else null: in a
 *     rekordbox recording's sheet ({@link CueSheet.Dialect#REKORDBOX}) that is the file the DJ played, and the time
 *     is still in the recording
 */
public record CueTrack(int number, String title, String performer, long startFrames, String file) {

    /**
     * @throws IllegalArgumentException if the number is not positive or the start is negative
     */
    public CueTrack {
        if (number < 1) {
            throw new IllegalArgumentException("a CUE track number starts at 1, not " + number);
        }
        if (startFrames < 0) {
            throw new IllegalArgumentException("track " + number + " starts before the file: " + startFrames);
        }
    }

    /** @return its {@code INDEX 01}, seconds from the start of the recording */
    public double startSeconds() {
        return CueTime.seconds(startFrames);
    }
}
