package org.deckhand.tags.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.deckhand.media.Mp4Box;
import org.deckhand.media.Mp4BoxHeader;

/**
 * Reads the channel count of an MP4 file's first audio track ({@code hdlr} of type {@code soun}), from its first
 * sample entry ({@code mp4a} or {@code alac}: the AudioSampleEntry of ISO/IEC 14496-12 section 12.2.3, whose
 * channelcount follows 6 reserved bytes, the data_reference_index and 8 more reserved bytes). JAudioTagger 3.0.1
 * misreads it from the {@code esds} box of some AAC files (it reports -14 for 48 kHz stereo encoded by ffmpeg).
 */
final class Mp4Channels {

    private static final int CHANNEL_COUNT_OFFSET = 6 + 2 + 8;
    private static final int MAX_CHANNELS = 64;

    private Mp4Channels() {
    }

    /**
     * @param file an MP4 file
     * @return the channel count of its first audio track, or 0 when none is found
     * @throws IOException if the file cannot be read
     */
    static int read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Mp4BoxHeader moov = Mp4BoxHeader.findTopLevel(channel, "moov");
            if (moov == null || moov.end() > channel.size() || moov.size() > Mp4Box.MAX_MOOV_BYTES) {
                return 0;
            }
            ByteBuffer body = moov.readBody(channel);
            for (Mp4Box trak = Mp4Box.first(body, 0, body.limit()); trak != null; trak = trak.next(body)) {
                if (trak.isAudioTrack(body)) {
                    return channelCount(body, trak.find(body, "mdia", "minf", "stbl", "stsd"));
                }
            }
            return 0;
        }
    }

    private static int channelCount(ByteBuffer body, Mp4Box stsd) {
        Mp4Box entry = stsd == null ? null : Mp4Box.first(body, stsd.body() + 8, stsd.end());
        if (entry == null || !(entry.is("mp4a") || entry.is("alac"))
                || entry.body() + CHANNEL_COUNT_OFFSET + 2 > entry.end()) {
            return 0;
        }
        int channels = Short.toUnsignedInt(body.getShort(entry.body() + CHANNEL_COUNT_OFFSET));
        return channels <= MAX_CHANNELS ? channels : 0;
    }
}
