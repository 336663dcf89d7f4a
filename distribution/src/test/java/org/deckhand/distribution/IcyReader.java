package org.deckhand.distribution;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a stream with ICY metadata into its audio and its titles, as a SHOUTcast-compatible player does: after
 * every {@code icy-metaint} audio bytes comes one length byte L, then L × 16 bytes of metadata such as
 * {@code StreamTitle='Artist - Title';} padded with NULs (L = 0 when nothing changed).
 */
final class IcyReader {

    private static final Pattern STREAM_TITLE = Pattern.compile("StreamTitle='(.*?)';(?=Stream|$)");

    /**
     * A title as the stream announced it.
     *
     * @param audioBytes how many audio bytes came before it
     * @param text the title, {@code Artist - Title}
     */
    record Title(long audioBytes, String text) {
    }

    private final InputStream in;
    private final int metaInterval;
    private final List<Title> titles = new ArrayList<>();
    private int untilMetadata;
    private long audioBytes;

    /**
     * @param in the response body, from its first byte
     * @param metaInterval the {@code icy-metaint} header's value, in bytes
     */
    IcyReader(InputStream in, int metaInterval) {
        this.in = in;
        this.metaInterval = metaInterval;
        this.untilMetadata = metaInterval;
    }

    /**
     * Reads audio bytes, never more than up to the next metadata block, whose title it keeps.
     *
     * @param buffer where the audio goes
     * @return how many audio bytes were read, -1 at the end of the stream
     * @throws IOException if the connection fails or a metadata block is cut short
     */
    int read(byte[] buffer) throws IOException {
        if (untilMetadata == 0) {
            if (!readMetadata()) {
                return -1;
            }
            untilMetadata = metaInterval;
        }
        int read = in.read(buffer, 0, Math.min(buffer.length, untilMetadata));
        if (read > 0) {
            untilMetadata -= read;
            audioBytes += read;
        }
        return read;
    }

    /** @return each title announced so far that differs from the one before, with the audio bytes before it */
    List<Title> titles() {
        return List.copyOf(titles);
    }

    private boolean readMetadata() throws IOException {
        int length = in.read();
        if (length < 0) {
            return false;
        }
        byte[] block = in.readNBytes(length * 16);
        if (block.length < length * 16) {
            throw new EOFException("the stream ended inside an ICY metadata block of " + length * 16 + " bytes");
        }
        if (length > 0) {
            String text = new String(block, StandardCharsets.UTF_8).replace("\0", "");
            Matcher title = STREAM_TITLE.matcher(text);
            if (!title.find()) {
                throw new IOException("an ICY metadata block without a StreamTitle: " + text);
            }
            if (titles.isEmpty() || !titles.get(titles.size() - 1).text().equals(title.group(1))) {
                titles.add(new Title(audioBytes, title.group(1)));
            }
        }
        return true;
    }
}
