package org.deckhand.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Frame lengths from the formulas of ISO/IEC 11172-3 section 2.4.3.1 and ISO/IEC 13818-3, for each version and layer. */
class MpegFrameHeaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "MPEG-1 layer III 128 kbit/s 44.1 kHz, FB, 90, 417, 128, 44100",
        "MPEG-1 layer III 128 kbit/s 44.1 kHz padded, FB, 92, 418, 128, 44100",
        "MPEG-1 layer III 320 kbit/s 48 kHz, FB, E4, 960, 320, 48000",
        "MPEG-1 layer II 192 kbit/s 48 kHz, FD, A4, 576, 192, 48000",
        "MPEG-1 layer I 384 kbit/s 48 kHz, FF, C4, 384, 384, 48000",
        "MPEG-2 layer III 64 kbit/s 22.05 kHz, F3, 80, 208, 64, 22050",
        "MPEG-2.5 layer III 8 kbit/s 8 kHz, E3, 18, 72, 8, 8000",
    })
    void lengthFollowsFromBitRateAndSamplingFrequency(String name, String second, String third, int bytes,
            int kbps, int hz) {
        byte[] header = header(second, third, 0x64);
        assertEquals(bytes, MpegFrameHeader.frameBytes(header, 0));
        assertEquals(kbps, MpegFrameHeader.bitrateKbps(header, 0));
        assertEquals(hz, MpegFrameHeader.sampleRateHz(header, 0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "free format bit rate, FB, 00, 64",
        "forbidden bit rate index, FB, F0, 64",
        "reserved sampling frequency, FB, 9C, 64",
        "reserved version, EB, 90, 64",
        "reserved layer, F9, 90, 64",
        "reserved emphasis, FB, 90, 66",
        "no sync word, 7B, 90, 64",
    })
    void invalidHeadersHaveNoLength(String name, String second, String third, String fourth) {
        byte[] header = header(second, third, Integer.parseInt(fourth, 16));
        assertEquals(0, MpegFrameHeader.frameBytes(header, 0));
        assertEquals(0, MpegFrameHeader.bitrateKbps(header, 0));
    }

    @Test
    void aHeaderCutOffHasNoLength() {
        assertEquals(0, MpegFrameHeader.frameBytes(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90}, 0));
    }

    @Test
    void aSyncedFrameIsFollowedByOneOfTheSameVersionLayerAndRate() {
        byte[] frame = FormatDetectorTest.mpegFrame();
        byte[] other48k = frame.clone();
        other48k[2] = (byte) 0x94;
        assertTrue(MpegFrameHeader.isSyncedFrame(FormatDetectorTest.concat(frame, frame), 0));
        assertTrue(MpegFrameHeader.isSyncedFrame(frame, 0), "a frame that ends where the bytes end");
        assertFalse(MpegFrameHeader.isSyncedFrame(FormatDetectorTest.concat(frame, other48k), 0));
        assertFalse(MpegFrameHeader.isSyncedFrame(FormatDetectorTest.concat(frame, new byte[8]), 0));
    }

    @Test
    void findsTheFirstSyncedFrameAfterGarbage() {
        byte[] frame = FormatDetectorTest.mpegFrame();
        byte[] garbage = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64, 1, 2, 3};
        byte[] bytes = FormatDetectorTest.concat(garbage, frame, frame);
        assertEquals(garbage.length, MpegFrameHeader.findSync(bytes, 0));
        assertEquals(-1, MpegFrameHeader.findSync(garbage, 0));
    }

    private static byte[] header(String second, String third, int fourth) {
        return new byte[] {(byte) 0xFF, (byte) Integer.parseInt(second, 16), (byte) Integer.parseInt(third, 16),
            (byte) fourth};
    }
}
