package org.deckhand.notifier.discord.bot.internal;

import java.util.function.Supplier;
import org.deckhand.api.mixer.LiveMix;
import org.deckhand.api.mixer.LiveMixes;

/**
 * The text of the bot's answer to {@code /deckhand mix <query>}: a mix of the streaming mixer started from the tracks
 * a search finds, with the addresses at which players on the network play it. Thread-safe. Every answer fits a
 * Discord message (2,000 characters).
 */
final class MixAnswers {

    private static final int MAX_QUERY_SHOWN = 200;

    private final LiveMixes mixes;
    private final Supplier<String> server;

    /**
     * @param mixes the mixer's live mixes; null when the mixer does not run
     * @param server gives the address players reach the server at, without a trailing slash, such as
     *     {@code http://192.168.1.20:8750}, asked at each answer (the mixer's {@code publicUrl} may change)
     */
    MixAnswers(LiveMixes mixes, Supplier<String> server) {
        this.mixes = mixes;
        this.server = server;
    }

    /**
     * Starts a mix.
     *
     * @param query what the user typed, in Deckhand's query language, such as {@code genre:techno bpm:124..130}
     * @return how many tracks it plans and the addresses of its MP3 stream, its M3U playlist and its console page;
     *     or why no mix was started (a malformed query, nothing playable found, the most mixes allowed playing, the
     *     mixer not running)
     */
    String start(String query) {
        String shown = query.strip().length() <= MAX_QUERY_SHOWN ? query.strip()
                : query.strip().substring(0, MAX_QUERY_SHOWN - 1) + "…";
        if (mixes == null) {
            return "Mix `" + shown + "`: the mixer does not run on this server.";
        }
        LiveMix mix;
        try {
            mix = mixes.start(query);
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return LibraryAnswers.shorten("Mix `" + shown + "`: " + refused.getMessage(), LibraryAnswers.MAX_CONTENT);
        }
        String base = server.get();
        return LibraryAnswers.shorten("Mix `" + shown + "` started: " + mix.plannedTracks() + " tracks planned, "
                + "beat-matched and in key.\n"
                + "Stream (MP3): " + base + mix.streamPath() + "\n"
                + "Playlist (M3U, for VLC, mpv and other players): " + base + mix.playlistPath() + "\n"
                + "Follow and steer it: " + base + "/mixes/" + mix.id(), LibraryAnswers.MAX_CONTENT);
    }
}
