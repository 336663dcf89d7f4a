package org.deckhand.mixer.internal.encode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.deckhand.media.MpegFrameHeader;

/**
 * The Xing "Info" frame with its LAME tag that starts a finished constant-bit-rate MP3 file, so that decoders know how
 * many frames it holds and how many samples of encoder delay and padding to drop: ffmpeg, mpv, foobar2000 and
 * iTunes then decode exactly the samples that were encoded, and a CUE sheet's times hold (without it, they start
 * LAME's 1,105-sample delay, about 25 ms, late). The file is written with {@link #placeholder} first, the audio after
 * it; {@link #write} fills the placeholder in once the audio is complete.
 *
 * <p>Layout (Xing header as LAME writes it, and the LAME tag revision 1, "Mp3 info tag specifications",
 * gabriel.mp3-tech.org/mp3infotag.html): an MPEG-1 Layer III frame at the stream's bit rate with its side information
 * zeroed; at byte 36 (stereo) {@code Info}, the flags (frames, bytes, TOC, quality), the audio frame count, the
 * file's length, a 100-byte table of contents and the quality; at byte 156 the 36-byte LAME tag: encoder version,
 * tag revision and VBR method (CBR), lowpass, ReplayGain (none), flags, bit rate, the encoder delay and the padding
 * (12 bits each), the music length and its CRC, and the CRC of the frame's first 190 bytes (CRC-16, polynomial
 * 0x8005 reflected, as LAME computes it).
 */
public final class Mp3InfoTag {

    /** LAME's encoder delay, samples, as its tag gives it: decoders add their own 529. */
    public static final int ENCODER_DELAY = 576;
    private static final int DECODER_DELAY = 529;
    private static final int SAMPLES_PER_FRAME = 1152;
    private static final int STEREO_SIDE_INFO = 32;
    private static final int MONO_SIDE_INFO = 17;
    private static final int HEADER = 4;
    private static final int FLAGS = 0x0F;
    private static final int TOC_ENTRIES = 100;
    private static final int QUALITY = 53;
    private static final int TAG_CRC_BYTES = 190;
    private static final byte[] ENCODER = "LAME3.98r".getBytes(StandardCharsets.US_ASCII);
    private static final int CBR_METHOD = 1;
    private static final int LOWPASS_HUNDRED_HZ = 170;
    private static final int MAX_PADDING = 4095;

    private Mp3InfoTag() {
    }

    /**
     * @param sampleRateHz 32000, 44100 or 48000 Hz
     * @param bitRateKbps the stream's constant bit rate, kbit/s
     * @return the zero bytes to write before the audio: as long as one frame without padding at that rate
     */
    public static byte[] placeholder(int sampleRateHz, int bitRateKbps) {
        return new byte[144_000 * bitRateKbps / sampleRateHz];
    }

