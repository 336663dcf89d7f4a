package org.deckhand.watcher.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

/** File names as the file system stores them, bytes and not only Java's reading of them. */
final class FileNames {

    private FileNames() {
    }

    /**
     * @param file a file, as a walk of its folder gave it (which keeps the bytes of its name)
     * @return its name, with each byte that is not part of a valid UTF-8 sequence written {@code \xNN}
     */
    static String escaped(Path file) {
        byte[] name = rawName(file);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length; ) {
            int length = sequenceLength(name, i);
            if (length > 0) {
                out.append(new String(name, i, length, StandardCharsets.UTF_8));
                i += length;
            } else {
                out.append("\\x").append(HexFormat.of().withUpperCase().toHexDigits(name[i]));
                i++;
            }
        }
        return out.toString();
    }

    /** The name's bytes, from its URI, in which the file system's bytes are percent-encoded (RFC 3986, 2.1). */
    private static byte[] rawName(Path file) {
        String path = file.toUri().getRawPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '%' && i + 2 < name.length()) {
                bytes.write(HexFormat.fromHexDigits(name, i + 1, i + 3));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    /** @return the length of the valid UTF-8 sequence (RFC 3629, section 4) at {@code at}, or 0 */
    private static int sequenceLength(byte[] bytes, int at) {
        int lead = bytes[at] & 0xFF;
        int length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
        if (length == 0 || at + length > bytes.length) {
            return 0;
        }
        for (int i = 1; i < length; i++) {
            if ((bytes[at + i] & 0xC0) != 0x80) {
                return 0;
            }
        }
        String decoded = new String(bytes, at, length, StandardCharsets.UTF_8);
        return decoded.indexOf('\uFFFD') < 0 ? length : 0;
    }
}
