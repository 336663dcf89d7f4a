package org.deckhand.api.cue;

/**
 * Something about one tracklist entry that its CUE sheet could not say as given.
 *
 * @param entry the entry's place in the draft's entries, from 1; 0 for the mix's own lines
 * @param kind what it is
 * @param message a sentence for the user that names the entry and its time
 */
public record CueProblem(int entry, Kind kind, String message) {

    /** What kind of problem, and whether the entry is in the sheet. */
    public enum Kind {
        /** The entry has no cue time: it is left out. */
        NO_CUE_TIME(true),
        /**
         * The entry starts at or before the track before it, once rounded to 1/75 s: left out, since indexes must
         * increase (metaflac: "CD-DA INDEX offsets must increase in time").
         */
        NOT_AFTER_PREVIOUS(true),
        /** The entry starts at or after the recording's end: left out. */
        AFTER_END(true),
        /** A CUE sheet holds at most 99 tracks: the entry would be the 100th or later, and is left out. */
        OVER_99_TRACKS(true),
        /**
         * The first track starts later than 00:00:00: its {@code INDEX 01} is written as 00:00:00 (metaflac: "first
         * INDEX of first TRACK must have an offset of 00:00:00"), so that what plays before it stays playable.
         */
        FIRST_MOVED_TO_START(false),
        /** Its title or performer was longer than a CUE line allows and is cut short. */
        TEXT_SHORTENED(false);

        private final boolean leftOut;

        Kind(boolean leftOut) {
            this.leftOut = leftOut;
        }

        /** @return whether an entry with this problem is missing from the sheet */
        public boolean leftOut() {
            return leftOut;
        }
    }
}
