package org.deckhand.decoder.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import net.sourceforge.jaad.aac.Decoder;
import net.sourceforge.jaad.aac.Receiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AAC in MP4 through JAAD's {@link Decoder}, fed sample by sample from the file's single front-to-back read: the
 * {@link Mp4AudioTrack} gives each sample's offset and size, the bytes between samples (other boxes, other tracks) are
 * skipped through the digest. The edit list's priming is dropped and the output ends at its playable length, as
 * ffmpeg does. JAAD 0.9.8's inverse-quantisation table stops one entry short of the largest value AAC allows, 8191,
 * so loud frames that reach it fail: from the first frame JAAD cannot decode, the rest of the file comes from ffmpeg
 * when it is installed ({@link Fallback}: ffmpeg decodes the file again from its path and the frames already given
 * are skipped), with a warning naming the file; without ffmpeg, each such frame is replaced by silence of the same
 * length, with a warning, so that the audio after it keeps its timing. JAAD hands a mono stream with SBR over as two
 * references to one array (room for parametric stereo); that stays mono here, and becomes stereo only when
 * parametric stereo makes the two differ from the first frame on.
 */
final class AacMp4Source implements PcmSource, Receiver {

    private static final Logger LOG = LoggerFactory.getLogger(AacMp4Source.class);
    /** JAAD's output is scaled to 16-bit full scale. */
    private static final float TO_UNIT = 1f / 32_768f;
    /** Largest AAC frame taken for real: at most 6144 bits a channel (ISO/IEC 14496-3, 4.5.3), for 48 channels. */
    private static final int MAX_SAMPLE_BYTES = 48 * 6144 / 8;

    private final String fileName;
    private final InputStream in;
    private final Mp4AudioTrack track;
    private final Mp4AudioTrack.SampleCursor cursor;
    private final Decoder decoder;
    private final byte[][] sampleBuffersBySize;
    private Fallback fallback;
    private PcmSource replacement;
    private long replacementFramesToSkip;
    private long position;
    private float[][] block = new float[0][0];
    private int blockFrames;
    private int sampleRateHz;
    private Speaker[] speakers;
    private long framesDecoded;
    private int corruptFrames;
    private boolean pendingFirst;

    private AacMp4Source(String fileName, InputStream in, Mp4AudioTrack track, Decoder decoder, Fallback fallback) {
        this.fileName = fileName;
        this.fallback = fallback;
        this.in = in;
        this.track = track;
        this.cursor = track.new SampleCursor();
        this.decoder = decoder;
        this.sampleBuffersBySize = new byte[track.maxSampleBytes() + 1][];
    }

    /**
     * Opens the track and decodes its first sample, which sets the output rate and channels (SBR and parametric
     * stereo show only there).
     *
     * @param fileName the file's name, for messages
     * @param in the file's buffered digesting stream, at the file's first byte
     * @param track the audio track, an AAC one
     * @param fallback what decodes the file when JAAD cannot, or null when nothing can (no ffmpeg)
     * @return the decoder, with its first block decoded and pending
     * @throws IOException if the track cannot be decoded, or its sample table claims a frame larger than AAC allows
     */
    static AacMp4Source open(String fileName, InputStream in, Mp4AudioTrack track, Fallback fallback)
            throws IOException {
        if (track.audioSpecificConfig == null) {
            throw new IOException(fileName + ": the MP4 AAC track has no AudioSpecificConfig");
        }
        int largest = track.maxSampleBytes();
        if (largest < 0 || largest > MAX_SAMPLE_BYTES) {
            throw new IOException(fileName + ": the MP4 sample table claims an AAC frame of " + (largest & 0xFFFFFFFFL)
                    + " bytes, more than AAC allows (the sample table is corrupt)");
        }
        Decoder decoder;
        try {
            decoder = Decoder.create(track.audioSpecificConfig);
        } catch (IOException | RuntimeException e) {
            throw new IOException(fileName + ": the AAC configuration is not supported: " + e.getMessage(), e);
        }
        AacMp4Source source = new AacMp4Source(fileName, in, track, decoder, fallback);
        while (source.speakers == null) {
            if (source.decodeNextSample() < 0) {
                throw new IOException(fileName + ": the MP4 AAC track holds no decodable frame");
            }
        }
        source.pendingFirst = true;
        return source;
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
        return replacement != null ? replacement.decoderName() : "jaad";
    }

    @Override
    public long leadingFramesToDrop() {
        return scaleToOutput(track.primingSamples);
    }

    @Override
    public long declaredFrames() {
        return track.playableSamples < 0 ? -1 : scaleToOutput(track.playableSamples);
    }

    private long scaleToOutput(long mediaSamples) {
        return track.mediaTimescale <= 0 ? mediaSamples : mediaSamples * sampleRateHz / track.mediaTimescale;
    }

    @Override
    public int decodeBlock() throws IOException {
        if (pendingFirst) {
            pendingFirst = false;
            return blockFrames;
        }
        return replacement != null ? decodeReplacement() : decodeNextSample();
    }