    /**
     * Fills in the placeholder at the start of a finished file.
     *
     * @param file an MP3 file: the placeholder, then the audio frames, nothing after them
     * @param sampleRateHz its sample rate, Hz
     * @param bitRateKbps its bit rate, kbit/s
     * @param samples how many samples per channel were encoded
     * @throws IOException if the file cannot be read or written, or holds no audio frame after the placeholder
     */
    public static void write(Path file, int sampleRateHz, int bitRateKbps, long samples) throws IOException {
        int infoBytes = placeholder(sampleRateHz, bitRateKbps).length;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            ByteBuffer first = ByteBuffer.allocate(HEADER);
            if (channel.read(first, infoBytes) < HEADER || (first.get(0) & 0xFF) != 0xFF
                    || (first.get(1) & 0xE0) != 0xE0) {
                throw new IOException(file + " has no MP3 frame after its " + infoBytes + "-byte Info frame");
            }
            channel.position(infoBytes);
            Music music = music(Channels.newInputStream(channel));
            long totalSamples = (long) music.frames() * SAMPLES_PER_FRAME;
            long padding = totalSamples - ENCODER_DELAY - samples;
            if (padding < DECODER_DELAY || padding > MAX_PADDING) {
                throw new IOException(file + ": " + music.frames() + " MP3 frames do not fit " + samples
                        + " samples and LAME's delay (padding " + padding + ")");
            }
            byte[] frame = frame(first.array(), infoBytes, music, size, bitRateKbps, (int) padding);
            channel.write(ByteBuffer.wrap(frame), 0);
        }
    }

    private static byte[] frame(byte[] audioHeader, int length, Music music, long fileBytes, int bitRateKbps,
            int padding) {
        ByteBuffer frame = ByteBuffer.allocate(length);
        frame.put(audioHeader[0]).put(audioHeader[1]).put((byte) (audioHeader[2] & ~0x02)).put(audioHeader[3]);
        boolean mono = (audioHeader[3] & 0xC0) == 0xC0;
        frame.position(HEADER + (mono ? MONO_SIDE_INFO : STEREO_SIDE_INFO));
        frame.put("Info".getBytes(StandardCharsets.US_ASCII)).putInt(FLAGS).putInt(music.frames())
                .putInt((int) fileBytes);
        for (int i = 0; i < TOC_ENTRIES; i++) {
            frame.put((byte) (i * 256 / TOC_ENTRIES));
        }
        frame.putInt(QUALITY);
        int tag = frame.position();
        frame.put(ENCODER).put((byte) CBR_METHOD).put((byte) LOWPASS_HUNDRED_HZ).putInt(0).putShort((short) 0)
                .putShort((short) 0).put((byte) 0).put((byte) Math.min(255, bitRateKbps))
                .put((byte) (ENCODER_DELAY >> 4)).put((byte) (((ENCODER_DELAY & 0xF) << 4) | (padding >> 8)))
                .put((byte) padding).put((byte) 0).put((byte) 0).putShort((short) 0).putInt((int) fileBytes)
                .putShort((short) music.crc());
        int tagEnd = tag + ENCODER.length + 1 + 1 + 4 + 2 + 2 + 1 + 1 + 3 + 1 + 1 + 2 + 4 + 2;
        if (tagEnd != TAG_CRC_BYTES) {
            throw new IllegalStateException("the LAME tag ends at " + tagEnd + ", not " + TAG_CRC_BYTES);
        }
        frame.putShort((short) crc16(frame.array(), 0, TAG_CRC_BYTES, 0));
        return frame.array();
    }

    /** Walks the audio frames (ISO/IEC 11172-3 lengths), counting them and computing their CRC. */
    private static Music music(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        int frames = 0;
        int crc = 0;
        long untilNextFrame = 0;
        byte[] header = new byte[HEADER];
        int headerBytes = 0;
        int count;
        while ((count = in.read(buffer)) > 0) {
            crc = crc16(buffer, 0, count, crc);
            for (int i = 0; i < count;) {
                if (untilNextFrame > 0) {
                    int skip = (int) Math.min(untilNextFrame, count - i);
                    untilNextFrame -= skip;
                    i += skip;
                    continue;
                }
                header[headerBytes++] = buffer[i++];
                if (headerBytes == HEADER) {
                    headerBytes = 0;
                    int length = frameLength(header);
                    frames++;
                    untilNextFrame = length - HEADER;
                }
            }
        }
        return new Music(frames, crc);
    }

    private static int frameLength(byte[] header) throws IOException {
        int length = MpegFrameHeader.frameBytes(header, 0);
        if (length == 0) {
            throw new IOException("no valid MP3 frame header where the frame before ends (no sync word, or a free or "
                    + "forbidden bit rate)");
        }
        return length;
    }

    /** @return the CRC-16 (polynomial 0x8005, reflected: 0xA001, as LAME's tag uses) of the bytes, from {@code crc} */
    private static int crc16(byte[] bytes, int offset, int length, int crc) {
        int value = crc;
        for (int i = offset; i < offset + length; i++) {
            value ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                value = (value & 1) != 0 ? (value >>> 1) ^ 0xA001 : value >>> 1;
            }
        }
        return value & 0xFFFF;
    }

    private record Music(int frames, int crc) {
    }
}
