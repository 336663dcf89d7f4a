package org.deckhand.api.cue;

import java.util.List;
import java.util.Objects;

/**
 * What a CUE sheet is written from: a recording and its tracklist.
 *
 * @param title the mix's title, or null
 * @param performer the DJ, or null
 * @param date the {@code REM DATE}: a year or an ISO date ({@code 2026-12-07}), or null
 * @param genre the {@code REM GENRE}, or null
 * @param comment the {@code REM COMMENT}: the tracklist's source address, or null
 * @param fileName the recording's file name, as the {@code FILE} line gives it (the name alone, for a sheet beside
 *     the recording)
 * @param fileType the recording's type, by its format ({@link CueFileType#of(String)})
 * @param durationSeconds the recording's length, seconds, or null when unknown; entries that start at or after it
 *     are left out
 * @param entries the tracklist's entries, in order
 */
public record CueDraft(String title, String performer, String date, String genre, String comment, String fileName,
        CueFileType fileType, Double durationSeconds, List<CueEntry> entries) {

    /**
     * @throws NullPointerException if the file's name or type or the entries are null
     * @throws IllegalArgumentException if the file's name is blank
     */
    public CueDraft {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(fileType, "fileType");
        entries = List.copyOf(entries);
        if (fileName.isBlank()) {
            throw new IllegalArgumentException("a CUE sheet's FILE needs the recording's name");
        }
    }
}
