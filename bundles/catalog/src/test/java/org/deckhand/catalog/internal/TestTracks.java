package org.deckhand.catalog.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.TrackMetadata;

/** Files and tags for the catalog's tests. */
final class TestTracks {

    private TestTracks() {
    }

    static AudioFile file(String path, String fingerprint) {
        return new AudioFile(Path.of(path), 1000, Instant.parse("2026-01-02T03:04:05Z"),
                path.substring(path.lastIndexOf('.') + 1), fingerprint, null);
    }

    static TrackMetadata metadata(String format) {
        return new TrackMetadata(format, Tags.NONE, new AudioProperties(format, 60.0, 320, 44_100, 0, 2, false),
                ReplayGain.NONE, false, List.of());
    }
}
