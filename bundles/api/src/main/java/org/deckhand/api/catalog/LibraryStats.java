package org.deckhand.api.catalog;

import java.util.Map;

/**
 * Figures about the whole library.
 *
 * @param tracks how many tracks the catalog holds, missing ones included
 * @param missing how many of them have a file that is gone
 * @param tracksByFormat track counts by file format, such as {@code flac}
 * @param totalDurationSeconds the playing time of every track whose duration is known, in seconds
 * @param totalSizeBytes the size of every track's file, in bytes
 * @param duplicateGroups how many groups of tracks share identical content (the same SHA-256)
 * @param problems how many files could not be taken in
 * @param tracksWithWarnings how many tracks were read only in part
 */
public record LibraryStats(long tracks, long missing, Map<String, Long> tracksByFormat, double totalDurationSeconds,
        long totalSizeBytes, long duplicateGroups, long problems, long tracksWithWarnings) {

    /** Copies the map. */
    public LibraryStats {
        tracksByFormat = Map.copyOf(tracksByFormat);
    }
}
