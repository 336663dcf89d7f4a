package org.deckhand.decoder.internal;

/**
 * Thrown by a pure-Java reader that recognised its container but not the codec inside (a compressed WAV, an Ogg FLAC
 * stream, ALAC in MP4): the file goes to ffmpeg instead.
 */
final class FfmpegRequiredException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param codecName the codec's name for messages, such as {@code ALAC}
     */
    FfmpegRequiredException(String codecName) {
        super(codecName, null, false, false);
    }

    /**
     * @return the codec's name for messages
     */
    String codecName() {
        return getMessage();
    }
}
