package org.deckhand.decoder.internal;

import java.nio.ByteBuffer;

/**
 * Reads the elementary stream descriptor of an MP4 {@code esds} box (ISO/IEC 14496-1 section 7.2.6: ES_Descriptor,
 * DecoderConfigDescriptor, DecoderSpecificInfo): the object type, and the AudioSpecificConfig an AAC decoder starts
 * from.
 */
final class Esds {

    private static final int ES_DESCRIPTOR = 0x03;
    private static final int DECODER_CONFIG_DESCRIPTOR = 0x04;
    private static final int DECODER_SPECIFIC_INFO = 0x05;
    private static final int DECODER_CONFIG_FIXED_BYTES = 13;
    /** Object types of AAC: MPEG-4 audio, and the MPEG-2 AAC Main, LC and SSR profiles. */
    private static final int[] AAC_OBJECT_TYPES = {0x40, 0x66, 0x67, 0x68};

    private Esds() {
    }

    /**
     * @param b the buffer holding the box
     * @param at the first descriptor, after the box's version and flags
     * @param end the end of the box
     * @return whether the descriptor's object type is AAC (rather than MP3 in MP4, say)
     */
    static boolean isAac(ByteBuffer b, int at, int end) {
        Descriptor config = find(b, at, end, DECODER_CONFIG_DESCRIPTOR);
        if (config == null) {
            return false;
        }
        int objectType = b.get(config.body) & 0xFF;
        for (int aac : AAC_OBJECT_TYPES) {
            if (objectType == aac) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param b the buffer holding the box
     * @param at the first descriptor, after the box's version and flags
     * @param end the end of the box
     * @return the AudioSpecificConfig bytes, or null when the descriptor has none
     */
    static byte[] audioSpecificConfig(ByteBuffer b, int at, int end) {
        Descriptor config = find(b, at, end, DECODER_CONFIG_DESCRIPTOR);
        if (config == null) {
            return null;
        }
        Descriptor info = find(b, config.body + DECODER_CONFIG_FIXED_BYTES, end, DECODER_SPECIFIC_INFO);
        if (info == null) {
            return null;
        }
        byte[] bytes = new byte[Math.max(0, Math.min(info.length, end - info.body))];
        b.get(info.body, bytes);
        return bytes;
    }

    /** Finds a descriptor by tag, descending into the ES_Descriptor; null if there is none. */
    private static Descriptor find(ByteBuffer b, int at, int end, int wantedTag) {
        while (at + 2 <= end) {
            int tag = b.get(at) & 0xFF;
            int p = at + 1;
            int length = 0;
            for (int i = 0; i < 4 && p < end; i++) {
                int v = b.get(p++) & 0xFF;
                length = (length << 7) | (v & 0x7F);
                if ((v & 0x80) == 0) {
                    break;
                }
            }
            if (tag == wantedTag) {
                return new Descriptor(p, length);
            }
            if (tag == ES_DESCRIPTOR && p + 3 <= end) {
                int flags = b.get(p + 2) & 0xFF;
                int inner = p + 3 + ((flags & 0x80) != 0 ? 2 : 0);
                if ((flags & 0x40) != 0 && inner < end) {
                    inner += 1 + (b.get(inner) & 0xFF);
                }
                at = inner + ((flags & 0x20) != 0 ? 2 : 0);
            } else {
                at = p + length;
            }
        }
        return null;
    }

    /** A descriptor's body offset and length, bytes. */
    private record Descriptor(int body, int length) {
    }
}
