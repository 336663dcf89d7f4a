package org.deckhand.api.mixer;

/**
 * A mix that plays, as {@link LiveMixes} lists it.
 *
 * @param id the mix's id, as in {@code /api/v1/mixes/{id}}
 * @param name what it plays from, for a list of stations, such as {@code Deckhand mix: genre:techno}
 * @param nowPlaying the track listeners hear, as {@code Artist - Title}; {@code null} before the first starts
 * @param plannedTracks how many tracks its plan holds, those played included
 * @param listeners how many players are connected to its streams
 * @param streamPath the path of its MP3 stream on the server, with the token that opens it, such as
 *     {@code /stream/Ab3dE6.mp3?token=...}: a secret of the mix, to be shown to its listeners only
 * @param playlistPath the path of its M3U playlist on the server, with the token, likewise
 */
public record LiveMix(String id, String name, String nowPlaying, int plannedTracks, int listeners,
        String streamPath, String playlistPath) {
}
