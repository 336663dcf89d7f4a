package org.deckhand.tags.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the channel count of an MP4 file's first audio sample entry ({@code mp4a} or {@code alac}, AudioSampleEntry
 * of ISO/IEC 14496-12 section 12.2.3). JAudioTagger 3.0.1 misreads it from the {@code esds} box of some AAC files
 * (it reports -14 for 48 kHz stereo encoded by ffmpeg).
 */
final class Mp4Channels {

    private static final int BOX_HEADER = 8;
    /** From the sample entry's type to its channelcount: reserved 6, data_reference_index 2, reserved 8. */
    private static final int CHANNEL_COUNT_OFFSET = 4 + 6 + 2 + 8;
    private static final int MAX_MOOV_BYTES = 16 << 20;

    private Mp4Channels() {
    }

    /**
     * @param file an MP4 file
     * @return the channel count of its first audio sample entry, or 0 when none is found
     * @throws IOException if the file cannot be read
     */
    static int read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = 0;
            while (position + BOX_HEADER <= channel.size()) {
                byte[] header = Bytes.readUpTo(channel, position, BOX_HEADER);
                long size = Bytes.readUint32(header, 0);
                if (Bytes.startsWith(header, 4, "moov")) {
                    return channelCount(Bytes.readUpTo(channel, position, (int) Math.min(size, MAX_MOOV_BYTES)));
                }
                if (size < BOX_HEADER) {
                    return 0;
                }
                position += size;
            }
            return 0;
        }
    }

    private static int channelCount(byte[] moov) {
        for (int i = 4; i + CHANNEL_COUNT_OFFSET + 2 <= moov.length; i++) {
            if (Bytes.startsWith(moov, i, "mp4a") || Bytes.startsWith(moov, i, "alac")) {
                int at = i + CHANNEL_COUNT_OFFSET;
                int channels = ((moov[at] & 0xFF) << 8) | (moov[at + 1] & 0xFF);
                if (channels > 0 && channels <= 64) {
                    return channels;
                }
            }
        }
        return 0;
    }
}
