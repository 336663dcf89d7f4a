package org.deckhand.tags.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deckhand.api.library.TagWriteException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Writes tempo and key tags into copies of the corpus's files, then has another program, mutagen, read them back,
 * and ffmpeg decode both files to show that the audio did not change.
 */
class JaudiotaggerTagWriterTest {

    /** Prints the tempo and key tags of a file as mutagen reads them, one a line. */
    private static final String MUTAGEN_READ = String.join("\n",
            "import sys, mutagen",
            "tags = mutagen.File(sys.argv[1]).tags",
            "def first(*names):",
            "    for name in names:",
            "        if name in tags:",
            "            value = tags[name]",
            "            value = value.text[0] if hasattr(value, 'text') else value[0]",
            "            return value.decode() if isinstance(value, bytes) else str(value)",
            "    return ''",
            "print(first('TBPM', 'bpm', 'tmpo'))",
            "print(first('TKEY', 'initialkey', '----:com.apple.iTunes:initialkey'))");

    private final JaudiotaggerTagWriter writer = new JaudiotaggerTagWriter();

    @TempDir
    Path folder;

    @BeforeAll
    static void tools() {
        Tools.assumeFfmpeg();
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "mutagen needs /usr/bin/python3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3-cbr320", "mp3-vbr", "flac", "wav", "aiff", "m4a-aac"})
    void anotherProgramReadsTheTempoAndKeyAndTheAudioIsUnchanged(String format) throws Exception {
        Path file = firstOf(Tools.corpus().resolve("real-formats").resolve(format));
        byte[] original = Files.readAllBytes(file);

        Path copy = writer.writeTempoAndKey(file, 123.6, "F#m");

        assertEquals(List.of(format.startsWith("flac") ? "123.6" : "124", "F#m"), mutagen(copy), copy.toString());
        assertEquals(audioMd5(file), audioMd5(copy), "the decoded audio changed");
        assertArrayEquals(original, Files.readAllBytes(file), "the file itself was touched");
        assertEquals(file.getParent(), copy.getParent());
        assertTrue(copy.getFileName().toString().startsWith("."), copy + " is not hidden");
    }

    @Test
    void oggVorbisTakesTheTempoWithADecimal() throws Exception {
        Path file;
        try (Stream<Path> files = Files.walk(Tools.corpus().resolve("real"))) {
            file = copyIn(files.filter(f -> f.toString().endsWith(".ogg")).sorted().findFirst().orElseThrow());
        }

        Path copy = writer.writeTempoAndKey(file, 87.25, "8A");

        assertEquals(List.of("87.3", "8A"), mutagen(copy));
        assertEquals(audioMd5(file), audioMd5(copy));
    }

    @Test
    void aFormatWhoseTagsCannotBeWrittenIsRefusedByNameAndLeavesNoCopy() throws IOException {
        Path file = firstOf(Tools.corpus().resolve("real-formats/opus"));

        TagWriteException refused = assertThrows(TagWriteException.class,
                () -> writer.writeTempoAndKey(file, 120, "Am"));

        assertEquals(file + ": Opus tags cannot be written", refused.getMessage());
        assertEquals(List.of(file), filesIn(folder));
    }

    @Test
    void itSaysWhichFormatsItWrites() {
        assertEquals(List.of(true, true, true, true, true, true, false, false),
                Stream.of("mp3", "flac", "wav", "aiff", "ogg", "m4a", "opus", "wv").map(writer::writes).toList());
    }

    @Test
    void aTextFileNamedMp3IsRefusedAndLeavesNoCopy() throws IOException {
        Path file = Files.writeString(folder.resolve("notes.mp3"), "just some text, no audio at all\n");

        TagWriteException refused = assertThrows(TagWriteException.class,
                () -> writer.writeTempoAndKey(file, 120, "Am"));

        assertTrue(refused.getMessage().startsWith(file + ": "), refused.getMessage());
        assertEquals(List.of(file), filesIn(folder));
    }

    @Test
    void aTagLeftAsItIsKeepsItsValue() throws Exception {
        Path file = firstOf(Tools.corpus().resolve("real-formats/mp3-vbr"));
        Path tagged = writer.writeTempoAndKey(file, 128, "Am");
        Path renamed = Files.move(tagged, folder.resolve("tagged.mp3"));

        Path copy = writer.writeTempoAndKey(renamed, Double.NaN, "5A");

        assertEquals(List.of("128", "5A"), mutagen(copy));
    }

    private Path firstOf(Path corpusFolder) throws IOException {
        try (Stream<Path> files = Files.list(corpusFolder)) {
            return copyIn(files.sorted().findFirst().orElseThrow());
        }
    }

    private Path copyIn(Path corpusFile) throws IOException {
        return Files.copy(corpusFile, folder.resolve(corpusFile.getFileName()));
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static List<String> mutagen(Path file) {
        return Tools.run(List.of("/usr/bin/python3", "-c", MUTAGEN_READ, file.toString())).lines().toList();
    }

    /** @return the MD5 of the decoded audio, as ffmpeg's md5 muxer gives it */
    private static String audioMd5(Path file) {
        return Tools.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(), "-map", "0:a",
                "-f", "md5", "-")).strip();
    }
}
