package org.deckhand.tags.internal;

import java.util.Optional;
import org.deckhand.media.MediaFormat;

/**
 * The formats whose tags and audio facts Deckhand reads, with what JAudioTagger needs to read them; their ids and names
 * are those of the detected {@link MediaFormat}.
 */
enum AudioFormat {
    MP3(MediaFormat.MP3, "mp3", "mp3", false),
    FLAC(MediaFormat.FLAC, "flac", "flac", true),
    WAV(MediaFormat.WAVE, "wav", "pcm", true),
    AIFF(MediaFormat.AIFF, "aif", "pcm", true),
    OGG(MediaFormat.OGG_VORBIS, "ogg", "vorbis", false),
    OPUS(MediaFormat.OPUS, null, "opus", false),
    M4A(MediaFormat.MP4, "m4a", "aac", false),
    WMA(MediaFormat.WMA, "wma", "wma", false),
    APE(MediaFormat.APE, null, "ape", true),
    WV(MediaFormat.WAVPACK, null, "wavpack", true),
    DSF(MediaFormat.DSF, "dsf", "dsd", true);

    private final MediaFormat mediaFormat;
    private final String jaudiotaggerExtension;
    private final String defaultCodec;
    private final boolean lossless;

    AudioFormat(MediaFormat mediaFormat, String jaudiotaggerExtension, String defaultCodec, boolean lossless) {
        this.mediaFormat = mediaFormat;
        this.jaudiotaggerExtension = jaudiotaggerExtension;
        this.defaultCodec = defaultCodec;
        this.lossless = lossless;
    }

    /**
     * @param detected a file's format as detected from its content
     * @return the format whose tags are read, or empty when Deckhand reads no tags of that format
     */
    static Optional<AudioFormat> of(MediaFormat detected) {
        for (AudioFormat format : values()) {
            if (format.mediaFormat == detected) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** @return the format as the API names it, like a file extension: {@code mp3}, {@code flac}... */
    String id() {
        return mediaFormat.id();
    }

    /** @return the format's name for messages to the user, such as {@code "Ogg Vorbis"} */
    String displayName() {
        return mediaFormat.displayName();
    }

    /** @return the extension that selects JAudioTagger's reader for this format, or null when it has none */
    String jaudiotaggerExtension() {
        return jaudiotaggerExtension;
    }

    /** @return whether JAudioTagger can read this format */
    boolean readByJaudiotagger() {
        return jaudiotaggerExtension != null;
    }

    /** @return the codec this container usually holds, in lower case as {@code AudioProperties} names it */
    String defaultCodec() {
        return defaultCodec;
    }

    /** @return whether that codec is lossless */
    boolean lossless() {
        return lossless;
    }
}
