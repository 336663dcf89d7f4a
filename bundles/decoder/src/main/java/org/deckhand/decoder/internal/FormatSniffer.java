package org.deckhand.decoder.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Recognises a file's format from its content, never its name: the magic numbers of each container (ISO/IEC 14496-12
 * {@code ftyp}, RIFF {@code WAVE}, EA IFF 85 {@code FORM AIFF/AIFC}, {@code fLaC}, RFC 3533 {@code OggS} with the
 * codec named by the first packet, the ASF header GUID, {@code MAC }, {@code wvpk}, {@code DSD }/{@code FRM8}) or a run
 * of valid MPEG audio frame headers. ID3v2 tags in front of the audio (id3.org, ID3v2.4 structure, section 3.1) are
 * read past; a tag whose header is not valid is treated as garbage, and the audio is found by searching for MPEG frame
 * sync after it.
 */
final class FormatSniffer {

    /** Bytes looked at: enough for the Ogg first page, the MP4 {@code ftyp} box and a few MPEG frames. */
    static final int HEAD_BYTES = 64 * 1024;
    private static final int ID3_HEADER_BYTES = 10;
    private static final int TEXT_PROBE_BYTES = 512;
    private static final byte[] ASF_HEADER_GUID = {0x30, 0x26, (byte) 0xB2, 0x75, (byte) 0x8E, 0x66, (byte) 0xCF, 0x11,
        (byte) 0xA6, (byte) 0xD9, 0x00, (byte) 0xAA, 0x00, 0x62, (byte) 0xCE, 0x6C};

    private FormatSniffer() {
    }

    /**
     * Recognises the format of the stream's content and positions the stream at the audio: past any ID3v2 tags, at
     * the first MPEG frame when a garbage tag hid it.
     *
     * @param in the file's buffered stream, at its first byte, with a buffer of at least {@link #HEAD_BYTES}
     * @return the format
     * @throws IOException if the file cannot be read
     */
    static AudioContainer sniff(BufferedInputStream in) throws IOException {
        byte[] head = peek(in);
        if (head.length == 0) {
            return AudioContainer.EMPTY;
        }
        boolean tagged = false;
        while (startsWith(head, 0, "ID3") && head.length >= ID3_HEADER_BYTES) {
            tagged = true;
            long tagBytes = validId3TagBytes(head);
            if (tagBytes < 0) {
                int sync = MpegFrameHeader.findSync(head, ID3_HEADER_BYTES);
                if (sync < 0) {
                    return AudioContainer.UNKNOWN;
                }
                in.skipNBytes(sync);
                return AudioContainer.MP3;
            }
            skipUpTo(in, tagBytes);
            head = peek(in);
        }
        AudioContainer byMagic = byMagic(head);
        if (byMagic != AudioContainer.UNKNOWN) {
            return byMagic;
        }
        if (tagged) {
            int sync = MpegFrameHeader.findSync(head, 0);
            if (sync >= 0) {
                in.skipNBytes(sync);
                return AudioContainer.MP3;
            }
        }
        return looksLikeText(head) ? AudioContainer.TEXT : AudioContainer.UNKNOWN;
    }

    private static byte[] peek(BufferedInputStream in) throws IOException {
        in.mark(HEAD_BYTES);
        byte[] head = in.readNBytes(HEAD_BYTES);
        in.reset();
        return head;
    }

