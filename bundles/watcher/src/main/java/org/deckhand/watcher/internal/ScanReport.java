package org.deckhand.watcher.internal;

/**
 * What one scan did.
 *
 * @param files candidate files found
 * @param added new tracks
 * @param changed tracks whose file changed
 * @param moved tracks whose file moved or was renamed
 * @param removed tracks whose file is gone, now marked missing
 * @param problems files that could not be taken in
 * @param unsettled files still being written, left for the next scan
 * @param seconds how long the scan took
 */
record ScanReport(long files, long added, long changed, long moved, long removed, long problems, long unsettled,
        double seconds) {
}
