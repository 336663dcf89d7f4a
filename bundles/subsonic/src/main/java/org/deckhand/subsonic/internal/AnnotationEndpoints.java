package org.deckhand.subsonic.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deckhand.api.catalog.Annotations;
import org.deckhand.api.catalog.Annotations.Annotation;
import org.deckhand.api.catalog.Annotations.Playlist;

/**
 * The endpoints that keep what the owner says while listening, in the catalog ({@link Annotations}): star, unstar,
 * setRating, scrobble (play counts and last played of the song, its album and its artist; {@code submission=false}
 * announces it to getNowPlaying instead), getStarred2, getTopSongs (the artist's most played songs here: Deckhand
 * asks no service on the internet), playlists, and the play queue. Deckhand has one owner: every caller shares
 * them.
 */
final class AnnotationEndpoints {

    private static final Pattern PLAYLIST_ID = Pattern.compile("pl-([1-9][0-9]{0,17})");

    private final Clock clock;
    private final NowPlaying nowPlaying;

    AnnotationEndpoints(Clock clock, NowPlaying nowPlaying) {
        this.clock = clock;
        this.nowPlaying = nowPlaying;
    }

    /** @param endpoints the map to add them to, by name */
    void register(Map<String, Endpoint> endpoints) {
        endpoints.put("star", (call, answer) -> call.annotations().star(items(call), clock.instant()));
        endpoints.put("unstar", (call, answer) -> call.annotations().unstar(items(call)));
        endpoints.put("setRating", (call, answer) -> {
            String id = call.params().required("id");
            int rating = call.params().requiredInteger("rating", 0, 5);
            requireItem(call, id);
            call.annotations().rate(id, rating);
        });
        endpoints.put("scrobble", this::scrobble);
        endpoints.put("getStarred2", AnnotationEndpoints::starred);
        endpoints.put("getNowPlaying", this::nowPlaying);
        endpoints.put("getTopSongs", AnnotationEndpoints::topSongs);
        endpoints.put("getPlaylists", AnnotationEndpoints::playlists);
        endpoints.put("getPlaylist", (call, answer) -> playlist(call, answer.child("playlist"),
                playlist(call, call.params().required("id"))));
        endpoints.put("createPlaylist", this::createPlaylist);
        endpoints.put("updatePlaylist", this::updatePlaylist);
        endpoints.put("deletePlaylist", (call, answer) -> {
            String id = call.params().required("id");
            if (!call.annotations().deletePlaylist(playlistNumber(id))) {
                throw SubsonicException.notFound("Playlist", id);
            }
        });
        endpoints.put("getPlayQueue", AnnotationEndpoints::playQueue);
        endpoints.put("savePlayQueue", this::savePlayQueue);
    }

    private static List<String> items(Endpoint.Call call) throws SubsonicException {
        List<String> items = new ArrayList<>();
        items.addAll(call.params().all("id"));
        items.addAll(call.params().all("albumId"));
        items.addAll(call.params().all("artistId"));
        if (items.isEmpty()) {
            throw new SubsonicException(SubsonicException.MISSING_PARAMETER,
                    "Required parameter is missing: id, albumId or artistId");
        }
        for (String item : items) {
            requireItem(call, item);
        }
        return items;
    }

    private static void requireItem(Endpoint.Call call, String id) throws SubsonicException {
        LibrarySnapshot library = call.library();
        boolean known = Ids.trackId(id).flatMap(library::song).isPresent() || library.album(id).isPresent()
                || library.artist(id).isPresent();
        if (!known) {
            throw SubsonicException.notFound("Song, album or artist", id);
        }
    }

    private void scrobble(Endpoint.Call call, Element answer) throws SubsonicException {
        List<String> ids = call.params().all("id");
        if (ids.isEmpty()) {
            throw new SubsonicException(SubsonicException.MISSING_PARAMETER, "Required parameter is missing: id");
        }
        List<String> times = call.params().all("time");
        boolean submission = call.params().bool("submission", true);
        List<Song> songs = new ArrayList<>();
        for (String id : ids) {
            songs.add(Ids.trackId(id).flatMap(call.library()::song)
                    .orElseThrow(() -> SubsonicException.notFound("Song", id)));
        }
        for (int i = 0; i < songs.size(); i++) {
            Song song = songs.get(i);
            if (!submission) {
                nowPlaying.playing(call.userName(), Optional.ofNullable(call.params().get("c")).orElse("unknown"),
                        song);
                continue;
            }
            Instant when = i < times.size() ? playedAt(times.get(i)) : clock.instant();
            call.annotations().played(song.id(), when);
            call.annotations().played(song.albumId(), when);
            call.annotations().played(song.artistId(), when);
        }
    }

