package org.deckhand.tags.internal;

/**
 * The container formats Deckhand recognises, with what JAudioTagger needs to read them.
 */
enum AudioFormat {
    MP3("mp3", "MP3", "mp3", "mp3", false),
    FLAC("flac", "FLAC", "flac", "flac", true),
    WAV("wav", "WAV", "wav", "pcm", true),
    AIFF("aiff", "AIFF", "aif", "pcm", true),
    OGG("ogg", "Ogg Vorbis", "ogg", "vorbis", false),
    OPUS("opus", "Opus", null, "opus", false),
    M4A("m4a", "MP4 audio", "m4a", "aac", false),
    WMA("wma", "WMA", "wma", "wma", false),
    APE("ape", "APE", null, "ape", true),
    WV("wv", "WavPack", null, "wavpack", true),
    DSF("dsf", "DSF", "dsf", "dsd", true);

    private final String id;
    private final String displayName;
    private final String jaudiotaggerExtension;
    private final String defaultCodec;
    private final boolean lossless;

    AudioFormat(String id, String displayName, String jaudiotaggerExtension, String defaultCodec,
            boolean lossless) {
        this.id = id;
        this.displayName = displayName;
        this.jaudiotaggerExtension = jaudiotaggerExtension;
        this.defaultCodec = defaultCodec;
        this.lossless = lossless;
    }

    /** @return the format as the API names it, like a file extension: {@code mp3}, {@code flac}... */
    String id() {
        return id;
    }

    /** @return the format's name for messages to the user, such as {@code "Ogg Vorbis"} */
    String displayName() {
        return displayName;
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
