package org.deckhand.api.library;

import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link TagReader} learns from a file without decoding its audio.
 *
 * @param format the container format, detected from the content: {@code mp3}, {@code flac}, {@code wav},
 *     {@code aiff}, {@code ogg}, {@code opus}, {@code m4a}, {@code wma}, {@code ape}, {@code wv}, {@code dsf}
 * @param tags the descriptive tags; {@link Tags#NONE} when the file has none or they are unreadable
 * @param audio the audio stream's facts
 * @param replayGain ReplayGain values from the tags
 * @param hasArtwork whether the tags hold a picture, which {@link TagReader#readArtwork} returns
 * @param warnings what was wrong but did not stop the reading, each naming the problem for the user, such as
 *     {@code "ID3v2 tag is corrupt; tags ignored"}; empty when all went well
 */
public record TrackMetadata(String format, Tags tags, AudioProperties audio, ReplayGain replayGain,
        boolean hasArtwork, List<String> warnings) {

    /**
     * @throws NullPointerException if any argument but {@code warnings} is null
     */
    public TrackMetadata {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(replayGain, "replayGain");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
