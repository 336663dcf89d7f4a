package org.deckhand.subsonic.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a song's file as it is, for {@code stream} and {@code download}: whole, or the one byte range of an HTTP
 * {@code Range} header (RFC 9110 section 14), so that players seek; several ranges get the whole file.
 */
final class FileSender {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final int BUFFER_BYTES = 65_536;

    private FileSender() {
    }

    /**
     * @param file the file
     * @param contentType its media type
     * @param range the request's {@code Range} header, or null
     * @param headOnly whether to send the headers alone
     * @param response where to send it
     * @throws IOException if the file cannot be read or the client went away
     */
    static void send(Path file, String contentType, String range, boolean headOnly, HttpServletResponse response)
            throws IOException {
        long size = Files.size(file);
        long first = 0;
        long last = size - 1;
        response.setHeader("Accept-Ranges", "bytes");
        response.setContentType(contentType);
        Matcher match = range == null ? null : RANGE.matcher(range.strip());
        if (match != null && match.matches() && !(match.group(1).isEmpty() && match.group(2).isEmpty())) {
            if (match.group(1).isEmpty()) {
                first = Math.max(0, size - parse(match.group(2)));
            } else {
                first = parse(match.group(1));
                last = match.group(2).isEmpty() ? size - 1 : Math.min(size - 1, parse(match.group(2)));
            }
            if (first >= size || first > last) {
                response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
                response.setHeader("Content-Range", "bytes */" + size);
                return;
            }
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", "bytes " + first + "-" + last + "/" + size);
        }
        long length = last - first + 1;
        response.setContentLengthLong(length);
        if (headOnly) {
            return;
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file);
                InputStream in = Channels.newInputStream(channel.position(first))) {
            OutputStream out = response.getOutputStream();
            byte[] buffer = new byte[BUFFER_BYTES];
            long left = length;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    break;
                }
                out.write(buffer, 0, read);
                left -= read;
            }
        }
    }

    private static long parse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
