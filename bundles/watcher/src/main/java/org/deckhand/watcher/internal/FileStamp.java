package org.deckhand.watcher.internal;

import java.time.Instant;

/**
 * What a directory listing tells of a file, enough to see that it did not change since the last scan.
 *
 * @param sizeBytes its size in bytes
 * @param modified its last modification time, to the millisecond as the catalog keeps it
 */
record FileStamp(long sizeBytes, Instant modified) {
}
