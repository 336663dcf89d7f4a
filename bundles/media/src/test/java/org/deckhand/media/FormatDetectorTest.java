package org.deckhand.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Magic-byte detection on small files written for each case, named wrongly on purpose. */
class FormatDetectorTest {

    @TempDir
    Path folder;

    @Test
    void detectsEachFormatFromItsMagic() throws IOException {
        assertDetected(MediaFormat.MP3, ascii("ID3"), new byte[] {4, 0, 0, 0, 0, 0}, new byte[64]);
        assertDetected(MediaFormat.MP3, mpegFrame(), mpegFrame());
        assertDetected(MediaFormat.FLAC, ascii("fLaC"), new byte[60]);
        assertDetected(MediaFormat.FLAC, ascii("ID3"), new byte[] {3, 0, 0, 0, 0, 0, 10}, new byte[10],
                ascii("fLaC"), new byte[40]);
        assertDetected(MediaFormat.WAVE, ascii("RIFF"), new byte[4], ascii("WAVEfmt "), new byte[40]);
        assertDetected(MediaFormat.WAVE, ascii("RF64"), new byte[4], ascii("WAVEds64"), new byte[40]);
        assertDetected(MediaFormat.AIFF, ascii("FORM"), new byte[4], ascii("AIFFCOMM"), new byte[40]);
        assertDetected(MediaFormat.AIFF, ascii("FORM"), new byte[4], ascii("AIFCFVER"), new byte[40]);
        assertDetected(MediaFormat.OGG_VORBIS, oggPage(concat(new byte[] {1}, ascii("vorbis"), new byte[23])));
        assertDetected(MediaFormat.OPUS, oggPage(concat(ascii("OpusHead"), new byte[11])));
        assertDetected(MediaFormat.MP4, ftyp("M4A "));
        assertDetected(MediaFormat.MP4, ftyp("isom"));
        assertDetected(MediaFormat.WMA, new byte[] {0x30, 0x26, (byte) 0xB2, 0x75, (byte) 0x8E, 0x66, (byte) 0xCF,
            0x11, (byte) 0xA6, (byte) 0xD9, 0x00, (byte) 0xAA, 0x00, 0x62, (byte) 0xCE, 0x6C}, new byte[40]);
        assertDetected(MediaFormat.APE, ascii("MAC "), new byte[60]);
        assertDetected(MediaFormat.WAVPACK, ascii("wvpk"), new byte[60]);
        assertDetected(MediaFormat.DSF, ascii("DSD "), new byte[60]);
        assertDetected(MediaFormat.DFF, ascii("FRM8"), new byte[8], ascii("DSD "), new byte[40]);
    }

    @Test
    void tellsWhatIsNotAudioInAKnownFormat() throws IOException {
        assertDetected(MediaFormat.TEXT, ascii("This is a plain text file, not audio.\n"));
        assertDetected(MediaFormat.UNKNOWN, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                new byte[40]);
        assertDetected(MediaFormat.OGG_OTHER, oggPage(concat(new byte[] {0x7F}, ascii("FLAC"), new byte[20])));
        assertDetected(MediaFormat.MP4_OTHER, ftyp("qt  "));
        assertDetected(MediaFormat.UNKNOWN, ascii("RIFF"), new byte[4], ascii("AVI LIST"), new byte[40]);
        assertDetected(MediaFormat.EMPTY, new byte[0]);
    }

    @Test
    void rejectsAFrameSyncThatNoSecondFrameFollows() throws IOException {
        assertDetected(MediaFormat.UNKNOWN, mpegFrame(), new byte[] {0x12, 0x34, 0x56, 0x78});
    }

    /** The decoder's sniffer took a header with undefined flags for garbage; the tag reader skipped its claimed size. */
    @Test
    void aTagWithUndefinedFlagsIsGarbageAndTheAudioIsFoundByFrameSync() throws IOException {
        byte[] garbage = concat(ascii("ID3"), new byte[] {3, 0, 0x0F, 0, 0, 0x7F, 0x7F}, new byte[50]);
        Detection detection = detect(garbage, mpegFrame(), mpegFrame());
        assertEquals(new Detection(MediaFormat.MP3, garbage.length, true), detection);
    }

    /** The tag reader took a first frame named in lower case for a tag, and skipped its claimed size. */
    @Test
    void aTagWhoseFirstFrameIdIsNotCapitalsIsGarbage() throws IOException {
        byte[] garbage = concat(ascii("ID3"), new byte[] {4, 0, 0, 0, 0, 0, 0x20}, ascii("tit2"), new byte[30]);
        assertEquals(new Detection(MediaFormat.MP3, garbage.length, true), detect(garbage, mpegFrame(), mpegFrame()));
    }

