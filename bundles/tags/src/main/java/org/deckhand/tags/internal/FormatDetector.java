package org.deckhand.tags.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a file's container format from its first bytes (its "magic"), whatever its name. Reads at most two blocks of
 * {@value #BLOCK} bytes: the start of the file and, after an ID3v2 tag, the start of what the tag precedes.
 */
final class FormatDetector {

    /** How many bytes are read from the start of the file, and again after an ID3v2 tag. */
    static final int BLOCK = 4096;

    private static final byte[] ASF_HEADER_GUID = {
        0x30, 0x26, (byte) 0xB2, 0x75, (byte) 0x8E, 0x66, (byte) 0xCF, 0x11,
        (byte) 0xA6, (byte) 0xD9, 0x00, (byte) 0xAA, 0x00, 0x62, (byte) 0xCE, 0x6C};
    /** ISO BMFF brands of audio-only MP4 files (Apple: audio, audio book, protected audio; Adobe: audio). */
    private static final Set<String> AUDIO_BRANDS = Set.of("M4A ", "M4B ", "M4P ", "F4A ", "F4B ");
    /** Generic ISO BMFF brands that many encoders write on audio-only MP4 files too. */
    private static final Set<String> GENERIC_BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42",
            "dash");

    private FormatDetector() {
    }

    /**
     * Detects the format of a file.
     *
     * @param file the file
     * @return its format, or empty when its content is not a format Deckhand knows
     * @throws IOException if the file cannot be read
     */
    static Optional<AudioFormat> detect(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] head = Bytes.readUpTo(channel, 0, BLOCK);
            long id3Size = Id3v2Header.totalSize(head);
            if (id3Size > 0 && id3Size < channel.size()) {
                byte[] afterTag = Bytes.readUpTo(channel, id3Size, BLOCK);
                return Optional.of(Bytes.startsWith(afterTag, 0, "fLaC") ? AudioFormat.FLAC : AudioFormat.MP3);
            }
            return detect(head);
        }
    }

    /**
     * Detects a format from the first bytes of a file.
     *
     * @param head the file's first bytes, up to {@value #BLOCK} of them
     * @return the format, or empty when the bytes are not the start of a format Deckhand knows
     */
    static Optional<AudioFormat> detect(byte[] head) {
        if (Bytes.startsWith(head, 0, "ID3")) {
            return Optional.of(AudioFormat.MP3);
        }
        if (Bytes.startsWith(head, 0, "fLaC")) {
            return Optional.of(AudioFormat.FLAC);
        }
        if (Bytes.startsWith(head, 0, "RIFF") && Bytes.startsWith(head, 8, "WAVE")) {
            return Optional.of(AudioFormat.WAV);
        }
        if (Bytes.startsWith(head, 0, "FORM")
                && (Bytes.startsWith(head, 8, "AIFF") || Bytes.startsWith(head, 8, "AIFC"))) {
            return Optional.of(AudioFormat.AIFF);
        }
        if (Bytes.startsWith(head, 0, "OggS")) {
            return oggFormat(head);
        }
        if (Bytes.startsWith(head, 4, "ftyp")) {
            return isAudioMp4(head) ? Optional.of(AudioFormat.M4A) : Optional.empty();
        }
        if (head.length >= ASF_HEADER_GUID.length
                && Arrays.equals(head, 0, ASF_HEADER_GUID.length, ASF_HEADER_GUID, 0, ASF_HEADER_GUID.length)) {
            return Optional.of(AudioFormat.WMA);
        }
        if (Bytes.startsWith(head, 0, "MAC ")) {
            return Optional.of(AudioFormat.APE);
        }
        if (Bytes.startsWith(head, 0, "wvpk")) {
            return Optional.of(AudioFormat.WV);
        }
        if (Bytes.startsWith(head, 0, "DSD ")) {
            return Optional.of(AudioFormat.DSF);
        }
        if (MpegFrameHeader.startsStream(head)) {
            return Optional.of(AudioFormat.MP3);
        }
        return Optional.empty();
    }

    /** An Ogg stream's first packet names its codec (Vorbis I spec section 4.2.1; RFC 7845 section 5.1). */
    private static Optional<AudioFormat> oggFormat(byte[] head) {
        if (head.length < 27) {
            return Optional.empty();
        }
        int firstPacket = 27 + (head[26] & 0xFF);
        if (head.length > firstPacket && head[firstPacket] == 1
                && Bytes.startsWith(head, firstPacket + 1, "vorbis")) {
            return Optional.of(AudioFormat.OGG);
        }
        if (Bytes.startsWith(head, firstPacket, "OpusHead")) {
            return Optional.of(AudioFormat.OPUS);
        }
        return Optional.empty();
    }

    /** Whether the {@code ftyp} box (ISO/IEC 14496-12 section 4.3) names an audio or a generic MP4 brand. */
    private static boolean isAudioMp4(byte[] head) {
        long boxSize = Bytes.readUint32(head, 0);
        int end = (int) Math.min(Math.min(boxSize, head.length), BLOCK);
        for (int offset = 8; offset + 4 <= end; offset += offset == 8 ? 8 : 4) {
            String brand = new String(head, offset, 4, StandardCharsets.ISO_8859_1);
            if (AUDIO_BRANDS.contains(brand) || GENERIC_BRANDS.contains(brand)) {
                return true;
            }
        }
        return false;
    }
}
