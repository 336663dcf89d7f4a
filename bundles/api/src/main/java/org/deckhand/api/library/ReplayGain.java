package org.deckhand.api.library;

/**
 * ReplayGain values written in a file's tags (ReplayGain 1.0 or 2.0; REPLAYGAIN_* Vorbis comments, ID3 TXXX
 * frames, MP4 freeform atoms). Each may be {@code null} when the file does not carry it.
 *
 * @param trackGainDb gain to apply to the track, in dB
 * @param trackPeak the track's peak sample, linear, 1.0 being full scale
 * @param albumGainDb gain to apply to the album, in dB
 * @param albumPeak the album's peak sample, linear
 */
public record ReplayGain(Double trackGainDb, Double trackPeak, Double albumGainDb, Double albumPeak) {

    /** A file without ReplayGain tags. */
    public static final ReplayGain NONE = new ReplayGain(null, null, null, null);
}
