package org.deckhand.mixer.internal.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deckhand.mixer.internal.encode.StreamFormat;
import org.deckhand.mixer.internal.encode.WavEncoder;
import org.junit.jupiter.api.Test;

class EncodedStreamTest {

    private static final int FRAMES = 1000;
    private static final int BYTES = 4 * FRAMES;

    @Test
    void aListenerThatFellBehindTheRingMovesToTheLiveEdgeWithoutHoldingTheWriter() throws Exception {
        EncodedStream stream = new EncodedStream(new StreamKey(StreamFormat.WAV, 0), new WavEncoder(44_100),
                10 * BYTES, 0);
        StreamCursor stalled = stream.cursorAt(0);
        StreamCursor reading = stream.cursorAt(0);
        byte[] buffer = new byte[BYTES];
        for (int block = 0; block < 30; block++) {
            stream.encode(new float[2][FRAMES], FRAMES);
            assertEquals(BYTES, stream.read(reading, buffer, 100, block * FRAMES));
        }
        assertEquals(30L * BYTES, reading.position());
        assertEquals(0, reading.jumps());
        assertEquals(BYTES, stream.read(stalled, buffer, 100, 25 * FRAMES));
        assertEquals(1, stalled.jumps());
        assertTrue(stalled.position() > 20L * BYTES, "moved to " + stalled.position());
    }

    @Test
    void aReaderWaitsForBytesAndSeesTheEnd() throws Exception {
        EncodedStream stream = new EncodedStream(new StreamKey(StreamFormat.WAV, 0), new WavEncoder(44_100),
                10 * BYTES, 0);
        StreamCursor cursor = stream.cursorAt(0);
        byte[] buffer = new byte[BYTES];
        assertEquals(0, stream.read(cursor, buffer, 20, 0));
        stream.encode(new float[2][FRAMES], FRAMES);
        stream.finish();
        assertEquals(BYTES, stream.read(cursor, buffer, 20, 0));
        assertEquals(-1, stream.read(cursor, buffer, 20, 0));
    }

    @Test
    void titlesChangeAtTheirBytes() throws Exception {
        EncodedStream stream = new EncodedStream(new StreamKey(StreamFormat.WAV, 0), new WavEncoder(44_100),
                10 * BYTES, 0);
        stream.markTitle("A - One");
        stream.encode(new float[2][FRAMES], FRAMES);
        stream.markTitle("B - Two");
        stream.encode(new float[2][FRAMES], FRAMES);
        assertEquals("A - One", stream.titleAt(BYTES - 1));
        assertEquals("B - Two", stream.titleAt(BYTES));
    }
}
