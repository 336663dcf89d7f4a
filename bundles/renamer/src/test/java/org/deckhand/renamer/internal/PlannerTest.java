package org.deckhand.renamer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.deckhand.api.catalog.NewTrack;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.TrackMetadata;
import org.deckhand.catalog.internal.DerbyCatalog;
import org.deckhand.testing.database.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans over a real catalog and real folders: collisions, names taken on disk, sidecars, bad templates. */
class PlannerTest {

    @TempDir
    Path root;

    @Test
    void collisionsByCaseAreNumberedTakenNamesAvoidedSidecarsFollowAndNothingIsTouched() throws Exception {
        Path music = Files.createDirectories(root.resolve("music"));
        Path album = Files.createDirectories(music.resolve("rips/x"));
        List<NewTrack> tracks = new ArrayList<>();
        tracks.add(track(album.resolve("a.flac"), new Tags("Song", List.of("Björk"), "Post", null, 1, null, 1995,
                null, null, null, null, null, null)));
        tracks.add(track(album.resolve("b.flac"), new Tags("SONG", List.of("BJO\u0308RK"), "Post", null, 1, null,
                1995, null, null, null, null, null, null)));
        tracks.add(track(album.resolve("c.flac"), new Tags("..", List.of("x"), null, null, null, null, null, null,
                null, null, null, null, null)));
        Files.writeString(album.resolve("cover.jpg"), "jpeg");
        Files.writeString(album.resolve("a.lrc"), "lyrics");
        Files.createDirectories(music.resolve("Björk/Post"));
        Files.writeString(music.resolve("Björk/Post/02 Other.flac"), "already there");
        tracks.add(track(album.resolve("d.flac"), new Tags("Other", List.of("Björk"), "Post", null, 2, null, 1995,
                null, null, null, null, null, null)));
        DerbyCatalog catalog = new DerbyCatalog(root.resolve("catalog"), TestDatabases.engine());
        try {
            catalog.addAll(tracks, Instant.now());
            Planner planner = new Planner(catalog, null, List.of(music));
            Plan plan = planner.plan(new Planner.Request(null, PathRules.parse(List.of(
                    "default: $albumartist/$album/%if{$track,$track }$title")), NamingProfile.PORTABLE, 1024, null));
            Map<String, String> moves = plan.moves().stream().collect(Collectors.toMap(
                    m -> music.relativize(m.source()).toString(), m -> music.relativize(m.target()).toString()));
            assertEquals("Björk/Post/01 Song.flac", moves.get("rips/x/a.flac"));
            assertEquals("Björk/Post/01 SONG (2).flac", moves.get("rips/x/b.flac").replace("BJÖRK", "Björk"),
                    "one name but for case and normalisation: numbered");
            assertEquals("Björk/Post/02 Other (2).flac", moves.get("rips/x/d.flac"), "a file already holds the name");
            assertEquals(2, plan.conflicts());
            assertEquals(1, plan.errors().size());
            assertTrue(plan.errors().get(0).reason().contains("'..'"), plan.errors().get(0).reason());
            assertEquals(null, moves.get("rips/x/cover.jpg"), "the album's c.flac stays, so its sidecars stay");
            assertTrue(Files.exists(album.resolve("a.flac")) && Files.exists(album.resolve("b.flac")),
                    "a preview touches nothing");
            Plan whole = planner.plan(new Planner.Request(null, PathRules.parse(List.of(
                    "default: Björk/Post/%if{$track,$track }$artist $filename")), NamingProfile.PORTABLE,
                    1024, null));
            Map<String, String> all = whole.moves().stream().collect(Collectors.toMap(
                    m -> music.relativize(m.source()).toString(), m -> music.relativize(m.target()).toString()));
            assertEquals("Björk/Post/01 Björk a.lrc", all.get("rips/x/a.lrc"), "a track's lyrics take its new name");
            assertEquals("Björk/Post/cover.jpg", all.get("rips/x/cover.jpg"));
            IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> planner.plan(
                    new Planner.Request(null, PathRules.parse(List.of("$title")), NamingProfile.PORTABLE, 1024,
                            root.resolve("elsewhere"))));
            assertTrue(outside.getMessage().contains("not one of the music folders"), outside.getMessage());
            IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                    () -> PathRules.parse(List.of("genre:techno: Techno/%upper{$title")));
            assertEquals("path rule 1 (genre:techno), template 'Techno/%upper{$title', character 8: %upper{ is "
                    + "never closed by }", malformed.getMessage());
        } finally {
            catalog.close();
        }
    }

    private static NewTrack track(Path file, Tags tags) throws Exception {
        Files.writeString(file, file.getFileName().toString());
        return new NewTrack(new AudioFile(file, Files.size(file), Instant.now(), "flac", null, null),
                new TrackMetadata("flac", tags, new AudioProperties("flac", 1, 900, 44100, 16, 2, true),
                        ReplayGain.NONE, false, List.of()));
    }
}
