package org.deckhand.distribution;

import static org.deckhand.distribution.DeckhandProcess.eventually;
import static org.deckhand.distribution.TrackSearch.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tracklist matching measured on a real library: corpus audio tagged (with metaflac and ffmpeg) with the entries of
 * a real 1001Tracklists page under the spellings users' files have, some entries left out, and decoys beside them;
 * the packaged server scans it, the tracklist is pasted, and precision and recall of its matches are measured.
 */
class TracklistMatchingIT {

    private static final Pattern ENTRY = Pattern.compile("itemprop=\"name\" content=\"([^\"]+) - ([^\"]+)\"");
    private static final Pattern REMIX = Pattern.compile("(.*) \\(([^)]*)\\)");
    private static final int LEFT_OUT_EVERY = 5;

    @TempDir
    static Path root;

    /** One fixture entry and how the library holds it. */
    private record Entry(int position, String artist, String title, String remix) {

        String line() {
            return String.format("[%02d:00] %s - %s%s", position * 3, artist, title,
                    remix == null ? "" : " (" + remix + ")");
        }
    }

    @Test
    void aPastedTracklistMatchesTheTaggedFilesWithoutAWrongMatch() throws Exception {
        Path corpus = Corpus.folder();
        List<Entry> entries = fixtureEntries();
        List<Path> audio = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus.resolve("labelled"))) {
            files.filter(p -> p.toString().endsWith(".flac")).sorted().forEach(audio::add);
        }
        try (Stream<Path> files = Stream.concat(Files.list(corpus.resolve("real-formats/mp3-cbr320")),
                Files.list(corpus.resolve("real-formats/m4a-aac")))) {
            files.sorted().limit(6).forEach(audio::add);
        }
        Path music = Files.createDirectories(root.resolve("music"));
        Map<Integer, Path> held = new HashMap<>();
        Set<Integer> leftOut = new TreeSet<>();
        int next = 0;
        for (Entry entry : entries) {
            if (entry.position() % LEFT_OUT_EVERY == 0) {
                leftOut.add(entry.position());
                continue;
            }
            String[] variant = variant(entry, entry.position());
            held.put(entry.position(), tag(audio.get(next++ % audio.size()), music, "entry-" + entry.position(),
                    variant[0], variant[1]));
        }
        Entry sameArtist = entries.stream().filter(e -> !leftOut.contains(e.position())).findFirst().orElseThrow();
        tag(audio.get(next++ % audio.size()), music, "decoy-artist", sameArtist.artist(), "Not Played Tonight");
        Entry remixed = entries.stream().filter(e -> e.remix() != null && !leftOut.contains(e.position()))
                .findFirst().orElseThrow();
        tag(audio.get(next++ % audio.size()), music, "decoy-remix", remixed.artist(),
                remixed.title() + " (Extended Vocal Mix)");
        int decoys = 2;

        DeckhandProcess server = DeckhandProcess.start(root.resolve("deckhand"), "--music", music.toString());
        try {
            server.awaitReady();
            int files = held.size() + decoys;
            assertTrue(eventually(() -> json(server.get("/api/v1/library/stats").body()).path("tracks").asInt()
                    == files && json(server.get("/api/v1/tracks?limit=1").body()).path("total").asInt() == files,
                    Duration.ofSeconds(60)), "the scan did not take in " + files + " tracks: "
                    + server.get("/api/v1/library/stats").body());
            Map<Integer, Long> trackOf = new HashMap<>();
            for (JsonNode track : TrackSearch.allTracks(server, "")) {
                String name = Path.of(track.path("file").path("path").asText()).getFileName().toString();
                if (name.startsWith("entry-")) {
                    trackOf.put(Integer.parseInt(name.replaceAll("entry-(\\d+)\\..*", "$1")),
                            track.path("id").asLong());
                }
            }
            assertEquals(held.keySet(), trackOf.keySet());

            ObjectNode request = JsonNodeFactory.instance.objectNode().put("title", "Curbi @ Tape 06 2021-03-12")
                    .put("text", entries.stream().map(Entry::line).collect(Collectors.joining("\n")));
            HttpResponse<String> imported = server.postJson("/api/v1/tracklists", request.toString());
            assertEquals(201, imported.statusCode(), imported.body());
            JsonNode tracklist = json(imported.body());
            assertEquals(entries.size(), tracklist.path("entries").size(), imported.body());

            int matched = 0;
            int correct = 0;
            Set<Integer> missing = new TreeSet<>();
            Set<String> ownedPaths = new TreeSet<>();
            for (JsonNode entry : tracklist.path("entries")) {
                int position = entry.path("position").asInt();
                String state = entry.path("match").path("state").asText();
                if (state.equals("MATCHED")) {
                    matched++;
                    long id = entry.path("match").path("track").path("id").asLong();
                    assertEquals(trackOf.get(position), (Long) id, "entry " + position + " matched the wrong track: "
                            + entry);
                    correct++;
                    ownedPaths.add(entry.path("match").path("track").path("path").asText());
                } else if (state.equals("MISSING")) {
                    missing.add(position);
                }
                if (position == remixed.position()) {
                    assertEquals("MATCHED", state, "the remix beside its decoy: " + entry);
                }
                if (leftOut.contains(position)) {
                    assertNotEquals("MATCHED", state, "a left-out entry matched: " + entry);
                }
            }
            double precision = matched == 0 ? 0 : (double) correct / matched;
            double recall = (double) correct / held.size();
            System.out.printf("tracklist matching on a real library: %d entries, %d held (%d variant spellings),"
                    + " %d left out (%d MISSING), %d decoys: %d matched, precision %.3f, recall %.3f%n", entries.size(),
                    held.size(), held.size(), leftOut.size(), missing.size(), decoys, matched, precision, recall);
            assertEquals(1.0, precision, "precision");
            assertTrue(recall >= 0.9, "recall " + recall + " of " + held.size() + ": " + tracklist.path("entries"));
            assertTrue(leftOut.containsAll(missing), "only left-out entries are MISSING: " + missing);

            long id = tracklist.path("id").asLong();
            HttpResponse<String> csv = server.get("/api/v1/tracklists/" + id + "/missing?format=csv");
            assertEquals(200, csv.statusCode(), csv.body());
            Set<Integer> listed = csv.body().lines().skip(1).map(l -> Integer.parseInt(l.split(",")[0]))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(missing, listed, csv.body());
            HttpResponse<String> m3u = server.get("/api/v1/tracklists/" + id + "/owned?format=m3u");
            assertEquals(200, m3u.statusCode(), m3u.body());
            Set<String> playlist = m3u.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(ownedPaths, playlist, m3u.body());
            Set<String> heldPaths = new TreeSet<>();
            for (Path file : held.values()) {
                heldPaths.add(file.toString());
            }
            assertTrue(heldPaths.containsAll(playlist), "the playlist lists the tagged files: " + m3u.body());
        } finally {
            server.close();
        }
    }

    /** @return the artist and title tags a user's file has for the entry, in one of the spellings users have */
    private static String[] variant(Entry entry, int position) {
        String artist = entry.artist();
        String title = entry.title();
        String remix = entry.remix();
        switch (position % 6) {
            case 1 -> {
                artist = artist.toUpperCase(java.util.Locale.ROOT);
                title = title.toLowerCase(java.util.Locale.ROOT).replace('e', 'é');
            }
            case 2 -> artist = artist.contains(" ft. ") ? artist.replace(" ft. ", " feat. ")
                    : artist.replace("a", "á");
            case 3 -> {
                if (remix == null) {
                    remix = "Original Mix";
                }
            }
            case 4 -> {
                if (remix != null) {
                    return new String[] {artist, title + " - " + remix};
                }
                title = title + "!";
            }
            case 5 -> title = title.replace("'", "").replace("-", " ");
            default -> {
            }
        }
        return new String[] {artist, remix == null ? title : title + " [" + remix + "]"};
    }

    /** @return the copy of {@code source} in {@code music} named {@code name}, tagged with the artist and title */
    private static Path tag(Path source, Path music, String name, String artist, String title)
            throws IOException, InterruptedException {
        String file = source.getFileName().toString();
        Path target = music.resolve(name + file.substring(file.lastIndexOf('.')));
        List<String> command;
        if (file.endsWith(".flac")) {
            Files.copy(source, target);
            command = List.of("metaflac", "--remove-tag=ARTIST", "--remove-tag=TITLE", "--set-tag=ARTIST=" + artist,
                    "--set-tag=TITLE=" + title, target.toString());
        } else {
            command = List.of("ffmpeg", "-v", "error", "-i", source.toString(), "-map_metadata", "-1", "-c", "copy",
                    "-metadata", "artist=" + artist, "-metadata", "title=" + title, target.toString());
        }
        Process tool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, tool.waitFor(), command + ": " + output);
        return target;
    }

    /** @return the fixture page's tracks, mashups left aside, numbered from 1 */
    private static List<Entry> fixtureEntries() throws IOException {
        Path fixture = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && fixture == null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures/tracklists/1001tracklists/curbi-tape-06-2021-03-12.html");
            fixture = Files.isRegularFile(candidate) ? candidate : null;
        }
        assumeTrue(fixture != null, "no shared/fixtures beside the repository");
        Matcher names = ENTRY.matcher(Files.readString(fixture));
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        while (names.find()) {
            String artist = names.group(1).replace("&amp;", "&");
            String full = names.group(2).replace("&amp;", "&");
            if (artist.contains(" vs. ") || artist.contains(" x ") || full.contains("Acappella")
                    || !seen.add(artist + " - " + full)) {
                continue;
            }
            Matcher remix = REMIX.matcher(full);
            entries.add(remix.matches()
                    ? new Entry(entries.size() + 1, artist, remix.group(1), remix.group(2))
                    : new Entry(entries.size() + 1, artist, full, null));
        }
        return entries;
    }
}
