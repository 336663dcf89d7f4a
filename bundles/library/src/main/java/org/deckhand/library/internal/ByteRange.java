package org.deckhand.library.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a file, from an HTTP {@code Range} header (RFC 9110, section 14.1.2): {@code bytes=0-499},
 * {@code bytes=500-} or {@code bytes=-500}. Requests for several ranges get the whole file, which RFC 9110 allows.
 *
 * @param first the first byte, inclusive
 * @param last the last byte, inclusive
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /**
     * @return the number of bytes in the range
     */
    long length() {
        return last - first + 1;
    }

    /**
     * @param header the {@code Range} header, or null
     * @param size the file's size in bytes
     * @return the range asked for, or empty to send the whole file
     * @throws UnsatisfiableRangeException if the range lies outside the file
     */
    static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = SINGLE.matcher(header.strip());
        if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return Optional.empty();
        }
        long first;
        long last;
        if (matcher.group(1).isEmpty()) {
            long suffix = position(matcher.group(2));
            first = Math.max(0, size - suffix);
            last = size - 1;
        } else {
            first = position(matcher.group(1));
            last = matcher.group(2).isEmpty() ? size - 1 : Math.min(position(matcher.group(2)), size - 1);
        }
        if (first >= size || first > last) {
            throw new UnsatisfiableRangeException(size);
        }
        return Optional.of(new ByteRange(first, last));
    }

    /**
     * @param digits a byte position or length, decimal digits only
     * @return its value, or {@link Long#MAX_VALUE} if it is larger: beyond any file, which RFC 9110 reads as past
     *     the end (a first byte: unsatisfiable), the end (a last byte) or the whole file (a suffix length)
     */
    private static long position(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException beyondLong) {
            return Long.MAX_VALUE;
        }
    }

    /** A range that lies outside the file: HTTP 416. */
    static final class UnsatisfiableRangeException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final long size;

        UnsatisfiableRangeException(long size) {
            super("The range lies outside the file of " + size + " bytes");
            this.size = size;
        }

        long size() {
            return size;
        }
    }
}
