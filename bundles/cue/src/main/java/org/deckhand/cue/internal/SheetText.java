package org.deckhand.cue.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.deckhand.api.cue.MalformedCueSheetException;

/**
 * A sheet's bytes as text: UTF-8 after an optional byte-order mark, UTF-16 after its byte-order mark, and
 * Windows-1252 for a file that is not valid UTF-8 (bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D, undefined there, become
 * U+FFFD).
 */
final class SheetText {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private SheetText() {
    }

    /**
     * @param source the sheet's name, for messages
     * @param bytes its bytes
     * @return its text
     * @throws MalformedCueSheetException if it holds NUL bytes outside UTF-16: it is not a text file
     */
    static String decode(String source, byte[] bytes) throws MalformedCueSheetException {
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new MalformedCueSheetException(source, 0, "not a text file (it holds NUL bytes)");
            }
        }
        int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        ByteBuffer text = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(text).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, start, bytes.length - start, WINDOWS_1252);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
