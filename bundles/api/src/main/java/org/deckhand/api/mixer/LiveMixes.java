package org.deckhand.api.mixer;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The streaming mixer's live mixes: each plays one beat-matched, harmonically ordered stream that every player
 * connected to it hears at the same point, like a radio station. A service of the mixer bundle; thread-safe.
 */
@ProviderType
public interface LiveMixes {

    /**
     * @return the mixes that play, oldest first: a mix paused for want of listeners plays on when one connects and
     *     is listed; a stopped or ended one is not
     */
    List<LiveMix> playing();

    /**
     * Plans a mix from the tracks a search finds, with the mixer's default options, and starts it at once.
     *
     * @param query a query in the search language (README, "Search"), such as {@code genre:techno bpm:120-128}
     * @return the mix, playing
     * @throws IllegalArgumentException if the query is malformed or finds no track that can be played
     * @throws IllegalStateException if the most mixes the mixer allows (its setting {@code maxMixes}) play already
     */
    LiveMix start(String query);

    /**
     * @return the mixer's setting {@code publicUrl} without a trailing slash, such as
     *     {@code https://music.example.org}, under which players reach the streams; empty when it is unset, and the
     *     streams are then reached at the address of the server a player connects to
     */
    Optional<String> publicUrl();
}
