package org.deckhand.api.library;

import java.util.List;

/**
 * A track's lyrics, from an LRC file beside it or from its tags.
 *
 * @param language the language as tagged, ideally an ISO 639-2 code such as {@code eng}; {@code und} when unknown
 * @param synced whether every line carries the time it is sung at
 * @param offsetMillis the LRC file's {@code [offset:]}, milliseconds: positive shows every line sooner, negative
 *     later; 0 when none
 * @param lines the lines, in the order they are sung (synced) or written (unsynced)
 * @since 1.4
 */
public record Lyrics(String language, boolean synced, long offsetMillis, List<Line> lines) {

    /** Copies the list. */
    public Lyrics {
        lines = List.copyOf(lines);
    }

    /**
     * One line of lyrics.
     *
     * @param startMillis when it is sung, milliseconds from the track's start; {@code null} in unsynced lyrics
     * @param text the line, possibly empty (a pause between verses)
     */
    public record Line(Long startMillis, String text) {
    }
}
