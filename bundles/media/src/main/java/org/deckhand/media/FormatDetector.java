package org.deckhand.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;

/**
 * Recognises a file's format from its content, never its name: the magic numbers of each container (ISO/IEC 14496-12
 * section 4.3 {@code ftyp} and its brands, RIFF/RF64 {@code WAVE}, EA IFF 85 {@code FORM AIFF/AIFC}, RFC 9639
 * {@code fLaC}, RFC 3533 {@code OggS} with the codec its first packet names (Vorbis I section 4.2.1, RFC 7845 section
 * 5.1), the ASF header object GUID, {@code MAC }, {@code wvpk}, {@code DSD }, {@code FRM8}, {@code MPCK}/{@code MP+},
 * {@code caff}, {@code TTA1}, an ADTS sync word) or a pair of MPEG audio frames ({@link MpegFrameHeader}).
 *
 * <p>ID3v2 tags in front of the audio (id3.org, ID3v2.4 structure, section 3.1) are read past, one after another. A
 * tag whose header is not valid ({@link Id3v2Header#tagBytes}) is garbage: its size cannot be trusted, and the audio is
 * found by searching for MPEG frame sync after its 10 bytes; where none is found the content is {@link
 * MediaFormat#UNKNOWN}. After valid tags, a container's magic names the format; anything else is MPEG audio, as ID3v2
 * is its tag: the audio starts at the first frame pair found, or right after the tags.
 *
 * <p>Reads at most {@value #HEAD_BYTES} bytes from the start of the file, and as many again after each ID3v2 tag.
 */
public final class FormatDetector {

