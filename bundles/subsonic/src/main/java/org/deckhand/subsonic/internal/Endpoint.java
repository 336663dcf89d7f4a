package org.deckhand.subsonic.internal;

import java.util.Map;
import java.util.function.Supplier;
import org.deckhand.api.catalog.Annotations;
import org.deckhand.api.catalog.Annotations.Annotation;

/** One endpoint of the Subsonic API that answers with a {@code subsonic-response}. */
@FunctionalInterface
interface Endpoint {

    /**
     * Fills in the answer.
     *
     * @param call the request
     * @param answer the successful envelope, to add the endpoint's element to
     * @throws SubsonicException if the request is refused; the answer then carries the error instead
     */
    void answer(Call call, Element answer) throws SubsonicException;

    /**
     * One request to an endpoint.
     *
     * @param params its parameters
     * @param library the library at the time of the request; null for the endpoints answered without credentials,
     *     which never read it
     * @param principal who the caller is, such as {@code apikey:phone} or {@code player:alice}; null for the
     *     endpoints answered without credentials
     * @param annotations the owner's stars, ratings, plays, playlists and play queue
     * @param marks the annotations of every item, read once for the request
     * @param serverUrl the address the client reached the server at, without a trailing slash, such as
     *     {@code http://nas.local:8750}
     */
    record Call(Params params, LibrarySnapshot library, String principal, Annotations annotations,
            Supplier<Map<String, Annotation>> marks, String serverUrl) {

        /**
         * @param id an item's id: a song's, album's or artist's
         * @return the owner's star, rating and plays of it
         */
        Annotation of(String id) {
            return marks.get().getOrDefault(id, Annotation.NONE);
        }

        /** @return the caller's name, as getUser and playlists show it: the key's or the player's name */
        String userName() {
            return principal == null ? null : principal.substring(principal.indexOf(':') + 1);
        }

        /**
         * @param name the parameter that names a song, such as {@code id}
         * @return the song
         * @throws SubsonicException code 10 when the parameter is missing, 70 when no song has that id
         */
        Song song(String name) throws SubsonicException {
            String id = params.required(name);
            return Ids.trackId(id).flatMap(library::song)
                    .orElseThrow(() -> SubsonicException.notFound("Song", id));
        }

        /**
         * @param name the parameter that names an album
         * @return the album
         * @throws SubsonicException code 10 when the parameter is missing, 70 when no album has that id
         */
        Album album(String name) throws SubsonicException {
            String id = params.required(name);
            return library.album(id).orElseThrow(() -> SubsonicException.notFound("Album", id));
        }

        /**
         * @param name the parameter that names an artist
         * @return the artist
         * @throws SubsonicException code 10 when the parameter is missing, 70 when no artist has that id
         */
        Artist artist(String name) throws SubsonicException {
            String id = params.required(name);
            return library.artist(id).orElseThrow(() -> SubsonicException.notFound("Artist", id));
        }
    }
}
