package org.deckhand.subsonic.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ids the API hands out: {@code tr-} and the catalog id for songs, {@code al-} and {@code ar-} and 16 hex digits
 * for albums and artists, {@code 1} for the one music folder. Anything else, a path among them, names nothing.
 */
final class Ids {

    /** The id of the one music folder. */
    static final String MUSIC_FOLDER = "1";

    private static final Pattern TRACK = Pattern.compile("tr-([1-9][0-9]{0,17})");

    private Ids() {
    }

    /**
     * @param id an id from a client
     * @return the catalog id of the track it names, or empty when it is not a song id
     */
    static Optional<Long> trackId(String id) {
        var match = TRACK.matcher(id);
        return match.matches() ? Optional.of(Long.parseLong(match.group(1))) : Optional.empty();
    }
}
