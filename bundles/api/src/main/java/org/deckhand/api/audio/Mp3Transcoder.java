package org.deckhand.api.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Encodes a track to MP3 as it is decoded, for players that ask for less than the file holds (the Subsonic API's
 * {@code stream} with {@code format=mp3} or a {@code maxBitRate}): the streaming mixer's own encoder (LAME's
 * algorithms, in Java), constant bit rate, joint stereo at 44,100 Hz, so that no ffmpeg is needed. A service of the
 * mixer bundle; thread-safe: each call encodes on its own.
 *
 * @since 1.2
 */
@ProviderType
public interface Mp3Transcoder {

    /**
     * @param kbps a bit rate asked for, kbit/s
     * @return the highest bit rate of MPEG-1 Layer III at or below it (32, 40, 48, 56, 64, 80, 96, 112, 128, 160,
     *     192, 224, 256 or 320 kbit/s), and 32 below that
     */
    int nearestBitRate(int kbps);

    /**
     * Writes the track as MP3 frames (no ID3 tag) while it decodes it, until its end.
     *
     * @param file the audio file, in any format the {@link AudioDecoder} reads
     * @param offsetSeconds where to start in the track, seconds, 0 for its start; past its end, one frame of silence
     *     at most is written
     * @param bitRateKbps one of the bit rates {@link #nearestBitRate} gives
     * @param out where the frames go, written as each is made; not closed
     * @throws IllegalArgumentException if the bit rate is not one of MPEG-1 Layer III's, or the offset is negative
     * @throws UnsupportedAudioException if no decoder reads the file
     * @throws IOException if the file cannot be read, or {@code out} cannot be written (the player went away)
     */
    void transcode(Path file, double offsetSeconds, int bitRateKbps, OutputStream out) throws IOException;
}
