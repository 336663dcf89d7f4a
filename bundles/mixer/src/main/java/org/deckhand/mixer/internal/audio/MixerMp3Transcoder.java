package org.deckhand.mixer.internal.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.deckhand.api.audio.AudioDecoder;
import org.deckhand.api.audio.Mp3Transcoder;
import org.deckhand.mixer.internal.encode.Mp3Encoder;
import org.deckhand.mixer.internal.render.PcmSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The mixer's {@link Mp3Transcoder}: a track decoded by the {@link AudioDecoder}, made stereo at
 * {@value #SAMPLE_RATE_HZ} Hz as the mixer plays it ({@link DecodedSource}), and encoded by the mixer's
 * {@link Mp3Encoder}, block by block, so that a transcoding holds a few blocks of audio whatever the track's length.
 */
@Component(service = Mp3Transcoder.class)
public final class MixerMp3Transcoder implements Mp3Transcoder {

    /** The sample rate of what it writes, Hz: the mixer's, and the CD's. */
    static final int SAMPLE_RATE_HZ = 44_100;
    private static final int BLOCK_FRAMES = 4096;

    private final AudioDecoder decoder;

    /** @param decoder decodes the tracks */
    @Activate
    public MixerMp3Transcoder(@Reference AudioDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public int nearestBitRate(int kbps) {
        return Mp3Encoder.nearestBitRate(kbps);
    }

    @Override
    public void transcode(Path file, double offsetSeconds, int bitRateKbps, OutputStream out) throws IOException {
        if (!(offsetSeconds >= 0)) {
            throw new IllegalArgumentException("an offset is 0 or more seconds, not " + offsetSeconds);
        }
        Mp3Encoder encoder = new Mp3Encoder(SAMPLE_RATE_HZ, bitRateKbps);
        try (PcmSource source = new DecodedSource(decoder.open(file), SAMPLE_RATE_HZ)) {
            float[][] block = new float[2][BLOCK_FRAMES];
            long skip = Math.round(offsetSeconds * SAMPLE_RATE_HZ);
            int read = source.read(block, 0, BLOCK_FRAMES);
            while (read > 0) {
                int from = (int) Math.min(read, skip);
                skip -= from;
                if (from < read) {
                    encoder.encode(block, from, read - from, out::write);
                }
                read = source.read(block, 0, BLOCK_FRAMES);
            }
            encoder.finish(out::write);
        }
    }
}
