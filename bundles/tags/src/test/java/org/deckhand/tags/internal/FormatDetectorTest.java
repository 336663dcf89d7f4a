package org.deckhand.tags.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Magic-byte detection on small files written for each case, named wrongly on purpose. */
class FormatDetectorTest {

    @TempDir
    Path folder;

    @Test
    void detectsEachFormatFromItsMagic() throws IOException {
        assertDetected("mp3", ascii("ID3"), new byte[] {4, 0, 0, 0, 0, 0}, new byte[64]);
        assertDetected("mp3", mpegFrame(), mpegFrame());
        assertDetected("flac", ascii("fLaC"), new byte[60]);
        assertDetected("flac", ascii("ID3"), new byte[] {3, 0, 0, 0, 0, 0, 10}, new byte[10], ascii("fLaC"),
                new byte[40]);
        assertDetected("wav", ascii("RIFF"), new byte[4], ascii("WAVEfmt "), new byte[40]);
        assertDetected("aiff", ascii("FORM"), new byte[4], ascii("AIFFCOMM"), new byte[40]);
        assertDetected("aiff", ascii("FORM"), new byte[4], ascii("AIFCFVER"), new byte[40]);
        assertDetected("ogg", oggPage(concat(new byte[] {1}, ascii("vorbis"), new byte[23])));
        assertDetected("opus", oggPage(concat(ascii("OpusHead"), new byte[11])));
        assertDetected("m4a", ftyp("M4A "));
        assertDetected("m4a", ftyp("isom"));
        assertDetected("wma", new byte[] {0x30, 0x26, (byte) 0xB2, 0x75, (byte) 0x8E, 0x66, (byte) 0xCF, 0x11,
            (byte) 0xA6, (byte) 0xD9, 0x00, (byte) 0xAA, 0x00, 0x62, (byte) 0xCE, 0x6C}, new byte[40]);
        assertDetected("ape", ascii("MAC "), new byte[60]);
        assertDetected("wv", ascii("wvpk"), new byte[60]);
        assertDetected("dsf", ascii("DSD "), new byte[60]);
    }

    @Test
    void findsNoFormatInOtherContent() throws IOException {
        assertDetected(null, ascii("This is a plain text file, not audio.\n"));
        assertDetected(null, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, new byte[40]);
        assertDetected(null, oggPage(concat(new byte[] {0x7F}, ascii("FLAC"), new byte[20])));
        assertDetected(null, ftyp("qt  "));
        assertDetected(null, ascii("RIFF"), new byte[4], ascii("AVI LIST"), new byte[40]);
        assertDetected(null, new byte[0]);
    }

    @Test
    void rejectsAFrameSyncThatNoSecondFrameFollows() throws IOException {
        byte[] frame = mpegFrame();
        assertDetected(null, frame, new byte[] {0x12, 0x34, 0x56, 0x78});
    }

    private void assertDetected(String expected, byte[]... parts) throws IOException {
        Path file = Files.write(folder.resolve("sample.txt"), concat(parts));
        assertEquals(Optional.ofNullable(expected), FormatDetector.detect(file).map(AudioFormat::id));
    }

    /** One MPEG-1 Layer III frame, 128 kbit/s, 44.1 kHz, no padding: 417 bytes. */
    private static byte[] mpegFrame() {
        byte[] frame = new byte[417];
        frame[0] = (byte) 0xFF;
        frame[1] = (byte) 0xFB;
        frame[2] = (byte) 0x90;
        frame[3] = 0x64;
        return frame;
    }

    /** An Ogg page that holds one packet (RFC 3533 section 6). */
    private static byte[] oggPage(byte[] packet) {
        byte[] header = new byte[27];
        System.arraycopy(ascii("OggS"), 0, header, 0, 4);
        header[5] = 2;
        header[26] = 1;
        return concat(header, new byte[] {(byte) packet.length}, packet);
    }

    private static byte[] ftyp(String brand) {
        return concat(new byte[] {0, 0, 0, 20}, ascii("ftyp"), ascii(brand), new byte[4], ascii(brand), new byte[20]);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