    private static void skipUpTo(BufferedInputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                return;
            }
            left -= skipped;
        }
    }

    /**
     * @return the bytes of the ID3v2 tag at the start of {@code head}, header and footer included, or -1 if its
     *     header is not valid (unknown version, undefined flags, a size that is not synchsafe, or a first frame whose
     *     identifier is not made of capitals and digits)
     */
    private static long validId3TagBytes(byte[] head) {
        int version = head[3] & 0xFF;
        int flags = head[5] & 0xFF;
        if (version < 2 || version > 4 || (head[4] & 0xFF) == 0xFF || (flags & (version == 4 ? 0x0F : 0x1F)) != 0) {
            return -1;
        }
        long size = 0;
        for (int i = 6; i < ID3_HEADER_BYTES; i++) {
            if ((head[i] & 0x80) != 0) {
                return -1;
            }
            size = (size << 7) | (head[i] & 0x7F);
        }
        boolean extendedHeader = (flags & 0x40) != 0;
        if (!extendedHeader && size > 0 && !validFirstFrameId(head, version == 2 ? 3 : 4)) {
            return -1;
        }
        boolean footer = version == 4 && (flags & 0x10) != 0;
        return ID3_HEADER_BYTES + size + (footer ? ID3_HEADER_BYTES : 0);
    }

    private static boolean validFirstFrameId(byte[] head, int idLength) {
        if (head.length < ID3_HEADER_BYTES + idLength) {
            return true;
        }
        if (head[ID3_HEADER_BYTES] == 0) {
            return true;
        }
        for (int i = ID3_HEADER_BYTES; i < ID3_HEADER_BYTES + idLength; i++) {
            char c = (char) (head[i] & 0xFF);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static AudioContainer byMagic(byte[] head) {
        if (startsWith(head, 0, "fLaC")) {
            return AudioContainer.FLAC;
        }
        if ((startsWith(head, 0, "RIFF") || startsWith(head, 0, "RF64") || startsWith(head, 0, "BW64"))
                && startsWith(head, 8, "WAVE")) {
            return AudioContainer.WAVE;
        }
        if (startsWith(head, 0, "FORM") && (startsWith(head, 8, "AIFF") || startsWith(head, 8, "AIFC"))) {
            return AudioContainer.AIFF;
        }
        if (startsWith(head, 0, "OggS")) {
            return oggCodec(head);
        }
        if (startsWith(head, 4, "ftyp")) {
            return AudioContainer.MP4;
        }
        if (head.length >= ASF_HEADER_GUID.length
                && Arrays.equals(head, 0, ASF_HEADER_GUID.length, ASF_HEADER_GUID, 0, ASF_HEADER_GUID.length)) {
            return AudioContainer.WMA;
        }
        if (startsWith(head, 0, "MAC ")) {
            return AudioContainer.APE;
        }
        if (startsWith(head, 0, "wvpk")) {
            return AudioContainer.WAVPACK;
        }
        if (startsWith(head, 0, "DSD ") || (startsWith(head, 0, "FRM8") && startsWith(head, 12, "DSD "))) {
            return AudioContainer.DSD;
        }
        if (startsWith(head, 0, "MPCK") || startsWith(head, 0, "MP+")) {
            return AudioContainer.MUSEPACK;
        }
        if (startsWith(head, 0, "caff")) {
            return AudioContainer.CAF;
        }
        if (startsWith(head, 0, "TTA1")) {
            return AudioContainer.TTA;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xF6) == 0xF0) {
            return AudioContainer.AAC_ADTS;
        }
        if (MpegFrameHeader.isSyncedFrame(head, 0)) {
            return AudioContainer.MP3;
        }
        return AudioContainer.UNKNOWN;
    }

    /** The codec of an Ogg stream, from the first packet of its first page (RFC 3533 section 6). */
    private static AudioContainer oggCodec(byte[] head) {
        if (head.length < 27) {
            return AudioContainer.OGG_OTHER;
        }
        int packet = 27 + (head[26] & 0xFF);
        if (startsWith(head, packet, "\u0001vorbis")) {
            return AudioContainer.OGG_VORBIS;
        }
        if (startsWith(head, packet, "OpusHead")) {
            return AudioContainer.OPUS;
        }
        return AudioContainer.OGG_OTHER;
    }

    private static boolean looksLikeText(byte[] head) {
        int n = Math.min(head.length, TEXT_PROBE_BYTES);
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int at, String ascii) {
        byte[] magic = ascii.getBytes(StandardCharsets.ISO_8859_1);
        return at >= 0 && at + magic.length <= bytes.length
                && Arrays.equals(bytes, at, at + magic.length, magic, 0, magic.length);
    }
}
