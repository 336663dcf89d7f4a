package org.deckhand.api.tracklist;

import java.util.List;
import java.util.Objects;

/**
 * One row of a tracklist.
 *
 * @param position the row's place in the tracklist, from 1, counting every row (played-together rows and gaps too)
 * @param kind what the row stands for
 * @param cueSeconds where the track starts in the recording, in seconds from its start; {@code null} when the source
 *     gives no time, or only an uncertain one such as MixesDB's {@code [3?]} or {@code [??]}
 * @param artist the track's artist as the source writes it, {@code feat.} credits included; {@code null} when unknown
 *     (gaps, fillers, {@code ?})
 * @param title its title without the remix; {@code ID} when the source names the artist only; {@code null} for a gap
 * @param remix its remix or version in brackets, such as {@code Extended Mix}; {@code null} when none is given
 * @param label its record label; {@code null} when none is given
 * @param durationSeconds the track's own playing time in seconds as the source gives it (1001Tracklists does),
 *     {@code null} when it gives none
 * @param playedWithPrevious whether it plays together with the row before it (1001Tracklists' {@code w/} rows)
 * @param mashupParts the tracks a mashup puts together, empty for any other row
 * @param djPart in a back-to-back set, the DJ or part heading the row falls under (MixesDB's {@code ;Part 2} or
 *     {@code ;DJ name}), {@code null} when the tracklist has no parts
 */
public record TracklistEntry(int position, EntryKind kind, Double cueSeconds, String artist, String title,
        String remix, String label, Double durationSeconds, boolean playedWithPrevious, List<MashupPart> mashupParts,
        String djPart) {

    /**
     * @throws NullPointerException if {@code kind} is null
     * @throws IllegalArgumentException if {@code position} is below 1 or {@code cueSeconds} negative
     */
    public TracklistEntry {
        Objects.requireNonNull(kind, "kind");
        if (position < 1) {
            throw new IllegalArgumentException("an entry's position counts from 1: " + position);
        }
        if (cueSeconds != null && (cueSeconds < 0 || cueSeconds.isNaN())) {
            throw new IllegalArgumentException("a cue time is seconds from the start, not " + cueSeconds);
        }
        mashupParts = mashupParts == null ? List.of() : List.copyOf(mashupParts);
    }

    /**
     * @return whether nobody has named this row's track: an {@link EntryKind#UNIDENTIFIED} row
     */
    public boolean unidentified() {
        return kind == EntryKind.UNIDENTIFIED;
    }

    /**
     * @return whether the row names a track that a library could hold: a {@link EntryKind#TRACK} with an artist and a
     *     title
     */
    public boolean matchable() {
        return kind == EntryKind.TRACK && artist != null && title != null;
    }

    /**
     * @param newPosition the row's new place
     * @return this row at another place
     */
    public TracklistEntry at(int newPosition) {
        return new TracklistEntry(newPosition, kind, cueSeconds, artist, title, remix, label, durationSeconds,
                playedWithPrevious, mashupParts, djPart);
    }
}
