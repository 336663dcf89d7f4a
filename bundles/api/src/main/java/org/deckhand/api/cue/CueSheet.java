package org.deckhand.api.cue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CUE sheet: the recording it describes and where each of its tracks starts.
 *
 * @param dialect how the sheet gives its times
 * @param remarks its {@code REM} lines before the first track, by key in upper case, in order ({@code DATE},
 *     {@code GENRE}, {@code COMMENT}, {@code RECORDED_BY}, {@code DISCID}, ...), values without their quotes
 * @param title the sheet's {@code TITLE} (the mix's, the album's), or null
 * @param performer the sheet's {@code PERFORMER} (the DJ, the artist), or null
 * @param fileName the name its first {@code FILE} line gives the recording, as written (a name or a path)
 * @param fileType that line's type as written: {@code WAVE}, {@code MP3}, {@code AIFF}, {@code BINARY},
 *     {@code MOTOROLA}, or another word some programs write ({@code FLAC})
 * @param tracks its tracks in order, at least one
 */
public record CueSheet(Dialect dialect, Map<String, String> remarks, String title, String performer, String fileName,
        String fileType, List<CueTrack> tracks) {

    /** How a sheet gives its {@code INDEX} times. */
    public enum Dialect {
        /** {@code INDEX 01 mm:ss:ff}, frames of 1/75 s, as the CDRWIN syntax defines it. */
        STANDARD,
        /**
         * The sheets rekordbox writes beside its recordings (recognised by {@code REM RECORDED_BY "rekordbox-dj"}):
         * {@code INDEX 01 hh:mm:ss}, whole seconds, and a {@code FILE} line in each track naming the file played.
         */
        REKORDBOX
    }

    /**
     * @throws NullPointerException if the dialect, the remarks, the file's name or type or the tracks are null
     * @throws IllegalArgumentException if there is no track
     */
    public CueSheet {
        Objects.requireNonNull(dialect, "dialect");
        remarks = Collections.unmodifiableMap(new LinkedHashMap<>(remarks));
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(fileType, "fileType");
        tracks = List.copyOf(tracks);
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("a CUE sheet has at least one TRACK");
        }
    }

    /** @return its {@code REM DATE} (a year, or a date and time as the program wrote it), or null */
    public String date() {
        return remarks.get("DATE");
    }

    /** @return its {@code REM GENRE}, or null */
    public String genre() {
        return remarks.get("GENRE");
    }

    /** @return its {@code REM COMMENT}, or null */
    public String comment() {
        return remarks.get("COMMENT");
    }
}
