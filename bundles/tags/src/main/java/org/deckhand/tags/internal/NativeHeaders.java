package org.deckhand.tags.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.media.ApeHeader;
import org.deckhand.media.StreamHeader;
import org.deckhand.media.WavPackHeader;

/**
 * The audio facts of the lossless formats JAudioTagger does not support, from their stream headers: Monkey's Audio
 * ({@link ApeHeader}) and WavPack ({@link WavPackHeader}), with the average bit rate from the file's size.
 */
final class NativeHeaders {

    private NativeHeaders() {
    }

    /**
     * @param format {@link AudioFormat#APE} or {@link AudioFormat#WV}
     * @param file the file
     * @return the audio facts; duration {@code NaN} and counts 0 where the header does not say
     * @throws IOException if the file cannot be read or its header is incomplete
     */
    static AudioProperties read(AudioFormat format, Path file) throws IOException {
        byte[] bytes;
        long size;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            size = channel.size();
            bytes = Bytes.readUpTo(channel, 0, ApeHeader.BYTES);
        }
        if (bytes.length < WavPackHeader.BYTES) {
            throw new EOFException("the " + format.displayName() + " header is incomplete");
        }
        StreamHeader header = format == AudioFormat.APE ? ApeHeader.parse(bytes) : WavPackHeader.parse(bytes);
        double duration = header.durationSeconds();
        int bitrate = duration > 0 ? (int) Math.round(size * 8 / duration / 1000) : 0;
        return new AudioProperties(header.codec(), duration, bitrate, header.sampleRateHz(), header.bitsPerSample(),
                header.channels(), header.lossless());
    }
}
