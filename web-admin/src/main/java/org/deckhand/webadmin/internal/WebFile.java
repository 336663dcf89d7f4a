package org.deckhand.webadmin.internal;

/**
 * One file of the built console, held in memory: the console is small (well under a megabyte), and a bundle's
 * content never changes while the bundle is installed.
 *
 * @param content the file's bytes
 * @param gzipped the same content gzip-compressed by the build ({@code name.gz}), or {@code null} when there is none
 * @param contentType its media type, with a charset for text
 * @param etag a strong entity tag: a digest of the content, quoted
 */
record WebFile(byte[] content, byte[] gzipped, String contentType, String etag) {
}
