package org.deckhand.watcher.internal;

import java.nio.file.Path;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.AudioFile;

/**
 * What a scan keeps of a catalog track while it compares the catalog with the music folders: a few fields, instead of
 * the whole track with its tags and analysis results, so that a rescan of a large library holds little.
 *
 * @param id the track's id
 * @param path its file's path, absolute
 * @param sizeBytes its file's size in bytes, as last taken in
 * @param modifiedMillis its file's modification time, in milliseconds since the epoch, as last taken in
 * @param missing whether the track is already marked missing
 * @param fastFingerprint its file's fast fingerprint ({@link FastFingerprint}), or null when it has none
 */
record KnownTrack(long id, Path path, long sizeBytes, long modifiedMillis, boolean missing, String fastFingerprint) {

    /**
     * @param track a track from the catalog
     * @return what a scan keeps of it
     */
    static KnownTrack of(CatalogTrack track) {
        AudioFile file = track.track().file();
        return new KnownTrack(track.id(), file.path(), file.sizeBytes(), file.modified().toEpochMilli(),
                track.missingSince() != null, file.fastFingerprint());
    }

    /**
     * @param stamp a file's size and modification time as a walk found them
     * @return whether they are those the catalog holds
     */
    boolean hasStamp(FileStamp stamp) {
        return sizeBytes == stamp.sizeBytes() && modifiedMillis == stamp.modified().toEpochMilli();
    }
}
