package org.deckhand.subsonic.internal;

import java.nio.file.Path;
import java.time.Instant;
import org.deckhand.api.music.CamelotKey;

/**
 * A track as the Subsonic API shows it, read once from the catalog into a {@link LibrarySnapshot}. Fields may be
 * null (or 0 for the counts and rates) when unknown.
 *
 * @param trackId the catalog id
 * @param path the file
 * @param title its title, the file name when untagged
 * @param artist its artists as one line
 * @param album its album
 * @param albumId the id of its album in the snapshot
 * @param artistId the id of its album's artist in the snapshot
 * @param track its position on the disc
 * @param disc its disc number
 * @param year its year
 * @param genre its genre
 * @param sizeBytes the file's size in bytes
 * @param suffix the file's format, such as {@code flac}
 * @param durationSeconds playing time in seconds, 0 when unknown
 * @param bitRateKbps average bit rate in kbit/s
 * @param bitDepth bits per sample of a lossless stream, 0 for lossy ones
 * @param sampleRateHz sample rate in Hz
 * @param channels channel count
 * @param bpm tempo in beats per minute, analysed or tagged
 * @param key musical key, analysed or tagged
 * @param trackGainDb ReplayGain track gain in dB, analysed or tagged
 * @param trackPeak ReplayGain track peak, linear
 * @param albumGainDb ReplayGain album gain in dB, tagged
 * @param albumPeak ReplayGain album peak, linear
 * @param hasArtwork whether the tags hold a picture
 * @param added when it entered the library
 */
record Song(long trackId, Path path, String title, String artist, String album, String albumId, String artistId,
        Integer track, Integer disc, Integer year, String genre, long sizeBytes, String suffix, int durationSeconds,
        int bitRateKbps, int bitDepth, int sampleRateHz, int channels, Double bpm, CamelotKey key, Double trackGainDb,
        Double trackPeak, Double albumGainDb, Double albumPeak, boolean hasArtwork, Instant added) {

    /** The prefix of song ids. */
    static final String ID_PREFIX = "tr-";

    /** @return the song's id in the API, such as {@code tr-42} */
    String id() {
        return ID_PREFIX + trackId;
    }
}
