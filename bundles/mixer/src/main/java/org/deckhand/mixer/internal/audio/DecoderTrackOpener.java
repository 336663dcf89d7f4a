package org.deckhand.mixer.internal.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongFunction;
import org.deckhand.api.audio.AudioDecoder;
import org.deckhand.api.audio.DecodedAudio;
import org.deckhand.mixer.internal.render.PcmSource;
import org.deckhand.mixer.internal.render.TrackOpener;
import org.deckhand.mixer.internal.track.TrackFacts;

/**
 * Opens tracks through the {@link AudioDecoder} service: any format it reads, at the mix's sample rate, in stereo.
 */
public final class DecoderTrackOpener implements TrackOpener {

    private final AudioDecoder decoder;
    private final LongFunction<Path> files;
    private final int sampleRateHz;

    /**
     * @param decoder decodes the files
     * @param files each track's file by track id, or null for a track the library no longer holds
     * @param sampleRateHz the mix's sample rate, Hz
     */
    public DecoderTrackOpener(AudioDecoder decoder, LongFunction<Path> files, int sampleRateHz) {
        this.decoder = decoder;
        this.files = files;
        this.sampleRateHz = sampleRateHz;
    }

    @Override
    public PcmSource open(TrackFacts track) throws IOException {
        Path file = files.apply(track.id());
        if (file == null) {
            throw new IOException("track " + track.id() + " (" + track.displayName() + ") is no longer in the library");
        }
        DecodedAudio audio = decoder.open(file);
        try {
            return new DecodedSource(audio, sampleRateHz);
        } catch (RuntimeException e) {
            audio.close();
            throw new IOException("cannot play " + file + ": " + e.getMessage(), e);
        }
    }
}
