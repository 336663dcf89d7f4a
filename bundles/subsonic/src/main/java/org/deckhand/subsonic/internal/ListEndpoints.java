package org.deckhand.subsonic.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The list endpoints: getAlbumList2 of every type, getRandomSongs, getSongsByGenre, and search3, whose empty query
 * (as Symfonium syncs a library) pages through every song in catalog id order, stable while the library stays as it
 * is. The types {@code starred}, {@code highest}, {@code frequent} and {@code recent} list the albums the owner
 * starred, rated or played, most recent, best or most often first.
 */
final class ListEndpoints {

    /** The largest page any list endpoint gives. */
    static final int MAX_PAGE = 500;
    /** The largest {@code songCount} of search3, which a full sync asks for in pages. */
    static final int MAX_SEARCH_PAGE = 10_000;

    private ListEndpoints() {
    }

    /** @param endpoints the map to add them to, by name */
    static void register(Map<String, Endpoint> endpoints, Random random) {
        endpoints.put("getAlbumList2", (call, answer) -> albumList(call, answer, random));
        endpoints.put("getRandomSongs", (call, answer) -> randomSongs(call, answer, random));
        endpoints.put("getSongsByGenre", ListEndpoints::songsByGenre);
        endpoints.put("search3", ListEndpoints::search);
    }

    private static void albumList(Endpoint.Call call, Element answer, Random random) throws SubsonicException {
        Params params = call.params();
        String type = params.required("type");
        int size = params.integer("size", 10, 1, MAX_PAGE);
        int offset = params.integer("offset", 0, 0, Integer.MAX_VALUE);
        List<Album> albums = new ArrayList<>(call.library().albums());
        switch (type) {
            case "random" -> {
                Collections.shuffle(albums, random);
                offset = 0;
            }
            case "newest" -> albums.sort(Comparator.comparing(Album::created).reversed().thenComparing(Album::id));
            case "alphabeticalByName" -> {
                // the snapshot holds them by name
            }
            case "alphabeticalByArtist" -> albums.sort(Comparator
                    .comparing((Album a) -> LibrarySnapshot.sortName(a.artist()))
                    .thenComparing(Album::name, String.CASE_INSENSITIVE_ORDER));
            case "byYear" -> albums = byYear(albums, params.requiredInteger("fromYear", 0, 9999),
                    params.requiredInteger("toYear", 0, 9999));
            case "byGenre" -> {
                String genre = params.required("genre");
                albums.removeIf(album -> album.songs().stream().noneMatch(s -> genre.equalsIgnoreCase(s.genre())));
            }
            case "starred" -> {
                albums.removeIf(album -> call.of(album.id()).starred() == null);
                albums.sort(Comparator.comparing((Album a) -> call.of(a.id()).starred()).reversed());
            }
            case "highest" -> {
                albums.removeIf(album -> call.of(album.id()).rating() == 0);
                albums.sort(Comparator.comparingInt((Album a) -> call.of(a.id()).rating()).reversed());
            }
            case "frequent" -> {
                albums.removeIf(album -> call.of(album.id()).playCount() == 0);
                albums.sort(Comparator.comparingLong((Album a) -> call.of(a.id()).playCount()).reversed());
            }
            case "recent" -> {
                albums.removeIf(album -> call.of(album.id()).lastPlayed() == null);
                albums.sort(Comparator.comparing((Album a) -> call.of(a.id()).lastPlayed()).reversed());
            }
            default -> throw new SubsonicException(SubsonicException.GENERIC, "Unknown album list type '" + type
                    + "': random, newest, highest, frequent, recent, alphabeticalByName, alphabeticalByArtist, "
                    + "starred, byYear or byGenre");
        }
        Element list = answer.child("albumList2").emptyList("album");
        page(albums, offset, size).forEach(album -> Answers.album(list.add("album"), album, call.of(album.id())));
    }

    private static List<Album> byYear(List<Album> albums, int from, int to) {
        int low = Math.min(from, to);
        int high = Math.max(from, to);
        Comparator<Album> byYear = Comparator.comparing(a -> a.year() == null ? 0 : a.year());
        return albums.stream().filter(a -> a.year() != null && a.year() >= low && a.year() <= high)
                .sorted(from <= to ? byYear : byYear.reversed()).toList();
    }

