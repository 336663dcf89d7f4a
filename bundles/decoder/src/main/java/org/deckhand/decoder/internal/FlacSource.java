package org.deckhand.decoder.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.frame.Frame;
import org.jflac.metadata.StreamInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FLAC (RFC 9639) through jflac's {@link FLACDecoder}: its decoded channel arrays are scaled straight to floats, without
 * jflac's conversion to PCM bytes. jflac is given the STREAMINFO alone ({@link FlacMetadataBlocks}), never the
 * metadata blocks whose claimed sizes it would allocate. Frames jflac cannot decode are skipped (it searches for the
 * next frame sync), and a file that ends early gives what it holds, with a warning; so does a damaged frame header on
 * which jflac would go round its frame loop forever ({@link FlacFrameSearchGuard}).
 */
final class FlacSource implements PcmSource {

    private static final Logger LOG = LoggerFactory.getLogger(FlacSource.class);

    private final String fileName;
    private final FLACDecoder decoder;
    private final StreamInfo info;
    private final Speaker[] speakers;
    private float[][] block;
    private long framesDecoded;

    private FlacSource(String fileName, FLACDecoder decoder, StreamInfo info) {
        this.fileName = fileName;
        this.decoder = decoder;
        this.info = info;
        this.speakers = Speaker.waveOrder(info.getChannels());
        this.block = new float[info.getChannels()][Math.max(info.getMaxBlockSize(), 4096)];
    }

    /**
     * @param fileName the file's name, for messages
     * @param in the stream at the {@code fLaC} magic
     * @param fileBytes the file's size, bytes
     * @return the decoder, before the first audio frame
     * @throws IOException if the metadata cannot be read, a metadata block claims more than the file holds, or its
     *     STREAMINFO is not valid
     */
    static FlacSource open(String fileName, InputStream in, long fileBytes) throws IOException {
        FLACDecoder decoder = new FLACDecoder(FlacMetadataBlocks.streamInfoOnly(fileName, in, fileBytes));
        try {
            decoder.readMetadata();
        } catch (IOException | RuntimeException e) {
            throw new IOException(fileName + ": FLAC metadata cannot be read: " + e.getMessage(), e);
        }
        StreamInfo info = decoder.getStreamInfo();
        if (info == null || info.getSampleRate() <= 0 || info.getChannels() <= 0 || info.getBitsPerSample() <= 0
                || info.getMaxBlockSize() <= 0) {
            throw new IOException(fileName + ": FLAC STREAMINFO is not valid"
                    + (info == null ? "" : " (" + info.getSampleRate() + " Hz, " + info.getChannels()
                            + " channels, " + info.getBitsPerSample() + " bits, block size " + info.getMaxBlockSize()
                            + ")"));
        }
        decoder.addFrameListener(new FlacFrameSearchGuard(decoder));
        return new FlacSource(fileName, decoder, info);
    }

    @Override
    public int sampleRateHz() {
        return info.getSampleRate();
    }

    @Override
    public Speaker[] speakers() {
        return speakers;
    }

    @Override
    public boolean staysInUnitRange() {
        return true;
    }

    @Override
    public String decoderName() {
        return "jflac";
    }

    @Override
    public int decodeBlock() throws IOException {
        Frame frame;
        try {
            frame = decoder.readNextFrame();
        } catch (UncheckedIOException e) {
            return corrupt(e.getCause());
        } catch (IOException | RuntimeException e) {
            return corrupt(e);
        }
        if (frame == null) {
            return end();
        }
        int frames = frame.header.blockSize;
        int channels = Math.min(frame.header.channels, block.length);
        if (frames > block[0].length) {
            block = new float[block.length][frames];
        }
        float scale = 1f / (1 << (frame.header.bitsPerSample - 1));
        ChannelData[] data = decoder.getChannelData();
        for (int c = 0; c < channels; c++) {
            int[] from = data[c].getOutput();
            float[] to = block[c];
            for (int i = 0; i < frames; i++) {
                to[i] = from[i] * scale;
            }
        }
        framesDecoded += frames;
        return frames;
    }

    /** Fails a file that gave no audio yet; else the audio ends at the damage, with a warning. */
    private int corrupt(Exception e) throws IOException {
        if (framesDecoded == 0) {
            throw new IOException(fileName + ": FLAC audio cannot be decoded: " + e.getMessage(), e);
        }
        LOG.warn("{}: FLAC audio is corrupt after {} samples; decoding stops there ({})", fileName, framesDecoded,
                e.toString());
        return -1;
    }

    private int end() throws IOException {
        if (framesDecoded == 0) {
            throw new IOException(fileName + ": the FLAC file holds no decodable audio frame");
        }
        long declared = info.getTotalSamples();
        if (declared > 0 && framesDecoded < declared) {
            LOG.warn("{}: the FLAC file ends after {} of the {} samples its STREAMINFO declares", fileName,
                    framesDecoded, declared);
        }
        if (decoder.getBadFrames() > 0) {
            LOG.warn("{}: {} corrupt FLAC frames were skipped", fileName, decoder.getBadFrames());
        }
        return -1;
    }

    @Override
    public float[][] block() {
        return block;
    }

    @Override
    public void close() {
        // jflac holds nothing beyond the stream, which belongs to the caller
    }
}
