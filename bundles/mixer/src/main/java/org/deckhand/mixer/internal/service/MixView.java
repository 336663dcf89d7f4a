package org.deckhand.mixer.internal.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A mix as the API shows it.
 *
 * @param id the mix's id
 * @param seed what it was planned from, such as {@code query genre:techno}, {@code track 12} or {@code crate 3}
 * @param state {@code PLAYING}, {@code STOPPED} or {@code ENDED}
 * @param createdAt when it was created
 * @param positionSeconds how far listeners are into it, seconds (it stands still while the mix is paused for want
 *     of listeners)
 * @param paused whether it is paused for want of listeners; it goes on when one connects
 * @param nowPlaying the track listeners hear last faded in, or null before the first starts
 * @param next the planned tracks that have not started yet, in order
 * @param plan every planned track, in order, with where the started ones start
 * @param listeners how many players are connected to its streams
 * @param token the token its stream URLs carry
 * @param streams the stream URLs by kind ({@code mp3}, {@code flac}, {@code wav}, {@code m3u}, {@code pls}),
 *     relative to the server
 * @param planEnd why the plan ends where it does: it holds the tracks asked for (extend it for more), or the
 *     planner found no track that may follow its last, and which limit left none (key, BPM window, artists, a pool
 *     used up)
 */
public record MixView(String id, String seed, String state, Instant createdAt, double positionSeconds, boolean paused,
        @JsonInclude(JsonInclude.Include.ALWAYS) EntryView nowPlaying, List<EntryView> next, List<EntryView> plan,
        int listeners, String token, Map<String, String> streams, String planEnd) {
}
