package org.deckhand.decoder.internal;

import java.nio.charset.StandardCharsets;

/**
 * The information frame an encoder puts before the audio of an MP3 file: the Xing/Info tag (frame count) with the
 * LAME extension (encoder delay and end padding, "LAME tag" specification rev. 1, Gabriel Bouvigne; read the same way
 * as ffmpeg's {@code mp3_parse_info_tag}), or a Fraunhofer VBRI tag. Such a frame holds no audio.
 *
 * @param isInfoFrame the first frame is an information frame, to be skipped
 * @param frames the file's audio frames, or -1 when the tag does not say
 * @param encoderDelay samples the encoder added before the audio, or -1 when no LAME tag says
 * @param endPadding samples the encoder added after the audio, or -1 when no LAME tag says
 */
record XingFrame(boolean isInfoFrame, long frames, int encoderDelay, int endPadding) {

    /** The delay of the MP3 synthesis filterbank, in samples, that decoders add to the encoder's delay. */
    static final int DECODER_DELAY = 529;

    private static final XingFrame NONE = new XingFrame(false, -1, -1, -1);

    /**
     * @param frame the first frame's bytes, from its header on
     * @return what its tag says, or a value whose {@link #isInfoFrame()} is false
     */
    static XingFrame parse(byte[] frame) {
        if (frame.length < 4) {
            return NONE;
        }
        boolean mpeg1 = (frame[1] & 0x18) == 0x18;
        boolean mono = (frame[3] & 0xC0) == 0xC0;
        int xing = 4 + (mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17));
        if (ascii(frame, 36, "VBRI")) {
            return new XingFrame(true, -1, -1, -1);
        }
        if (!ascii(frame, xing, "Xing") && !ascii(frame, xing, "Info")) {
            return NONE;
        }
        int flags = int32(frame, xing + 4);
        int at = xing + 8;
        long frames = -1;
        if ((flags & 1) != 0) {
            frames = int32(frame, at) & 0xFFFFFFFFL;
            at += 4;
        }
        at += (flags & 2) != 0 ? 4 : 0;
        at += (flags & 4) != 0 ? 100 : 0;
        at += (flags & 8) != 0 ? 4 : 0;
        boolean lame = ascii(frame, at, "LAME") || ascii(frame, at, "Lavf") || ascii(frame, at, "Lavc");
        int delayAndPadding = at + 21;
        if (!lame || delayAndPadding + 3 > frame.length) {
            return new XingFrame(true, frames, -1, -1);
        }
        int v = ((frame[delayAndPadding] & 0xFF) << 16) | ((frame[delayAndPadding + 1] & 0xFF) << 8)
                | (frame[delayAndPadding + 2] & 0xFF);
        return new XingFrame(true, frames, v >>> 12, v & 0xFFF);
    }

    /**
     * @return whether the tag gives the encoder delay and padding, for gapless decoding
     */
    boolean isGapless() {
        return encoderDelay >= 0 && frames >= 0;
    }

    private static int int32(byte[] b, int at) {
        if (at + 4 > b.length) {
            return 0;
        }
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static boolean ascii(byte[] b, int at, String text) {
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        if (at + t.length > b.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            if (b[at + i] != t[i]) {
                return false;
            }
        }
        return true;
    }
}
