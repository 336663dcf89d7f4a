package org.deckhand.api.audio;

import java.io.Closeable;
import java.io.IOException;
import org.deckhand.api.analysis.PcmFormat;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An audio file being decoded: float samples in [-1, 1] (beyond it where a lossy encoder overshot, when opened by
 * {@link AudioDecoder#openUnclipped}), frame by frame from the start of the file. Used by one thread at a time.
 */
@ProviderType
public interface DecodedAudio extends Closeable {

    /**
     * @return the file's own sample rate (Hz) and channel count (1 or 2; files with more channels are downmixed to
     *     stereo)
     */
    PcmFormat format();

    /**
     * @return the name of the decoder at work, such as {@code jflac} or {@code ffmpeg}, for diagnostics
     */
    String decoderName();

    /**
     * Decodes the next frames into {@code into[channel][0..n)}.
     *
     * @param into one array per channel of {@link #format()}, each at least {@code maxFrames} long
     * @param maxFrames the most frames to decode, positive
     * @return the frames decoded, between 1 and {@code maxFrames}, or -1 at the end of the audio
     * @throws IOException if the file cannot be read, or its audio is corrupt beyond what the decoder skips; the
     *     message names the file and the position
     */
    int read(float[][] into, int maxFrames) throws IOException;

    /**
     * Finishes reading the file, past any trailing tags, and returns the SHA-256 of all its bytes. Call it after
     * {@link #read} returned -1.
     *
     * @return the digest in lower-case hex, 64 characters
     * @throws IOException if the rest of the file cannot be read
     */
    String sha256() throws IOException;
}
