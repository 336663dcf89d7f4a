package org.deckhand.tags.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.TrackMetadata;
import org.deckhand.api.library.UnreadableAudioException;
import org.deckhand.media.FormatDetector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The formats whose tags are read, from the shared format detection, and the ID3v2 rule it settles (id3.org, ID3v2.4
 * structure, section 3.1): a tag whose header is not valid is garbage, the audio is found by frame sync after it.
 */
class DetectedFormatsTest {

    private static final JaudiotaggerTagReader READER = new JaudiotaggerTagReader();

    @TempDir
    Path folder;

    @AfterAll
    static void deactivate() {
        READER.deactivate();
    }

    @Test
    void formatsWithoutTagsReadAreNotDetectedAsReadable() throws Exception {
        assertEquals(Optional.empty(), READER.detectFormat(write(ascii("TTA1"), new byte[60])));
        assertEquals(Optional.empty(), READER.detectFormat(write(new byte[] {0, 0, 0, 20}, ascii("ftypqt  "),
                new byte[30])));
        assertEquals(Optional.of("dsf"), READER.detectFormat(write(ascii("DSD "), new byte[60])));
    }

    /** The tag reader used to call this an MP3 and fail on its frames; it holds no audio at all. */
    @Test
    void aGarbageTagWithoutAudioAfterItIsNotAudio() throws IOException {
        Path file = write(ascii("ID3"), new byte[] {9, 0, 0, 0, 0, 0, 0x10}, new byte[300]);
        UnreadableAudioException e = assertThrows(UnreadableAudioException.class, () -> READER.read(file));
        assertTrue(e.getMessage().contains("an ID3v2 tag whose header is not valid"), e.getMessage());
    }

    /**
     * A real MP3 whose tag header has flags that ID3v2.3 leaves undefined: the tag reader used to trust its size and
     * read its frames; its tags are ignored now, and the audio is read from the first frame after the header.
     */
    @Test
    void aTagWithUndefinedFlagsIsIgnoredAndTheAudioRead() throws Exception {
        Path original;
        try (var files = Files.list(Tools.corpus().resolve("real-formats/mp3-cbr320"))) {
            original = files.sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(original);
        int audio = (int) FormatDetector.detect(original).audioOffset();
        assertTrue(audio > 10, "the corpus MP3 has an ID3v2 tag");
        byte[] tag = Arrays.copyOf(bytes, audio);
        tag[5] = 0x0F;
        Path damaged = write(tag, Arrays.copyOfRange(bytes, audio, bytes.length));
        TrackMetadata before = READER.read(original);
        TrackMetadata after = READER.read(damaged);
        assertNotEquals(Tags.NONE, before.tags(), "the original's tags are read");
        assertEquals(Tags.NONE, after.tags());
        assertEquals("the ID3v2 tag is corrupt; tags ignored", after.warnings().get(0));
        assertEquals(before.audio().durationSeconds(), after.audio().durationSeconds(), 0.05);
    }

    private Path write(byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return Files.write(folder.resolve("sample.txt"), out.toByteArray());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