    /** The tag reader called any file with a malformed tag MP3, audio or not. */
    @Test
    void aGarbageTagWithNoFrameAfterItIsUnknown() throws IOException {
        byte[] garbage = concat(ascii("ID3"), new byte[] {9, 0, 0, 0, 0, 0, 0x10}, new byte[200]);
        assertEquals(new Detection(MediaFormat.UNKNOWN, 0, true), detect(garbage));
    }

    /** The tag reader called anything after a valid tag MP3 unless it was FLAC. */
    @Test
    void aContainerAfterAValidTagIsThatContainer() throws IOException {
        byte[] tag = concat(ascii("ID3"), new byte[] {3, 0, 0, 0, 0, 0, 10}, new byte[10]);
        byte[] wave = concat(ascii("RIFF"), new byte[4], ascii("WAVEfmt "), new byte[40]);
        assertEquals(new Detection(MediaFormat.WAVE, tag.length, false), detect(tag, wave));
    }

    /** Taggers that append a second tag instead of rewriting the first; the tag reader looked after the first only. */
    @Test
    void readsPastOneTagAfterAnother() throws IOException {
        byte[] tag = concat(ascii("ID3"), new byte[] {3, 0, 0, 0, 0, 0, 10}, new byte[10]);
        assertEquals(new Detection(MediaFormat.FLAC, 2L * tag.length, false), detect(tag, tag, ascii("fLaC"),
                new byte[40]));
    }

    /** MPEG audio after a valid tag starts at its first frame pair, found past any padding the tag does not count. */
    @Test
    void mpegAudioAfterAValidTagStartsAtItsFirstFrame() throws IOException {
        byte[] tag = concat(ascii("ID3"), new byte[] {4, 0, 0, 0, 0, 0, 10}, new byte[10]);
        assertEquals(new Detection(MediaFormat.MP3, tag.length + 7, false), detect(tag, new byte[7], mpegFrame(),
                mpegFrame()));
    }

    @Test
    void positionsAStreamAtTheAudio() throws IOException {
        byte[] garbage = concat(ascii("ID3"), new byte[] {3, 0, 0x0F, 0, 0, 0x7F, 0x7F}, new byte[50]);
        byte[] audio = concat(mpegFrame(), mpegFrame());
        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(concat(garbage, audio)),
                FormatDetector.HEAD_BYTES);
        assertEquals(MediaFormat.MP3, FormatDetector.detect(in).format());
        assertArrayEquals(audio, in.readAllBytes());
    }

    @Test
    void readsTheSameFromAStreamAsFromAFile() throws IOException {
        byte[] tag = concat(ascii("ID3"), new byte[] {4, 0, 0, 0, 0x02, 0, 0}, new byte[256]);
        byte[] bytes = concat(tag, new byte[FormatDetector.HEAD_BYTES], ascii("fLaC"), new byte[40]);
        Path file = Files.write(folder.resolve("long-tag.bin"), bytes);
        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes), FormatDetector.HEAD_BYTES);
        Detection fromFile = FormatDetector.detect(file);
        assertEquals(new Detection(MediaFormat.MP3, 10 + 256 * 128, false), fromFile);
        assertEquals(fromFile, FormatDetector.detect(in));
        assertEquals(bytes.length - 10 - 256 * 128, in.readAllBytes().length);
    }

    private Detection detect(byte[]... parts) throws IOException {
        return FormatDetector.detect(Files.write(folder.resolve("sample.txt"), concat(parts)));
    }

    private void assertDetected(MediaFormat expected, byte[]... parts) throws IOException {
        assertEquals(expected, detect(parts).format(), () -> Arrays.toString(Arrays.copyOf(concat(parts), 16)));
    }

    /** One MPEG-1 Layer III frame, 128 kbit/s, 44.1 kHz, no padding: 417 bytes. */
    static byte[] mpegFrame() {
        byte[] frame = new byte[417];
        frame[0] = (byte) 0xFF;
        frame[1] = (byte) 0xFB;
        frame[2] = (byte) 0x90;
        frame[3] = 0x64;
        return frame;
    }

    /** An Ogg page that holds one packet (RFC 3533 section 6). */
    static byte[] oggPage(byte[] packet) {
        byte[] header = new byte[27];
        System.arraycopy(ascii("OggS"), 0, header, 0, 4);
        header[5] = 2;
        header[26] = 1;
        return concat(header, new byte[] {(byte) packet.length}, packet);
    }

    private static byte[] ftyp(String brand) {
        return concat(new byte[] {0, 0, 0, 20}, ascii("ftyp"), ascii(brand), new byte[4], ascii(brand), new byte[20]);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
