package org.deckhand.subsonic.internal;

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
     * @param library the library at the time of the request
     * @param principal who the caller is, such as {@code apikey:phone} or {@code player:alice}; null for the
     *     endpoints answered without credentials
     */
    record Call(Params params, LibrarySnapshot library, String principal) {

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