    private static void randomSongs(Endpoint.Call call, Element answer, Random random) throws SubsonicException {
        Params params = call.params();
        int size = params.integer("size", 10, 1, MAX_PAGE);
        String genre = params.get("genre");
        Integer fromYear = params.get("fromYear") == null ? null : params.integer("fromYear", 0, 0, 9999);
        Integer toYear = params.get("toYear") == null ? null : params.integer("toYear", 9999, 0, 9999);
        Predicate<Song> wanted = song -> (genre == null || genre.equalsIgnoreCase(song.genre()))
                && (fromYear == null || (song.year() != null && song.year() >= fromYear))
                && (toYear == null || (song.year() != null && song.year() <= toYear));
        List<Song> candidates = call.library().songs().stream().filter(wanted).toList();
        Element songs = answer.child("randomSongs").emptyList("song");
        random.ints(0, Math.max(1, candidates.size())).distinct().limit(Math.min(size, candidates.size()))
                .forEach(i -> Answers.song(songs.add("song"), candidates.get(i), call.of(candidates.get(i).id())));
    }

    private static void songsByGenre(Endpoint.Call call, Element answer) throws SubsonicException {
        Params params = call.params();
        String genre = params.required("genre");
        int count = params.integer("count", 10, 1, MAX_PAGE);
        int offset = params.integer("offset", 0, 0, Integer.MAX_VALUE);
        List<Song> ofGenre = call.library().songsByGenre().getOrDefault(genre, List.of());
        Element songs = answer.child("songsByGenre").emptyList("song");
        page(ofGenre, offset, count).forEach(song -> Answers.song(songs.add("song"), song, call.of(song.id())));
    }

    private static void search(Endpoint.Call call, Element answer) throws SubsonicException {
        Params params = call.params();
        String query = params.get("query");
        int artistCount = params.integer("artistCount", 20, 0, MAX_SEARCH_PAGE);
        int artistOffset = params.integer("artistOffset", 0, 0, Integer.MAX_VALUE);
        int albumCount = params.integer("albumCount", 20, 0, MAX_SEARCH_PAGE);
        int albumOffset = params.integer("albumOffset", 0, 0, Integer.MAX_VALUE);
        int songCount = params.integer("songCount", 20, 0, MAX_SEARCH_PAGE);
        int songOffset = params.integer("songOffset", 0, 0, Integer.MAX_VALUE);
        List<String> words = words(query);
        LibrarySnapshot library = call.library();
        Element result = answer.child("searchResult3").emptyList("artist").emptyList("album").emptyList("song");
        page(matching(library.artists(), words, a -> a.name()), artistOffset, artistCount)
                .forEach(artist -> Answers.artist(result.add("artist"), artist, call.of(artist.id())));
        page(matching(library.albums(), words, a -> a.name() + " " + a.artist()), albumOffset, albumCount)
                .forEach(album -> Answers.album(result.add("album"), album, call.of(album.id())));
        page(matching(library.songs(), words, s -> s.title() + " " + s.artist() + " " + s.album()), songOffset,
                songCount).forEach(song -> Answers.song(result.add("song"), song, call.of(song.id())));
    }

    /**
     * @param query a search3 query, in which clients may quote the words or end them with {@code *}
     * @return its words in lower case; empty for the empty query, which matches everything
     */
    static List<String> words(String query) {
        if (query == null) {
            return List.of();
        }
        String cleaned = query.replace("\"", " ").replace("*", " ").toLowerCase(Locale.ROOT).strip();
        return cleaned.isEmpty() ? List.of() : List.of(cleaned.split("\\s+"));
    }

    private static <T> List<T> matching(List<T> items, List<String> words,
            Function<T, String> text) {
        if (words.isEmpty()) {
            return items;
        }
        return items.stream().filter(item -> {
            String haystack = text.apply(item).toLowerCase(Locale.ROOT);
            return words.stream().allMatch(haystack::contains);
        }).toList();
    }

    private static <T> Stream<T> page(List<T> items, int offset, int count) {
        if (offset >= items.size() || count == 0) {
            return Stream.empty();
        }
        return items.subList(offset, (int) Math.min(items.size(), (long) offset + count)).stream();
    }
}