    private static Instant playedAt(String millis) throws SubsonicException {
        try {
            return Instant.ofEpochMilli(Long.parseLong(millis));
        } catch (NumberFormatException notANumber) {
            throw new SubsonicException(SubsonicException.GENERIC,
                    "Parameter time must be milliseconds since 1970, not '" + millis + "'");
        }
    }

    private static void starred(Endpoint.Call call, Element answer) {
        LibrarySnapshot library = call.library();
        Element starred = answer.child("starred2").emptyList("artist").emptyList("album").emptyList("song");
        List<Map.Entry<String, Annotation>> stars = call.marks().get().entrySet().stream()
                .filter(entry -> entry.getValue().starred() != null)
                .sorted(Comparator.comparing((Map.Entry<String, Annotation> e) -> e.getValue().starred()).reversed())
                .toList();
        stars.forEach(star -> library.artist(star.getKey())
                .ifPresent(artist -> Answers.artist(starred.add("artist"), artist, star.getValue())));
        stars.forEach(star -> library.album(star.getKey())
                .ifPresent(album -> Answers.album(starred.add("album"), album, star.getValue())));
        stars.forEach(star -> Ids.trackId(star.getKey()).flatMap(library::song)
                .ifPresent(song -> Answers.song(starred.add("song"), song, star.getValue())));
    }

    private void nowPlaying(Endpoint.Call call, Element answer) {
        Element list = answer.child("nowPlaying").emptyList("entry");
        for (NowPlaying.Entry entry : nowPlaying.entries()) {
            Answers.song(list.add("entry"), entry.song(), call.of(entry.song().id())).attr("username", entry.user())
                    .attr("minutesAgo", nowPlaying.minutesAgo(entry)).attr("playerId", 0)
                    .attr("playerName", entry.player());
        }
    }

    private static void topSongs(Endpoint.Call call, Element answer) throws SubsonicException {
        String artist = call.params().required("artist");
        int count = call.params().integer("count", 50, 1, ListEndpoints.MAX_PAGE);
        Element list = answer.child("topSongs").emptyList("song");
        call.library().songs().stream()
                .filter(song -> song.artist().equalsIgnoreCase(artist) && call.of(song.id()).playCount() > 0)
                .sorted(Comparator.comparingLong((Song song) -> call.of(song.id()).playCount()).reversed())
                .limit(count).forEach(song -> Answers.song(list.add("song"), song, call.of(song.id())));
    }

    private static void playlists(Endpoint.Call call, Element answer) {
        Element list = answer.child("playlists").emptyList("playlist");
        for (Playlist playlist : call.annotations().playlists()) {
            summary(call, list.add("playlist"), playlist);
        }
    }

    private void createPlaylist(Endpoint.Call call, Element answer) throws SubsonicException {
        List<Long> tracks = trackIds(call, call.params().all("songId"));
        String existing = call.params().get("playlistId");
        Playlist playlist;
        if (existing != null) {
            Playlist old = playlist(call, existing);
            playlist = call.annotations().updatePlaylist(new Playlist(old.id(), old.name(), old.comment(),
                    old.owner(), old.isPublic(), tracks, old.created(), old.changed()), clock.instant());
        } else {
            playlist = call.annotations().createPlaylist(call.params().required("name"), call.userName(), tracks,
                    clock.instant());
        }
        playlist(call, answer.child("playlist"), playlist);
    }

