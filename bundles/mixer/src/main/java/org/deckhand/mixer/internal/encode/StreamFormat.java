package org.deckhand.mixer.internal.encode;

import java.util.Locale;
import java.util.Optional;

/** The audio formats a mix is streamed and rendered in, with their file extensions and media types. */
public enum StreamFormat {

    /** MPEG-1 Layer III, constant bit rate. */
    MP3("mp3", "audio/mpeg"),
    /** Free Lossless Audio Codec, 16 bits. */
    FLAC("flac", "audio/flac"),
    /** RIFF WAVE, 16-bit PCM. */
    WAV("wav", "audio/wav");

    private final String extension;
    private final String mediaType;

    StreamFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** @return the file extension, without the dot, such as {@code mp3} */
    public String extension() {
        return extension;
    }

    /** @return the media type, such as {@code audio/mpeg} */
    public String mediaType() {
        return mediaType;
    }

    /**
     * @param extension a file extension such as {@code mp3}, in any case
     * @return the format, if there is one with that extension
     */
    public static Optional<StreamFormat> ofExtension(String extension) {
        for (StreamFormat format : values()) {
            if (format.extension.equals(extension.toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
