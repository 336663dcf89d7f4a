package org.deckhand.api.audio;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Decodes audio files to PCM. A service; thread-safe: every call opens an independent stream.
 *
 * <p>MP3, FLAC, WAV, AIFF, Ogg Vorbis and AAC in MP4 are decoded in pure Java; other formats (Opus, ALAC, WMA, APE,
 * WavPack, DSF) through ffmpeg when the machine has it.
 */
@ProviderType
public interface AudioDecoder {

    /**
     * Opens a file for decoding. The file is read once, front to back: the same read feeds the decoder and the
     * SHA-256 of the file's bytes.
     *
     * @param file the audio file
     * @return the open stream, positioned before the first frame; the caller closes it
     * @throws UnsupportedAudioException if no decoder on this machine reads the file's format, or its content is not
     *     audio that any decoder recognises; the message names the file and the reason
     * @throws IOException if the file cannot be read
     */
    DecodedAudio open(Path file) throws UnsupportedAudioException, IOException;

    /**
     * Opens a file for decoding like {@link #open}, but hands the samples out as the codec produced them: those of a
     * lossy codec (MP3, Vorbis, AAC, Opus) or of floating-point PCM may exceed [-1, 1] where the encoder overshot
     * full scale, as ffmpeg and ReplayGain scanners decode them. For measuring loudness and peaks; a player would
     * clip them.
     *
     * @param file the audio file
     * @return the open stream, positioned before the first frame; the caller closes it
     * @throws UnsupportedAudioException if no decoder on this machine reads the file's format, or its content is not
     *     audio that any decoder recognises; the message names the file and the reason
     * @throws IOException if the file cannot be read
     * @since 1.1
     */
    DecodedAudio openUnclipped(Path file) throws UnsupportedAudioException, IOException;

    /**
     * Opens a file for decoding like {@link #open(Path)}, trusting the format that the scan detected and the catalog
     * stores ({@link org.deckhand.api.library.AudioFile#format()}) instead of recognising it from the content again.
     * When the file does not decode as that format (it was replaced since the scan), the format is recognised from
     * the content, as by {@link #open(Path)}, and a warning names the file and both formats. The default
     * implementation recognises the format from the content only.
     *
     * @param file the audio file
     * @param format the format the catalog stores for it, such as {@code mp3} or {@code flac}; a name no format has
     *     is not trusted
     * @return the open stream, positioned before the first frame; the caller closes it
     * @throws UnsupportedAudioException if no decoder on this machine reads the file's format, or its content is not
     *     audio that any decoder recognises; the message names the file and the reason
     * @throws IOException if the file cannot be read
     * @since 1.3
     */
    default DecodedAudio open(Path file, String format) throws UnsupportedAudioException, IOException {
        return open(file);
    }

    /**
     * Opens a file for decoding like {@link #openUnclipped(Path)}, trusting the stored format as {@link #open(Path,
     * String)} does. The default implementation recognises the format from the content only.
     *
     * @param file the audio file
     * @param format the format the catalog stores for it, such as {@code mp3} or {@code flac}
     * @return the open stream, positioned before the first frame; the caller closes it
     * @throws UnsupportedAudioException if no decoder on this machine reads the file's format, or its content is not
     *     audio that any decoder recognises; the message names the file and the reason
     * @throws IOException if the file cannot be read
     * @since 1.3
     */
    default DecodedAudio openUnclipped(Path file, String format) throws UnsupportedAudioException, IOException {
        return openUnclipped(file);
    }
}