    private void updatePlaylist(Endpoint.Call call, Element answer) throws SubsonicException {
        Params params = call.params();
        Playlist old = playlist(call, params.required("playlistId"));
        List<Long> tracks = new ArrayList<>(old.trackIds());
        List<Integer> removed = new ArrayList<>();
        for (String index : params.all("songIndexToRemove")) {
            try {
                int position = Integer.parseInt(index);
                if (position >= 0 && position < tracks.size()) {
                    removed.add(position);
                    continue;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            throw new SubsonicException(SubsonicException.GENERIC, "Parameter songIndexToRemove must be a position "
                    + "in the playlist, 0.." + (tracks.size() - 1) + ", not '" + index + "'");
        }
        removed.stream().distinct().sorted(Comparator.reverseOrder()).forEach(i -> tracks.remove((int) i));
        tracks.addAll(trackIds(call, params.all("songIdToAdd")));
        call.annotations().updatePlaylist(new Playlist(old.id(),
                Optional.ofNullable(params.get("name")).orElse(old.name()),
                Optional.ofNullable(params.get("comment")).orElse(old.comment()), old.owner(),
                params.bool("public", old.isPublic()), tracks, old.created(), old.changed()), clock.instant());
    }

    private static void playQueue(Endpoint.Call call, Element answer) {
        call.annotations().playQueue().ifPresent(queue -> {
            Element element = answer.child("playQueue").attr("position", queue.positionMillis())
                    .attr("username", call.userName()).attr("changed", Answers.timestamp(queue.changed()))
                    .attr("changedBy", queue.changedBy())
                    .extension("current", queue.currentTrackId() == null ? null : Song.ID_PREFIX
                            + queue.currentTrackId());
            element.emptyList("entry");
            for (long trackId : queue.trackIds()) {
                call.library().song(trackId)
                        .ifPresent(song -> Answers.song(element.add("entry"), song, call.of(song.id())));
            }
        });
    }

    private void savePlayQueue(Endpoint.Call call, Element answer) throws SubsonicException {
        List<Long> tracks = trackIds(call, call.params().all("id"));
        String current = call.params().get("current");
        Long currentTrack = null;
        if (current != null) {
            currentTrack = Ids.trackId(current).filter(tracks::contains)
                    .orElseThrow(() -> SubsonicException.notFound("Song in the queue", current));
        }
        call.annotations().savePlayQueue(new Annotations.PlayQueue(tracks, currentTrack,
                call.params().nonNegativeLong("position", 0), clock.instant(),
                Optional.ofNullable(call.params().get("c")).orElse("unknown")));
    }

    private static List<Long> trackIds(Endpoint.Call call, List<String> ids) throws SubsonicException {
        List<Long> tracks = new ArrayList<>();
        for (String id : ids) {
            tracks.add(Ids.trackId(id).filter(trackId -> call.library().song(trackId).isPresent())
                    .orElseThrow(() -> SubsonicException.notFound("Song", id)));
        }
        return tracks;
    }

    private static Playlist playlist(Endpoint.Call call, String id) throws SubsonicException {
        Matcher match = PLAYLIST_ID.matcher(id);
        Optional<Playlist> playlist = match.matches()
                ? call.annotations().playlist(Long.parseLong(match.group(1))) : Optional.empty();
        return playlist.orElseThrow(() -> SubsonicException.notFound("Playlist", id));
    }

    private static long playlistNumber(String id) throws SubsonicException {
        Matcher match = PLAYLIST_ID.matcher(id);
        if (!match.matches()) {
            throw SubsonicException.notFound("Playlist", id);
        }
        return Long.parseLong(match.group(1));
    }

    private static Element summary(Endpoint.Call call, Element element, Playlist playlist) {
        int duration = playlist.trackIds().stream().map(call.library()::song).flatMap(Optional::stream)
                .mapToInt(Song::durationSeconds).sum();
        return element.attr("id", "pl-" + playlist.id()).attr("name", playlist.name())
                .attr("comment", playlist.comment()).attr("owner", playlist.owner())
                .attr("public", playlist.isPublic()).attr("songCount", playlist.trackIds().size())
                .attr("duration", duration).attr("created", Answers.timestamp(playlist.created()))
                .attr("changed", Answers.timestamp(playlist.changed()));
    }

    private static void playlist(Endpoint.Call call, Element element, Playlist playlist) {
        summary(call, element, playlist).emptyList("entry");
        for (long trackId : playlist.trackIds()) {
            call.library().song(trackId).ifPresent(song -> Answers.song(element.add("entry"), song,
                    call.of(song.id())));
        }
    }
}
