package org.deckhand.library.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void theFormsOfASingleRange() {
        assertEquals(Optional.of(new ByteRange(0, 499)), ByteRange.parse("bytes=0-499", 1000));
        assertEquals(Optional.of(new ByteRange(500, 999)), ByteRange.parse("bytes=500-", 1000));
        assertEquals(Optional.of(new ByteRange(900, 999)), ByteRange.parse("bytes=-100", 1000));
        assertEquals(Optional.of(new ByteRange(0, 999)), ByteRange.parse("bytes=-5000", 1000));
        assertEquals(Optional.of(new ByteRange(990, 999)), ByteRange.parse("bytes=990-5000", 1000));
        assertEquals(500, ByteRange.parse("bytes=0-499", 1000).orElseThrow().length());
    }

    @Test
    void noRangeOrOneItDoesNotUnderstandMeansTheWholeFile() {
        assertEquals(Optional.empty(), ByteRange.parse(null, 1000));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=0-1,5-6", 1000));
        assertEquals(Optional.empty(), ByteRange.parse("items=0-1", 1000));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=-", 1000));
    }

    @Test
    void aRangeOutsideTheFileIsUnsatisfiable() {
        assertEquals(1000, assertThrows(ByteRange.UnsatisfiableRangeException.class,
                () -> ByteRange.parse("bytes=1000-", 1000)).size());
        assertThrows(ByteRange.UnsatisfiableRangeException.class, () -> ByteRange.parse("bytes=500-400", 1000));
    }

    @Test
    void numbersBeyondAnyFileAreReadAsRfc9110Says() {
        String huge = "99999999999999999999999";

        assertEquals(1000, assertThrows(ByteRange.UnsatisfiableRangeException.class,
                () -> ByteRange.parse("bytes=" + huge + "-", 1000)).size(), "a first byte past the end: 416");
        assertThrows(ByteRange.UnsatisfiableRangeException.class, () -> ByteRange.parse("bytes=" + huge + "-"
                + huge, 1000));
        assertEquals(Optional.of(new ByteRange(10, 999)), ByteRange.parse("bytes=10-" + huge, 1000),
                "a last byte past the end is the end");
        assertEquals(Optional.of(new ByteRange(0, 999)), ByteRange.parse("bytes=-" + huge, 1000),
                "a suffix longer than the file is the whole file");
    }
}
