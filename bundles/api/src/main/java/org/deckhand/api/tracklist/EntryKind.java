package org.deckhand.api.tracklist;

/** What a row of a tracklist stands for. */
public enum EntryKind {

    /** A track, named by artist and title. */
    TRACK,

    /**
     * A track nobody has identified: 1001Tracklists' {@code ID - ID}, MixesDB's {@code ?}; also {@code Artist - ID},
     * whose artist is known.
     */
    UNIDENTIFIED,

    /** One or more unknown tracks between two rows: MixesDB's {@code ...}. */
    GAP,

    /** A row that is not a track of the mix, such as {@code Intro} or a radio jingle: a title without an artist. */
    FILLER
}
