package org.deckhand.api.library;

import java.nio.file.Path;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads a file's format, tags and audio facts without decoding its audio. A service; thread-safe.
 */
@ProviderType
public interface TagReader {

    /**
     * Detects a file's format from its content (magic bytes), not its name.
     *
     * @param file an existing file
     * @return the format, as {@link TrackMetadata#format()} names it, or empty when the content is not a format
     *     Deckhand knows
     * @throws UnreadableAudioException if the file cannot be read from disk
     */
    Optional<String> detectFormat(Path file) throws UnreadableAudioException;

    /**
     * Reads a file's metadata. Broken tags give a partial result with warnings, never an exception.
     *
     * @param file an audio file
     * @return its metadata
     * @throws UnreadableAudioException if the file is not audio in a supported format, is empty, or its audio
     *     header cannot be read
     */
    TrackMetadata read(Path file) throws UnreadableAudioException;

    /**
     * Reads the picture embedded in a file's tags, the front cover when there are several.
     *
     * @param file an audio file
     * @return the picture, or empty when there is none
     * @throws UnreadableAudioException if the file cannot be read as audio
     */
    Optional<Artwork> readArtwork(Path file) throws UnreadableAudioException;

    /**
     * Reads a track's lyrics: from an LRC file beside it with the same name ({@code Song.lrc} for {@code Song.flac}),
     * else from its tags (ID3v2 {@code USLT}, Vorbis comment {@code LYRICS} or {@code UNSYNCEDLYRICS}, MP4
     * {@code ©lyr}, APEv2 {@code Lyrics}); lyrics in either place whose lines carry LRC time tags
     * ({@code [mm:ss.xx]}) are synced.
     *
     * @param file an audio file
     * @return the lyrics, or empty when there are none
     * @throws UnreadableAudioException if the file cannot be read as audio
     * @since 1.4
     */
    Optional<Lyrics> readLyrics(Path file) throws UnreadableAudioException;
}
