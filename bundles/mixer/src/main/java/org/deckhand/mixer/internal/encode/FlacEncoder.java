package org.deckhand.mixer.internal.encode;

import java.io.IOException;
import java.util.Arrays;
import net.sourceforge.javaflacencoder.EncodingConfiguration;
import net.sourceforge.javaflacencoder.FLACEncoder;
import net.sourceforge.javaflacencoder.FLACOutputStream;
import net.sourceforge.javaflacencoder.StreamConfiguration;

/**
 * Encodes to 16-bit stereo FLAC with javaFlacEncoder, in blocks of 4096 frames, on the calling thread. The stream
 * header's total length and MD5 are left unknown (zero), as a stream's must be; {@link FlacStreamInfo} fills in the
 * length of a finished file.
 */
public final class FlacEncoder implements AudioEncoder {

    private static final int BLOCK_FRAMES = 4096;

    private final FLACEncoder flac = new FLACEncoder();
    private final Collector output = new Collector();
    private final byte[] header;
    private int[] interleaved = new int[0];

    /**
     * @param sampleRateHz the mix's sample rate, Hz
     * @throws IOException if the encoder refuses the configuration
     */
    public FlacEncoder(int sampleRateHz) throws IOException {
        StreamConfiguration stream = new StreamConfiguration(2, BLOCK_FRAMES, BLOCK_FRAMES, sampleRateHz, 16);
        if (!flac.setStreamConfiguration(stream) || !flac.setEncodingConfiguration(new EncodingConfiguration())) {
            throw new IOException("the FLAC encoder refuses 16-bit stereo at " + sampleRateHz + " Hz");
        }
        flac.setOutputStream(output);
        flac.openFLACStream();
        header = output.take();
    }

    @Override
    public StreamFormat format() {
        return StreamFormat.FLAC;
    }

    @Override
    public byte[] header() {
        return header.clone();
    }

    @Override
    public void encode(float[][] pcm, int offset, int frames, EncodedSink sink) throws IOException {
        if (interleaved.length < 2 * frames) {
            interleaved = new int[2 * frames];
        }
        for (int i = 0; i < frames; i++) {
            interleaved[2 * i] = SoftLimiter.quantise(pcm[0][offset + i]);
            interleaved[2 * i + 1] = SoftLimiter.quantise(pcm[1][offset + i]);
        }
        flac.addSamples(interleaved, frames);
        int full = flac.fullBlockSamplesAvailableToEncode();
        if (full > 0) {
            flac.encodeSamples(full, false);
            emit(sink);
        }
    }

    @Override
    public void finish(EncodedSink sink) throws IOException {
        flac.encodeSamples(flac.samplesAvailableToEncode(), true);
        emit(sink);
    }

    private void emit(EncodedSink sink) throws IOException {
        byte[] frames = output.take();
        if (frames.length > 0) {
            sink.write(frames, 0, frames.length);
        }
    }

    /** Collects what the encoder writes, which cannot seek back: the header keeps its unknown length. */
    private static final class Collector implements FLACOutputStream {

        private byte[] bytes = new byte[65_536];
        private int length;
        private long position;

        byte[] take() {
            byte[] taken = Arrays.copyOf(bytes, length);
            length = 0;
            return taken;
        }

        @Override
        public long seek(long pos) {
            return position;
        }

        @Override
        public int write(byte[] data, int offset, int count) {
            if (length + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + count));
            }
            System.arraycopy(data, offset, bytes, length, count);
            length += count;
            position += count;
            return count;
        }

        @Override
        public void write(byte data) {
            write(new byte[] {data}, 0, 1);
        }

        @Override
        public long size() {
            return position;
        }

        @Override
        public boolean canSeek() {
            return false;
        }

        @Override
        public long getPos() {
            return position;
        }
    }
}
