package org.deckhand.decoder.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one stream a file is read through: every byte read from the file, whichever decoder consumes it, also goes
 * through a SHA-256 digest, so that the file's hash comes out of the same read that decodes it. Decoders read it
 * through a {@link java.io.BufferedInputStream}; bytes that buffer reads ahead are hashed once, when they leave the
 * file.
 */
final class DigestingInputStream extends InputStream {

    private static final int DRAIN_BUFFER_BYTES = 64 * 1024;

    private final InputStream file;
    private final MessageDigest digest;
    private String hex;

    /**
     * @param file the file's stream, positioned at its first byte; closed by {@link #close()}
     */
    DigestingInputStream(InputStream file) {
        this.file = file;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = file.read();
        if (b >= 0) {
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        int n = file.read(into, offset, length);
        if (n > 0) {
            digest.update(into, offset, n);
        }
        return n;
    }

    /**
     * Reads the rest of the file through the digest and returns the SHA-256 of all its bytes. Later calls return the
     * same value.
     *
     * @return the digest in lower-case hex
     * @throws IOException if the rest of the file cannot be read
     */
    String finish() throws IOException {
        if (hex == null) {
            byte[] buffer = new byte[DRAIN_BUFFER_BYTES];
            while (read(buffer, 0, buffer.length) >= 0) {
                // each read went through the digest
            }
            hex = HexFormat.of().formatHex(digest.digest());
        }
        return hex;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
