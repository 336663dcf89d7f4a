package org.deckhand.decoder.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import org.deckhand.media.FormatDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MPEG-1/2/2.5 audio layers I to III through JLayer's {@link Bitstream} and {@link Decoder}, with float output ({@link
 * FloatOutputBuffer}) and gapless trimming as ffmpeg does it: the information frame is skipped, then the LAME tag's
 * encoder delay plus the {@linkplain XingFrame#DECODER_DELAY decoder delay}, and the output ends after the frames the
 * tag declares less delay and padding. A file that ends early (truncated) gives what it holds, with a warning.
 */
final class Mp3Source implements PcmSource {

    private static final Logger LOG = LoggerFactory.getLogger(Mp3Source.class);

    private final String fileName;
    private final Bitstream bitstream;
    private final Decoder decoder = new Decoder();
    private final FloatOutputBuffer output = new FloatOutputBuffer();
    private final int sampleRateHz;
    private final Speaker[] speakers;
    private final XingFrame xing;
    private final int samplesPerFrame;
    private Header pending;
    private long framesDecoded;
    private boolean ended;

    private Mp3Source(String fileName, Bitstream bitstream, Header first, XingFrame xing) {
        this.fileName = fileName;
        this.bitstream = bitstream;
        this.pending = first;
        this.xing = xing;
        this.sampleRateHz = first.frequency();
        this.speakers = first.mode() == Header.SINGLE_CHANNEL ? Speaker.waveOrder(1) : Speaker.waveOrder(2);
        this.samplesPerFrame = first.layer() == 1 ? 384 : first.layer() == 3 && first.version() != Header.MPEG1 ? 576
                : 1152;
        decoder.setOutputBuffer(output);
    }

    /**
     * @param fileName the file's name, for messages
     * @param in the stream at the first frame's sync word
     * @return the decoder, before the first audio frame
     * @throws IOException if no frame can be read
     */
    static Mp3Source open(String fileName, BufferedInputStream in) throws IOException {
        in.mark(FormatDetector.HEAD_BYTES);
        byte[] head = in.readNBytes(FormatDetector.HEAD_BYTES);
        in.reset();
        XingFrame xing = XingFrame.parse(head);
        Bitstream bitstream = new Bitstream(in);
        try {
            Header first = bitstream.readFrame();
            if (first == null) {
                throw new IOException(fileName + ": no MPEG audio frame could be read");
            }
            if (xing.isInfoFrame()) {
                bitstream.closeFrame();
                first = bitstream.readFrame();
                if (first == null) {
                    throw new IOException(fileName + ": the MP3 holds no audio frame after its information frame");
                }
            }
            return new Mp3Source(fileName, bitstream, first, xing);
        } catch (BitstreamException e) {
            throw new IOException(fileName + ": no MPEG audio frame could be read: " + e.getMessage(), e);
        }
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
    public String decoderName() {
        return "jlayer";
    }

    @Override
    public long leadingFramesToDrop() {
        return xing.isGapless() ? xing.encoderDelay() + XingFrame.DECODER_DELAY : 0;
    }

    @Override
    public long declaredFrames() {
        return xing.isGapless() ? xing.frames() * samplesPerFrame - xing.encoderDelay() - xing.endPadding() : -1;
    }

    @Override
    public int decodeBlock() throws IOException {
        if (ended) {
            return -1;
        }
        try {
            Header header = pending != null ? pending : bitstream.readFrame();
            pending = null;
            if (header == null) {
                return end();
            }
            decoder.decodeFrame(header, bitstream);
            bitstream.closeFrame();
        } catch (BitstreamException | DecoderException | RuntimeException e) {
            if (framesDecoded == 0) {
                throw new IOException(fileName + ": MP3 audio cannot be decoded: " + e.getMessage(), e);
            }
            LOG.warn("{}: MP3 audio is corrupt after {} s; decoding stops there ({})", fileName,
                    String.format("%.2f", framesDecoded / (double) sampleRateHz), e.toString());
            ended = true;
            return -1;
        }
        framesDecoded += output.frames();
        return output.frames();
    }

    private int end() throws IOException {
        ended = true;
        if (framesDecoded == 0) {
            throw new IOException(fileName + ": the MP3 holds no decodable audio frame");
        }
        if (xing.frames() > 0 && framesDecoded < (xing.frames() - 1) * samplesPerFrame) {
            LOG.warn("{}: the MP3 ends after {} of the {} frames its header declares (truncated?)", fileName,
                    framesDecoded / samplesPerFrame, xing.frames());
        }
        return -1;
    }

    @Override
    public float[][] block() {
        return output.samples();
    }

    @Override
    public void close() {
        try {
            bitstream.close();
        } catch (BitstreamException e) {
            LOG.debug("{}: closing the MP3 bitstream: {}", fileName, e.toString());
        }
    }
}
