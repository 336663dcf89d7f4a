package org.deckhand.watcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastFingerprintTest {

    @TempDir
    Path folder;

    @Test
    void theSameContentUnderAnotherNameHasTheSameFingerprint() throws IOException {
        byte[] content = randomBytes(5_000_000, 1);
        Path a = Files.write(folder.resolve("a.flac"), content);
        Path b = Files.write(folder.resolve("renamed.flac"), content);

        assertEquals(FastFingerprint.of(a), FastFingerprint.of(b));
        assertTrue(FastFingerprint.of(a).matches("[0-9a-f]{32}"));
    }

    @Test
    void anEditAtTheStartInASampledBlockOrAtTheEndChangesIt() throws IOException {
        byte[] content = randomBytes(5_000_000, 2);
        String original = FastFingerprint.of(Files.write(folder.resolve("original.mp3"), content));

        long span = content.length - 2L * FastFingerprint.EDGE_BYTES - FastFingerprint.MIDDLE_BYTES;
        int inFourthBlock = (int) (FastFingerprint.EDGE_BYTES + span * 3 / (FastFingerprint.MIDDLE_BLOCKS - 1) + 100);
        for (int offset : new int[] {10, inFourthBlock, 4_999_990}) {
            byte[] edited = content.clone();
            edited[offset] ^= 1;
            assertNotEquals(original, FastFingerprint.of(Files.write(folder.resolve("edited.mp3"), edited)),
                    "an edit at byte " + offset);
        }
        byte[] longer = java.util.Arrays.copyOf(content, content.length + 1);
        assertNotEquals(original, FastFingerprint.of(Files.write(folder.resolve("longer.mp3"), longer)));
    }

    @Test
    void smallFilesAreHashedWhole() throws IOException {
        byte[] content = randomBytes((int) FastFingerprint.WHOLE_FILE_LIMIT, 3);
        String original = FastFingerprint.of(Files.write(folder.resolve("small.wav"), content));
        content[(int) FastFingerprint.WHOLE_FILE_LIMIT / 2 + 7] ^= 1;

        assertNotEquals(original, FastFingerprint.of(Files.write(folder.resolve("small2.wav"), content)));
        assertEquals(FastFingerprint.of(Files.write(folder.resolve("empty.wav"), new byte[0])),
                FastFingerprint.of(Files.write(folder.resolve("empty2.wav"), new byte[0])));
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
