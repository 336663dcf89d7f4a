package org.deckhand.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Monkey's Audio and WavPack stream headers written field by field, as their format descriptions lay them out. */
class StreamHeadersTest {

    @Test
    void apeDescriptorPointsAtTheHeader() {
        ByteBuffer b = ByteBuffer.allocate(ApeHeader.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(FormatDetectorTest.ascii("MAC ")).putShort((short) 3990).putShort((short) 0).putInt(52);
        b.position(52).putShort((short) 2000).putShort((short) 0).putInt(73_728).putInt(1000).putInt(3)
                .putShort((short) 24).putShort((short) 2).putInt(96_000);
        StreamHeader header = ApeHeader.parse(b.array());
        assertEquals(new StreamHeader("ape", (2 * 73_728 + 1000) / 96_000.0, 96_000, 24, 2, true), header);
    }

    @Test
    void oldApeHeaderTakesItsBlocksPerFrameFromTheVersion() {
        ByteBuffer b = ByteBuffer.allocate(ApeHeader.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(FormatDetectorTest.ascii("MAC ")).putShort((short) 3970).putShort((short) 2000).putShort((short) 0)
                .putShort((short) 1).putInt(44_100);
        b.putInt(24, 2).putInt(28, 4410);
        StreamHeader header = ApeHeader.parse(b.array());
        assertEquals(new StreamHeader("ape", (73_728 * 4 + 4410) / 44_100.0, 44_100, 16, 1, true), header);
    }

    @Test
    void apeHeaderWithoutFramesSaysNoDuration() {
        ByteBuffer b = ByteBuffer.allocate(ApeHeader.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(FormatDetectorTest.ascii("MAC ")).putShort((short) 3990).putShort((short) 0).putInt(52);
        assertTrue(Double.isNaN(ApeHeader.parse(b.array()).durationSeconds()));
    }

    @Test
    void wavPackFlagsGiveRateDepthAndChannels() {
        long flags = 1 | (1 << 11) | (1 << 12) | (9L << 23);
        StreamHeader header = WavPackHeader.parse(wavPack(441_000, flags));
        assertEquals(new StreamHeader("wavpack", 10.0, 44_100, 16, 2, true), header);
    }

    @Test
    void wavPackHybridMonoIsLossyWithoutDepth() {
        long flags = 1 | 0x4 | 0x8 | (1 << 11) | (1 << 12) | (10L << 23);
        StreamHeader header = WavPackHeader.parse(wavPack(48_000, flags));
        assertEquals(new StreamHeader("wavpack", 1.0, 48_000, 0, 1, false), header);
    }

    @Test
    void wavPackOfUnknownLengthSaysNoDuration() {
        assertTrue(Double.isNaN(WavPackHeader.parse(wavPack(0xFFFF_FFFFL, 9L << 23)).durationSeconds()));
    }

    private static byte[] wavPack(long totalSamples, long flags) {
        ByteBuffer b = ByteBuffer.allocate(WavPackHeader.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(FormatDetectorTest.ascii("wvpk")).putInt(1000).putShort((short) 0x410).putShort((short) 0);
        b.putInt(12, (int) totalSamples).putInt(24, (int) flags);
        return b.array();
    }
}