    /** Reads and decodes the next sample; 0 frames for a corrupt one, -1 at the end. */
    private int decodeNextSample() throws IOException {
        if (!cursor.hasNext()) {
            return end(false);
        }
        long offset = cursor.offset();
        int size = track.sampleBytes(cursor.sample());
        cursor.advance();
        if (offset < position) {
            throw new IOException(fileName + ": MP4 sample at byte " + offset + " overlaps the previous one");
        }
        try {
            in.skipNBytes(offset - position);
        } catch (EOFException e) {
            return end(true);
        }
        byte[] bytes = sampleBuffersBySize[size];
        if (bytes == null) {
            bytes = new byte[size];
            sampleBuffersBySize[size] = bytes;
        }
        int n = in.readNBytes(bytes, 0, size);
        position = offset + n;
        if (n < size) {
            return end(true);
        }
        int previousFrames = blockFrames;
        blockFrames = 0;
        try {
            decoder.decodeFrame(bytes, this);
        } catch (RuntimeException e) {
            if (speakers != null && fallback != null && replace(offset, e)) {
                return decodeReplacement();
            }
            if (corruptFrames++ == 0) {
                LOG.warn("{}: AAC frame at byte {} cannot be decoded, silence stands in for it ({})", fileName,
                        offset, e.toString());
            }
            if (speakers == null) {
                return 0;
            }
            blockFrames = previousFrames;
            for (float[] channel : block) {
                Arrays.fill(channel, 0, blockFrames, 0f);
            }
        }
        framesDecoded += blockFrames;
        return blockFrames;
    }

    /**
     * Hands the rest of the file over to the fallback decoder, from the frame JAAD could not decode on.
     *
     * @return whether the fallback took over; if not, JAAD carries on with silence for the frame
     */
    private boolean replace(long offset, RuntimeException jaadFailure) {
        Fallback opening = fallback;
        fallback = null;
        PcmSource other;
        try {
            other = opening.open();
        } catch (IOException e) {
            LOG.warn("{}: AAC frame at byte {} cannot be decoded ({}), and the fallback decoder failed too: {}",
                    fileName, offset, jaadFailure.toString(), e.getMessage());
            return false;
        }
        if (other.sampleRateHz() != sampleRateHz || other.speakers().length != speakers.length) {
            LOG.warn("{}: AAC frame at byte {} cannot be decoded ({}); {} decodes the file as {} Hz, {} channels "
                    + "instead of {} Hz, {} channels, so it is not used", fileName, offset, jaadFailure.toString(),
                    other.decoderName(), other.sampleRateHz(), other.speakers().length, sampleRateHz,
                    speakers.length);
            other.close();
            return false;
        }
        LOG.warn("{}: AAC frame at byte {} cannot be decoded by JAAD ({}); {} decodes the file from there on",
                fileName, offset, jaadFailure.toString(), other.decoderName());
        // the fallback's output starts after the priming, as this source's output does once DecodedStream drops it
        long alreadyGiven = framesDecoded - leadingFramesToDrop();
        replacement = other;
        replacementFramesToSkip = alreadyGiven;
        return true;
    }

    /** Decodes the next block of the replacement decoder into {@link #block}, past the frames already given. */
    private int decodeReplacement() throws IOException {
        if (replacementFramesToSkip < 0) {
            // JAAD failed inside the priming, which DecodedStream drops: make up the priming not yet given
            int frames = (int) Math.min(-replacementFramesToSkip, block[0].length);
            replacementFramesToSkip += frames;
            Arrays.stream(block).forEach(channel -> Arrays.fill(channel, 0, frames, 0f));
            framesDecoded += frames;
            blockFrames = frames;
            return frames;
        }
        while (true) {
            int n = replacement.decodeBlock();
            if (n <= 0) {
                return n;
            }
            int skipped = (int) Math.min(replacementFramesToSkip, n);
            replacementFramesToSkip -= skipped;
            if (skipped < n) {
                int frames = n - skipped;
                float[][] from = replacement.block();
                if (block[0].length < frames) {
                    block = new float[speakers.length][frames];
                }
                for (int c = 0; c < speakers.length; c++) {
                    System.arraycopy(from[c], skipped, block[c], 0, frames);
                }
                framesDecoded += frames;
                blockFrames = frames;
                return frames;
            }
        }
    }

    private int end(boolean truncated) throws IOException {
        if (framesDecoded == 0) {
            throw new IOException(fileName + (truncated ? ": the MP4 file ends before its first AAC frame (truncated?)"
                    : ": the MP4 AAC track holds no decodable frame"));
        }
        if (truncated) {
            LOG.warn("{}: the MP4 file ends inside its audio (truncated?); decoding stops after {} s", fileName,
                    String.format("%.2f", framesDecoded / (double) sampleRateHz));
        }
        if (corruptFrames > 1) {
            LOG.warn("{}: {} AAC frames could not be decoded and were replaced by silence", fileName, corruptFrames);
        }
        return -1;
    }

    @Override
    public void accept(List<float[]> channels, int frames, int rateHz) {
        boolean duplicatedMono = channels.size() == 2 && channels.get(0) == channels.get(1);
        int count = duplicatedMono ? 1 : channels.size();
        if (speakers == null) {
            speakers = Speaker.aacOrder(count);
            sampleRateHz = rateHz;
        }
        count = Math.min(count, speakers.length);
        if (block.length != speakers.length || block[0].length < frames) {
            block = new float[speakers.length][Math.max(frames, 2048)];
        }
        for (int c = 0; c < count; c++) {
            float[] from = channels.get(c);
            float[] to = block[c];
            for (int i = 0; i < frames; i++) {
                to[i] = from[i] * TO_UNIT;
            }
        }
        blockFrames = frames;
    }

    @Override
    public float[][] block() {
        return block;
    }

    @Override
    public void finishReading() throws IOException {
        if (replacement != null) {
            replacement.finishReading();
        }
    }

    @Override
    public void close() {
        // JAAD holds nothing beyond its tables; the stream belongs to the caller
        if (replacement != null) {
            replacement.close();
        }
    }

    /** Opens another decoder over the whole file, for when JAAD cannot decode a frame. */
    @FunctionalInterface
    interface Fallback {

        /**
         * @return the other decoder, before its first frame, its output starting after the edit list's priming
         * @throws IOException if it cannot decode the file
         */
        PcmSource open() throws IOException;
    }
}
