package org.deckhand.tags.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.deckhand.api.library.TrackMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads every file of the corpus's {@code real-formats} folder and compares what a user sees with what ffprobe
 * reports for the same file.
 */
class RealFormatsCorpusTest {

    /**
     * Durations may differ by up to 0.05 s: JAudioTagger and ffprobe agree to the sample on PCM, FLAC and MP3 with a
     * Xing/Info frame, but for AAC ffprobe's container duration and JAudioTagger's mvhd duration may differ by the
     * encoder's priming samples (1024 or 2112 samples, at most 0.048 s at 44.1 kHz), and for Opus by the pre-skip
     * (312 samples at 48 kHz, 0.0065 s). Fifty milliseconds is also less than two MP3 frames (2 x 26 ms).
     */
    private static final double DURATION_TOLERANCE_SECONDS = 0.05;
    private static final Map<String, String> FORMAT_OF_FOLDER = Map.of("mp3-cbr320", "mp3", "mp3-vbr", "mp3",
            "m4a-aac", "m4a");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d+)");
    private static final JaudiotaggerTagReader READER = new JaudiotaggerTagReader();

    @AfterAll
    static void deactivate() {
        READER.deactivate();
    }

    @TestFactory
    Stream<DynamicTest> everyFileMatchesFfprobe() throws IOException {
        Path folder = Tools.corpus().resolve("real-formats");
        Tools.assumeFfmpeg();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no files in " + folder);
        return files.stream().map(file -> DynamicTest.dynamicTest(folder.relativize(file).toString(),
                () -> check(file)));
    }

    private static void check(Path file) throws Exception {
        String folderName = file.getParent().getFileName().toString();
        String expectedFormat = FORMAT_OF_FOLDER.getOrDefault(folderName, folderName);
        JsonNode probe = Tools.ffprobe(file);
        TrackMetadata metadata = READER.read(file);
        double ffprobeDuration = probe.path("format").path("duration").asDouble(Double.NaN);
        assertAll(
                () -> assertEquals(expectedFormat, READER.detectFormat(file).orElseThrow(), "detected format"),
                () -> assertEquals(expectedFormat, metadata.format(), "format"),
                () -> assertEquals(List.of(), metadata.warnings(), "warnings"),
                () -> assertEquals(ffprobeTag(probe, "title"), metadata.tags().title(), "title"),
                () -> assertEquals(List.of(ffprobeTag(probe, "artist")), metadata.tags().artists(), "artists"),
                () -> assertEquals(ffprobeTag(probe, "album"), metadata.tags().album(), "album"),
                () -> assertEquals(ffprobeTag(probe, "album_artist"), metadata.tags().albumArtist(), "album artist"),
                () -> assertEquals(ffprobeTag(probe, "genre"), metadata.tags().genre(), "genre"),
                () -> assertEquals(leadingNumber(ffprobeTag(probe, "date")), metadata.tags().year(), "year"),
                () -> assertEquals(leadingNumber(ffprobeTag(probe, "track")), metadata.tags().trackNumber(), "track"),
                () -> assertEquals(total(probe, "track", "tracktotal", "totaltracks"), metadata.tags().trackTotal(),
                        "track total"),
                () -> assertEquals(total(probe, "disc", "disctotal", "totaldiscs"), metadata.tags().discTotal(),
                        "disc total"),
                () -> assertEquals(ffprobeDuration, metadata.audio().durationSeconds(), DURATION_TOLERANCE_SECONDS,
                        "duration"),
                () -> assertEquals(probe.path("streams").path(0).path("sample_rate").asInt(),
                        metadata.audio().sampleRateHz(), "sample rate"),
                () -> assertEquals(probe.path("streams").path(0).path("channels").asInt(),
                        metadata.audio().channels(), "channels"),
                () -> assertTrue(metadata.audio().bitrateKbps() > 0, "bit rate"));
    }

    /** A tag as ffprobe reports it, from the container or else the first stream (Ogg), its key in any case. */
    private static String ffprobeTag(JsonNode probe, String key) {
        for (JsonNode tags : List.of(probe.path("format").path("tags"), probe.path("streams").path(0).path("tags"))) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = tags.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().toLowerCase(Locale.ROOT).equals(key)) {
                    return field.getValue().asText().strip();
                }
            }
        }
        return null;
    }

    /** A total as ffprobe reports it: its own tag, else after the slash of "3/12". */
    private static Integer total(JsonNode probe, String numberKey, String... totalKeys) {
        for (String key : totalKeys) {
            Integer own = leadingNumber(ffprobeTag(probe, key));
            if (own != null) {
                return own;
            }
        }
        String number = ffprobeTag(probe, numberKey);
        return number == null || number.indexOf('/') < 0 ? null : leadingNumber(number.substring(number.indexOf('/') + 1));
    }

    private static Integer leadingNumber(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = LEADING_NUMBER.matcher(value);
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }
}
