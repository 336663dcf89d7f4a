package org.deckhand.decoder.internal;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uncompressed interleaved samples read from a stream in blocks: the data of a WAV or AIFF file, or ffmpeg's output.
 * Reads no further than the data the header declares, and ends early, with a warning, when the file holds less.
 */
final class InterleavedPcmSource implements PcmSource {

    private static final Logger LOG = LoggerFactory.getLogger(InterleavedPcmSource.class);
    private static final int BLOCK_FRAMES = 4096;

    private final String fileName;
    private final InputStream in;
    private final int sampleRateHz;
    private final Speaker[] speakers;
    private final PcmEncoding encoding;
    private final String decoderName;
    private final int frameBytes;
    private final byte[] bytes;
    private final float[][] block;
    private long bytesLeft;
    private final long declaredBytes;

    /**
     * @param fileName the file's name, for messages
     * @param in the stream, at the first sample
     * @param dataBytes the bytes of samples the header declares, or -1 to read to the end of the stream
     * @param sampleRateHz the sample rate, Hz
     * @param speakers one per channel
     * @param encoding how the samples are stored
     * @param decoderName the name {@link #decoderName()} gives
     */
    InterleavedPcmSource(String fileName, InputStream in, long dataBytes, int sampleRateHz, Speaker[] speakers,
            PcmEncoding encoding, String decoderName) {
        this.fileName = fileName;
        this.in = in;
        this.sampleRateHz = sampleRateHz;
        this.speakers = speakers;
        this.encoding = encoding;
        this.decoderName = decoderName;
        this.frameBytes = encoding.bytesPerSample() * speakers.length;
        this.bytes = new byte[BLOCK_FRAMES * frameBytes];
        this.block = new float[speakers.length][BLOCK_FRAMES];
        this.declaredBytes = dataBytes;
        this.bytesLeft = dataBytes < 0 ? Long.MAX_VALUE : dataBytes;
    }

    @Override
    public int sampleRateHz() {
        return sampleRateHz;
    }

    @Override
    public Speaker[] speakers() {
        return speakers;
    }

    @Override
    public boolean staysInUnitRange() {
        return !encoding.floating();
    }

    @Override
    public String decoderName() {
        return decoderName;
    }

    @Override
    public int decodeBlock() throws IOException {
        int wanted = (int) Math.min(bytes.length, bytesLeft - bytesLeft % frameBytes);
        if (wanted <= 0) {
            return -1;
        }
        int n = in.readNBytes(bytes, 0, wanted);
        int frames = n / frameBytes;
        if (n < wanted) {
            if (declaredBytes >= 0) {
                LOG.warn("{}: the header declares {} bytes of audio, the file ends after {}", fileName,
                        declaredBytes, declaredBytes - bytesLeft + n);
            }
            bytesLeft = 0;
        } else {
            bytesLeft -= n;
        }
        if (frames == 0) {
            return -1;
        }
        encoding.toFloat(bytes, block, frames);
        return frames;
    }

    @Override
    public float[][] block() {
        return block;
    }

    @Override
    public void close() {
        // the stream belongs to the caller
    }
}
