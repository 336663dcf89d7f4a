package org.deckhand.rest.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds every request body that the API reads into an object (a JSON document, text, bytes), in one place for
 * every resource: a body that declares a larger {@code Content-Length} is refused before a byte of it is read, and
 * one sent without a length (chunked) is refused as soon as it grows past the limit, with 413 Content Too Large
 * (RFC 9110 section 15.5.14) naming the limit. A resource method that takes the body as an {@link InputStream} reads
 * it itself and enforces its own limit, as plugin uploads do. The limit can change while the API serves.
 */
@Priority(Priorities.ENTITY_CODER)
final class BodySizeLimit implements ReaderInterceptor {

    private volatile long maxBytes;

    /** @param maxBytes the largest body, in bytes */
    BodySizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** @param maxBytes the largest body from now on, in bytes */
    void setMaxBytes(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** @return the largest body, in bytes */
    long maxBytes() {
        return maxBytes;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (InputStream.class.isAssignableFrom(context.getType())) {
            return context.proceed();
        }
        long limit = maxBytes;
        String declared = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declaredLength(declared) > limit) {
            throw tooLarge(limit);
        }
        BoundedInputStream bounded = new BoundedInputStream(context.getInputStream(), limit);
        context.setInputStream(bounded);
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            if (bounded.exceeded) {
                throw tooLarge(limit);
            }
            throw e;
        }
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException malformed) {
            // The HTTP server refuses a malformed Content-Length before the API sees the request.
            return -1;
        }
    }

    private static ClientErrorException tooLarge(long limit) {
        return new ClientErrorException("The request body is larger than " + limit + " bytes (" + limit / 1024
                + " KiB), the most the API reads; the limit is the setting maxBodyKibibytes of "
                + RestConfiguration.PID + ".", Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    /** Passes a body through until more than the limit has come, then fails every read. */
    private static final class BoundedInputStream extends FilterInputStream {

        private final long limit;
        private long count;
        private boolean exceeded;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            failIfExceeded();
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            failIfExceeded();
            int read = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            failIfExceeded();
            long skipped = super.skip(Math.min(n, limit - count + 1));
            counted(skipped);
            return skipped;
        }

        private void counted(long bytes) throws IOException {
            count += bytes;
            exceeded = count > limit;
            failIfExceeded();
        }

        private void failIfExceeded() throws IOException {
            if (exceeded) {
                throw new IOException("the request body is larger than " + limit + " bytes");
            }
        }
    }
}
