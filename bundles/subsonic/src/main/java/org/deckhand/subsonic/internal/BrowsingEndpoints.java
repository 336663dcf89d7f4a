package org.deckhand.subsonic.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The browsing endpoints of the Subsonic API 1.16.1: folders and indexes (getMusicFolders, getIndexes,
 * getMusicDirectory), ID3 browsing (getArtists, getArtist, getAlbum, getSong), getGenres, and the information
 * endpoints, answered from what the library knows: Deckhand looks nothing up on the internet, so getArtistInfo2 and
 * getAlbumInfo2 answer empty.
 */
final class BrowsingEndpoints {

    /** The articles that indexes and sorting skip at the start of an artist's name. */
    static final String IGNORED_ARTICLES = "The";

    private BrowsingEndpoints() {
    }

    /** @param endpoints the map to add them to, by name */
    static void register(Map<String, Endpoint> endpoints) {
        endpoints.put("getMusicFolders", BrowsingEndpoints::musicFolders);
        endpoints.put("getIndexes", BrowsingEndpoints::indexes);
        endpoints.put("getMusicDirectory", BrowsingEndpoints::musicDirectory);
        endpoints.put("getArtists", BrowsingEndpoints::artists);
        endpoints.put("getArtist", BrowsingEndpoints::artist);
        endpoints.put("getAlbum", BrowsingEndpoints::album);
        endpoints.put("getSong", (call, answer) -> {
            Song song = call.song("id");
            Answers.song(answer.child("song"), song, call.of(song.id()));
        });
        endpoints.put("getGenres", BrowsingEndpoints::genres);
        endpoints.put("getArtistInfo2", (call, answer) -> {
            call.artist("id");
            answer.child("artistInfo2");
        });
        endpoints.put("getAlbumInfo2", (call, answer) -> {
            call.album("id");
            answer.child("albumInfo");
        });
    }

    private static void musicFolders(Endpoint.Call call, Element answer) {
        answer.child("musicFolders").add("musicFolder").attr("id", 1).attr("name", "Music");
    }

    private static void indexes(Endpoint.Call call, Element answer) throws SubsonicException {
        musicFolder(call);
        Element indexes = answer.child("indexes").attr("lastModified", 0L).attr("ignoredArticles", IGNORED_ARTICLES);
        indexes.emptyList("index");
        for (Map.Entry<String, List<Artist>> letter : byLetter(call.library().artists()).entrySet()) {
            Element index = indexes.add("index").attr("name", letter.getKey());
            for (Artist artist : letter.getValue()) {
                index.add("artist").attr("id", artist.id()).attr("name", artist.name());
            }
        }
    }

    private static void artists(Endpoint.Call call, Element answer) throws SubsonicException {
        musicFolder(call);
        Element artists = answer.child("artists").attr("ignoredArticles", IGNORED_ARTICLES);
        artists.emptyList("index");
        for (Map.Entry<String, List<Artist>> letter : byLetter(call.library().artists()).entrySet()) {
            Element index = artists.add("index").attr("name", letter.getKey());
            for (Artist artist : letter.getValue()) {
                Answers.artist(index.add("artist"), artist, call.of(artist.id()));
            }
        }
    }

    private static void artist(Endpoint.Call call, Element answer) throws SubsonicException {
        Artist artist = call.artist("id");
        Element element = Answers.artist(answer.child("artist"), artist, call.of(artist.id()));
        element.emptyList("album");
        for (Album album : artist.albums()) {
            Answers.album(element.add("album"), album, call.of(album.id()));
        }
    }

    private static void album(Endpoint.Call call, Element answer) throws SubsonicException {
        Album album = call.album("id");
        Element element = Answers.album(answer.child("album"), album, call.of(album.id()));
        element.emptyList("song");
        for (Song song : album.songs()) {
            Answers.song(element.add("song"), song, call.of(song.id()));
        }
    }

    private static void musicDirectory(Endpoint.Call call, Element answer) throws SubsonicException {
        String id = call.params().required("id");
        LibrarySnapshot library = call.library();
        Element directory = answer.child("directory");
        directory.emptyList("child");
        if (id.equals(Ids.MUSIC_FOLDER)) {
            directory.attr("id", id).attr("name", "Music");
            for (Artist artist : library.artists()) {
                directory.add("child").attr("id", artist.id()).attr("parent", id).attr("isDir", true)
                        .attr("title", artist.name()).attr("artist", artist.name())
                        .attr("coverArt", artist.coverArt());
            }
            return;
        }
        var artist = library.artist(id);
        if (artist.isPresent()) {
            directory.attr("id", id).attr("parent", Ids.MUSIC_FOLDER).attr("name", artist.get().name());
            for (Album album : artist.get().albums()) {
                directory.add("child").attr("id", album.id()).attr("parent", id).attr("isDir", true)
                        .attr("title", album.name()).attr("album", album.name()).attr("artist", album.artist())
                        .attr("year", album.year()).attr("genre", album.genre())
                        .attr("coverArt", album.coverSongId() == null ? null : album.id())
                        .attr("created", Answers.timestamp(album.created())).attr("artistId", album.artistId());
            }
            return;
        }
        Album album = library.album(id).orElseThrow(() -> SubsonicException.notFound("Directory", id));
        directory.attr("id", id).attr("parent", album.artistId()).attr("name", album.name());
        for (Song song : album.songs()) {
            Answers.song(directory.add("child"), song, call.of(song.id()));
        }
    }

    private static void genres(Endpoint.Call call, Element answer) {
        Element genres = answer.child("genres").emptyList("genre");
        for (Map.Entry<String, List<Song>> genre : call.library().songsByGenre().entrySet()) {
            long albums = genre.getValue().stream().map(Song::albumId).distinct().count();
            genres.add("genre").attr("songCount", genre.getValue().size()).attr("albumCount", (int) albums)
                    .attr("value", genre.getKey());
        }
    }

    private static void musicFolder(Endpoint.Call call) throws SubsonicException {
        String folder = call.params().get("musicFolderId");
        if (folder != null && !folder.equals(Ids.MUSIC_FOLDER)) {
            throw SubsonicException.notFound("Music folder", folder);
        }
    }

    /** Groups artists by the first letter of their sort name; names that start otherwise go under {@code #}. */
    private static Map<String, List<Artist>> byLetter(List<Artist> artists) {
        Map<String, List<Artist>> groups = new LinkedHashMap<>();
        for (Artist artist : artists) {
            String sortName = LibrarySnapshot.sortName(artist.name());
            char first = sortName.isEmpty() ? '#' : sortName.charAt(0);
            String letter = Character.isLetter(first) ? String.valueOf(first) : "#";
            groups.computeIfAbsent(letter, l -> new ArrayList<>()).add(artist);
        }
        return groups;
    }
}