    /** Bytes looked at: enough for the Ogg first page, the MP4 {@code ftyp} box and a few MPEG frames. */
    public static final int HEAD_BYTES = 64 * 1024;
    private static final int TEXT_PROBE_BYTES = 512;
    private static final byte[] ASF_HEADER_GUID = {0x30, 0x26, (byte) 0xB2, 0x75, (byte) 0x8E, 0x66, (byte) 0xCF, 0x11,
        (byte) 0xA6, (byte) 0xD9, 0x00, (byte) 0xAA, 0x00, 0x62, (byte) 0xCE, 0x6C};
    /** ISO BMFF brands of audio-only MP4 files (Apple: audio, audio book, protected audio; Adobe: audio). */
    private static final Set<String> AUDIO_BRANDS = Set.of("M4A ", "M4B ", "M4P ", "F4A ", "F4B ");
    /** Generic ISO BMFF brands that many encoders write on audio-only MP4 files too. */
    private static final Set<String> GENERIC_BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42",
            "dash");

    private FormatDetector() {
    }

    /**
     * @param file the file
     * @return what it holds and where its audio starts
     * @throws IOException if the file cannot be read
     */
    public static Detection detect(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return detect(channel);
        }
    }

    /**
     * @param channel the file, read with positional reads only (its position is left as it is)
     * @return what it holds and where its audio starts
     * @throws IOException if the file cannot be read
     */
    public static Detection detect(FileChannel channel) throws IOException {
        return detect(position -> {
            ByteBuffer buffer = ByteBuffer.allocate(HEAD_BYTES);
            while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
                // positional reads until the block is in or the file ends
            }
            return Arrays.copyOf(buffer.array(), buffer.position());
        });
    }

    /**
     * Recognises the format of the stream's content and positions the stream at the audio ({@link
     * Detection#audioOffset()}).
     *
     * @param in the file's buffered stream, at its first byte, with a buffer of at least {@link #HEAD_BYTES}
     * @return what it holds and where its audio starts
     * @throws IOException if the file cannot be read
     */
    public static Detection detect(BufferedInputStream in) throws IOException {
        long[] position = {0};
        Detection detection = detect(offset -> {
            skip(in, offset - position[0]);
            position[0] = offset;
            in.mark(HEAD_BYTES);
            byte[] head = in.readNBytes(HEAD_BYTES);
            in.reset();
            return head;
        });
        skip(in, detection.audioOffset() - position[0]);
        return detection;
    }

    /**
     * For a file whose format is known already (detected by the scan and stored): positions the stream past the valid
     * ID3v2 tags at its start and checks that the audio there starts as that format's magic number says. No other
     * format is tried, and no frame sync is searched for behind a garbage tag.
     *
     * @param in the file's buffered stream, at its first byte, with a buffer of at least {@link #HEAD_BYTES}
     * @param expected the known format
     * @return whether the content after the tags is of that format; the stream is past the tags either way
     * @throws IOException if the file cannot be read
     */
    public static boolean startsAs(BufferedInputStream in, MediaFormat expected) throws IOException {
        while (true) {
            in.mark(HEAD_BYTES);
            byte[] head = in.readNBytes(HEAD_BYTES);
            in.reset();
            long tagBytes = Id3v2Header.tagBytes(head);
            if (tagBytes < 0) {
                return byMagic(head) == expected;
            }
            skip(in, tagBytes);
        }
    }

    /** Reads up to {@link #HEAD_BYTES} from a position; positions never decrease from one call to the next. */
    private interface Head {
        byte[] at(long position) throws IOException;
    }

    private static Detection detect(Head source) throws IOException {
        byte[] head = source.at(0);
        if (head.length == 0) {
            return new Detection(MediaFormat.EMPTY, 0, false);
        }
        long offset = 0;
        boolean tagged = false;
        while (Id3v2Header.startsTag(head) && head.length >= Id3v2Header.BYTES) {
            tagged = true;
            long tagBytes = Id3v2Header.tagBytes(head);
            if (tagBytes < 0) {
                int sync = MpegFrameHeader.findSync(head, Id3v2Header.BYTES);
                return sync < 0 ? new Detection(MediaFormat.UNKNOWN, offset, true)
                        : new Detection(MediaFormat.MP3, offset + sync, true);
            }
            offset += tagBytes;
            head = source.at(offset);
        }
        MediaFormat byMagic = byMagic(head);
        if (byMagic != MediaFormat.UNKNOWN || !tagged) {
            return new Detection(byMagic == MediaFormat.UNKNOWN && looksLikeText(head) ? MediaFormat.TEXT : byMagic,
                    offset, false);
        }
        return new Detection(MediaFormat.MP3, offset + Math.max(0, MpegFrameHeader.findSync(head, 0)), false);
    }

    private static MediaFormat byMagic(byte[] head) {
        if (startsWith(head, 0, "fLaC")) {
            return MediaFormat.FLAC;
        }
        if ((startsWith(head, 0, "RIFF") || startsWith(head, 0, "RF64") || startsWith(head, 0, "BW64"))
                && startsWith(head, 8, "WAVE")) {
            return MediaFormat.WAVE;
        }
        if (startsWith(head, 0, "FORM") && (startsWith(head, 8, "AIFF") || startsWith(head, 8, "AIFC"))) {
            return MediaFormat.AIFF;
        }
        if (OggPage.startsPage(head, 0)) {
            return oggCodec(head);
        }
        if (startsWith(head, 4, "ftyp")) {
            return isAudioMp4(head) ? MediaFormat.MP4 : MediaFormat.MP4_OTHER;
        }
        if (head.length >= ASF_HEADER_GUID.length
                && Arrays.equals(head, 0, ASF_HEADER_GUID.length, ASF_HEADER_GUID, 0, ASF_HEADER_GUID.length)) {
            return MediaFormat.WMA;
        }
        if (startsWith(head, 0, "MAC ")) {
            return MediaFormat.APE;
        }
        if (startsWith(head, 0, "wvpk")) {
            return MediaFormat.WAVPACK;
        }
        if (startsWith(head, 0, "DSD ")) {
            return MediaFormat.DSF;
        }
        if (startsWith(head, 0, "FRM8") && startsWith(head, 12, "DSD ")) {
            return MediaFormat.DFF;
        }
        if (startsWith(head, 0, "MPCK") || startsWith(head, 0, "MP+")) {
            return MediaFormat.MUSEPACK;
        }
        if (startsWith(head, 0, "caff")) {
            return MediaFormat.CAF;
        }
        if (startsWith(head, 0, "TTA1")) {
            return MediaFormat.TTA;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xF6) == 0xF0) {
            return MediaFormat.AAC_ADTS;
        }
        if (MpegFrameHeader.isSyncedFrame(head, 0)) {
            return MediaFormat.MP3;
        }
        return MediaFormat.UNKNOWN;
    }

    /** The codec of an Ogg stream, from the first packet of its first page (RFC 3533 section 6). */
    private static MediaFormat oggCodec(byte[] head) {
        int packet = OggPage.headerBytes(head, 0);
        if (packet < 0) {
            return MediaFormat.OGG_OTHER;
        }
        if (startsWith(head, packet, "\u0001vorbis")) {
            return MediaFormat.OGG_VORBIS;
        }
        if (startsWith(head, packet, "OpusHead")) {
            return MediaFormat.OPUS;
        }
        return MediaFormat.OGG_OTHER;
    }

    /** Whether the {@code ftyp} box (ISO/IEC 14496-12 section 4.3) names an audio or a generic MP4 brand. */
    private static boolean isAudioMp4(byte[] head) {
        if (head.length < 8) {
            return false;
        }
        long boxSize = ByteBuffer.wrap(head).getInt(0) & 0xFFFFFFFFL;
        int end = (int) Math.min(boxSize, head.length);
        for (int offset = 8; offset + 4 <= end; offset += offset == 8 ? 8 : 4) {
            String brand = new String(head, offset, 4, StandardCharsets.ISO_8859_1);
            if (AUDIO_BRANDS.contains(brand) || GENERIC_BRANDS.contains(brand)) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeText(byte[] head) {
        int n = Math.min(head.length, TEXT_PROBE_BYTES);
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return n > 0;
    }

    private static boolean startsWith(byte[] bytes, int at, String ascii) {
        byte[] magic = ascii.getBytes(StandardCharsets.ISO_8859_1);
        return at >= 0 && at + magic.length <= bytes.length
                && Arrays.equals(bytes, at, at + magic.length, magic, 0, magic.length);
    }

    private static void skip(BufferedInputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                return;
            }
            left -= skipped;
        }
    }
}
