package org.deckhand.api.library;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes tempo and key tags, for DJ software that reads them (rekordbox, Traktor, Serato). A service; thread-safe.
 */
@ProviderType
public interface TagWriter {

    /** How the name of each copy {@link #writeTempoAndKey} writes begins, a dot first so that it is hidden. */
    String COPY_PREFIX = ".deckhand-tags-";

    /**
     * @param format a format as {@link TrackMetadata#format()} names it, such as {@code mp3}
     * @return whether this writer writes tempo and key tags into files of that format
     */
    boolean writes(String format);

    /**
     * Writes a copy of an audio file with its tempo and key tags set, leaving the file itself untouched; the copy's
     * audio data is the file's, byte for byte. The tags: ID3v2 TBPM and TKEY (MP3, AIFF, WAV), Vorbis comments BPM
     * and INITIALKEY (FLAC, Ogg Vorbis), MP4 {@code tmpo} and {@code ----:com.apple.iTunes:initialkey} (M4A). ID3v2
     * and MP4 hold the BPM as a whole number, rounded; Vorbis comments hold it with one decimal.
     *
     * @param file the audio file
     * @param bpm the tempo, in beats per minute, or {@link Double#NaN} to leave the tempo tag as it is
     * @param key the key as the tag should hold it, such as {@code Am} or {@code 8A}, or null to leave the key tag as
     *     it is
     * @return the copy: a new file in the file's folder whose name begins with {@link #COPY_PREFIX}, which the
     *     caller moves over the file or deletes
     * @throws TagWriteException if the file's format has no tags that can be written here (Opus, APE, WavPack,
     *     WMA, DSF), the file cannot be read as audio, or the copy cannot be written; no copy is left behind then
     */
    Path writeTempoAndKey(Path file, double bpm, String key) throws TagWriteException;
}
