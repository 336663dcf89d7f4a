package org.deckhand.renamer.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.Track;
import org.deckhand.api.library.TrackMetadata;

/** Catalog tracks made in memory, with the tags and analysis a test names. */
final class TestTracks {

    private TestTracks() {
    }

    static Tags tags(String title, String artist, String album, Integer track, Integer year) {
        return new Tags(title, artist == null ? List.of() : List.of(artist), album, null, track, null, year, null,
                null, null, null, null, null);
    }

    static CatalogTrack track(long id, Path path, Tags tags, Map<String, Object> tempo, String camelot) {
        List<AnalysisResult> analyses = new ArrayList<>();
        if (tempo != null) {
            analyses.add(new AnalysisResult("tempo", "1", tempo));
        }
        if (camelot != null) {
            analyses.add(new AnalysisResult("key", "1", Map.of("camelot", camelot)));
        }
        String name = path.getFileName().toString();
        String format = name.substring(name.lastIndexOf('.') + 1).toLowerCase();
        AudioFile file = new AudioFile(path, 1000, Instant.parse("2026-01-02T03:04:05Z"), format, "fp" + id, null);
        TrackMetadata metadata = new TrackMetadata(format, tags,
                new AudioProperties(format, 245.4, 320, 44100, 16, 2, false), ReplayGain.NONE, false, List.of());
        return new CatalogTrack(new Track(id, file, tags, 245.4, analyses), metadata,
                Instant.parse("2026-03-04T05:06:07Z"), null);
    }

    static CatalogTrack track(long id, Path path, Tags tags) {
        return track(id, path, tags, null, null);
    }
}
