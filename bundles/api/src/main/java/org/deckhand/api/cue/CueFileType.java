package org.deckhand.api.cue;

import java.util.Locale;

/**
 * The type a CUE sheet's {@code FILE "name" TYPE} line gives the recording, as the CDRWIN syntax defines them.
 * FLAC, Ogg, Opus and other compressed files that decode to PCM are {@code WAVE}, as EAC, foobar2000 and
 * cuetools write them: readers decode the file by its content and take the type only to tell audio from a disc image.
 */
public enum CueFileType {
    /** PCM audio, and any lossless or lossy file a player decodes to PCM (WAV, FLAC, Ogg, Opus, M4A...). */
    WAVE,
    /** MPEG audio layer 3. */
    MP3,
    /** AIFF, big-endian PCM. */
    AIFF;

    /**
     * @param fileName a recording's file name
     * @return its type by the name's extension: {@code .mp3} is {@link #MP3}, {@code .aif}/{@code .aiff}/{@code .aifc}
     *     is {@link #AIFF}, anything else {@link #WAVE}
     */
    public static CueFileType of(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".mp3")) {
            return MP3;
        }
        if (name.endsWith(".aif") || name.endsWith(".aiff") || name.endsWith(".aifc")) {
            return AIFF;
        }
        return WAVE;
    }
}
