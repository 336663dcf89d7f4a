package org.deckhand.media;

import java.util.Optional;

/**
 * What a file holds, as {@link FormatDetector} recognises it from its content: the container, and for Ogg the codec
 * its first packet names. The {@linkplain #id() id} is the name the catalog and the API give the format.
 */
public enum MediaFormat {
    MP3("mp3", "MP3"),
    FLAC("flac", "FLAC"),
    WAVE("wav", "WAV"),
    AIFF("aiff", "AIFF"),
    OGG_VORBIS("ogg", "Ogg Vorbis"),
    OPUS("opus", "Opus"),
    /** An Ogg stream whose first packet is neither Vorbis nor Opus (Ogg FLAC, Speex, Theora...). */
    OGG_OTHER("ogg-other", "Ogg"),
    /** An ISO base media file whose {@code ftyp} box names an audio or a generic brand. */
    MP4("m4a", "MP4 audio"),
    /** An ISO base media file whose {@code ftyp} box names only other brands (QuickTime, video). */
    MP4_OTHER("mp4", "MP4"),
    AAC_ADTS("aac", "AAC (ADTS)"),
    WMA("wma", "WMA"),
    APE("ape", "Monkey's Audio"),
    WAVPACK("wv", "WavPack"),
    /** Sony's DSD Stream File ({@code DSD } chunk). */
    DSF("dsf", "DSF"),
    /** Philips' DSD Interchange File Format ({@code FRM8} form of type {@code DSD }). */
    DFF("dff", "DSDIFF"),
    MUSEPACK("mpc", "Musepack"),
    CAF("caf", "Core Audio Format"),
    TTA("tta", "True Audio"),
    /** Bytes no magic number matches, that ffmpeg may still know. */
    UNKNOWN("unknown", "unrecognised"),
    /** Text, not audio. */
    TEXT("text", "text"),
    /** A file of zero bytes. */
    EMPTY("empty", "empty");

    private final String id;
    private final String displayName;

    MediaFormat(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** @return the format's name in the catalog and the API, like a file extension: {@code mp3}, {@code flac}... */
    public String id() {
        return id;
    }

    /** @return the format's name for messages to the user, such as {@code "Ogg Vorbis"} */
    public String displayName() {
        return displayName;
    }

    /** @return whether the file holds audio in a format recognised by its magic, not unknown bytes, text or nothing */
    public boolean isAudio() {
        return this != UNKNOWN && this != TEXT && this != EMPTY;
    }

    /**
     * @param id a format's {@linkplain #id() id}, as the catalog stores it
     * @return the audio format of that id; empty when no format has it, or it is not one of audio
     */
    public static Optional<MediaFormat> ofId(String id) {
        for (MediaFormat format : values()) {
            if (format.id.equals(id) && format.isAudio()) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
