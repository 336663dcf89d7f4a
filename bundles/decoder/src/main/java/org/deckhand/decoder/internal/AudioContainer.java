package org.deckhand.decoder.internal;

/** What a file holds, as {@link FormatSniffer} recognises it from its first bytes. */
enum AudioContainer {
    MP3("MPEG audio"),
    FLAC("FLAC"),
    WAVE("WAV"),
    AIFF("AIFF"),
    OGG_VORBIS("Ogg Vorbis"),
    OPUS("Opus"),
    OGG_OTHER("Ogg"),
    MP4("MP4"),
    AAC_ADTS("AAC (ADTS)"),
    WMA("WMA"),
    APE("Monkey's Audio"),
    WAVPACK("WavPack"),
    DSD("DSD"),
    MUSEPACK("Musepack"),
    CAF("Core Audio Format"),
    TTA("True Audio"),
    /** Bytes no magic number matches, that ffmpeg may still know. */
    UNKNOWN("unrecognised"),
    /** Text, not audio. */
    TEXT("text"),
    /** A file of zero bytes. */
    EMPTY("empty");

    private final String displayName;

    AudioContainer(String displayName) {
        this.displayName = displayName;
    }

    /**
     * @return the format's name for messages, such as {@code Opus}
     */
    String displayName() {
        return displayName;
    }
}
