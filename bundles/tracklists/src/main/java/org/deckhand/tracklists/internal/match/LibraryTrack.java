package org.deckhand.tracklists.internal.match;

import java.util.List;

/**
 * A track of the library as the matcher compares it.
 *
 * @param id its catalog id
 * @param artists its artists, as tagged
 * @param title its title, as tagged (a remix may be in it, in brackets or after a dash)
 * @param label its label, {@code null} when untagged
 * @param durationSeconds its playing time, {@code null} when unknown
 */
public record LibraryTrack(long id, List<String> artists, String title, String label, Double durationSeconds) {

    /** Copies the list. */
    public LibraryTrack {
        artists = artists == null ? List.of() : List.copyOf(artists);
    }
}
