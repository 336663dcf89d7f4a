package org.deckhand.library.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.BadRequestException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deckhand.api.analysis.AnalysisResult;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.AudioFile;
import org.deckhand.api.library.AudioProperties;
import org.deckhand.api.library.BuiltInAnalysers;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.library.Tags;
import org.deckhand.api.library.Track;
import org.deckhand.api.library.TrackMetadata;
import org.deckhand.api.music.CamelotKey;
import org.deckhand.api.search.SearchPage;
import org.deckhand.api.search.TrackIndex;
import org.junit.jupiter.api.Test;

class CompatibleTracksResourceTest {

    /** Parameters are checked before the catalog is asked, so none is needed here. */
    private final CompatibleTracksResource resource = new CompatibleTracksResource(null, null);

    @Test
    void aBpmWindowThatIsNotANumberInRangeIsABadRequestNamingIt() {
        for (double window : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.4, 51}) {
            BadRequestException refused = assertThrows(BadRequestException.class,
                    () -> resource.compatible(1, window, 20), Double.toString(window));
            assertTrue(refused.getMessage().startsWith("bpmWindow"), refused.getMessage());
        }
        BadRequestException limit = assertThrows(BadRequestException.class, () -> resource.compatible(1, 6, 0));
        assertTrue(limit.getMessage().startsWith("limit"), limit.getMessage());
    }

    @Test
    void copiesOfOneRecordingInOtherFormatsMixWellNextOnceAndNeverAfterThemselves() {
        Map<Long, CatalogTrack> tracks = new LinkedHashMap<>();
        add(tracks, 1, "Seed", "Opening", 240.0, "flac");
        add(tracks, 2, "Seed", "Opening", 240.6, "mp3");
        add(tracks, 3, "Seed", "opening ", 239.1, "opus");
        add(tracks, 4, "Other", "Second", 300.0, "wav");
        add(tracks, 5, "Other", "Second", 301.5, "mp3");
        add(tracks, 6, "Other", "Second (Extended Mix)", 420.0, "flac");
        List<Long> ids = resource(tracks).compatible(1, 6, 20).stream()
                .map(found -> found.track().id()).sorted().toList();

        assertEquals(2, ids.size(), "one copy of Second and the extended mix: " + ids);
        assertTrue(ids.get(0) == 4 || ids.get(0) == 5, ids.toString());
        assertEquals(6L, ids.get(1));
    }

    @Test
    void theTracksAreListedAsADjWouldPickThemSameKeyAndTempoFirstAnEnergyJumpLast() {
        Map<Long, CatalogTrack> tracks = new LinkedHashMap<>();
        add(tracks, 1, "8A", 125.0, 6);
        add(tracks, 2, "8A", 131.0, 6);
        add(tracks, 3, "8A", 125.0, 10);
        add(tracks, 4, "8B", 125.0, 6);
        add(tracks, 5, "9A", 125.0, 6);
        add(tracks, 6, "8A", 125.0, 6);
        add(tracks, 7, "7A", 126.0, 6);

        List<CompatibleTracksResource.CompatibleTrack> found = resource(tracks).compatible(1, 6, 20);

        assertEquals(List.of(6L, 5L, 7L, 4L, 2L, 3L), found.stream().map(compatible -> compatible.track().id())
                .toList(), "same key, a fifth up, a fifth down a little faster, relative, same key 4.8 % faster, an "
                + "energy jump of four");
        CompatibleTracksResource.Rating fifth = found.get(1).rating();
        assertEquals(CamelotKey.Relation.ADJACENT, fifth.keyRelation());
        assertEquals(0.0, fifth.bpmDifferencePercent());
        assertEquals(4.8, found.get(4).rating().bpmDifferencePercent(), 1e-9);
    }

    private static CompatibleTracksResource resource(Map<Long, CatalogTrack> tracks) {
        Catalog catalog = (Catalog) Proxy.newProxyInstance(Catalog.class.getClassLoader(),
                new Class<?>[] {Catalog.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> Optional.ofNullable(tracks.get((Long) args[0]));
                    case "getAll" -> ((List<?>) args[0]).stream().map(id -> tracks.get((Long) id)).toList();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        TrackIndex index = (TrackIndex) Proxy.newProxyInstance(TrackIndex.class.getClassLoader(),
                new Class<?>[] {TrackIndex.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("search")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return new SearchPage(List.copyOf(tracks.keySet()), tracks.size(), null);
                });
        return new CompatibleTracksResource(catalog, index);
    }

    private static void add(Map<Long, CatalogTrack> tracks, long id, String key, double bpm, long energy) {
        Tags tags = new Tags("Title " + id, List.of("Artist " + id), null, null, null, null, null, null, null, null,
                null, null, null);
        AudioFile file = new AudioFile(Path.of("/music/" + id + ".flac"), 1000, Instant.EPOCH, "flac", "f" + id, null);
        TrackMetadata metadata = new TrackMetadata("flac", tags, new AudioProperties("flac", 300, 900, 44_100, 16, 2,
                false), ReplayGain.NONE, false, List.of());
        List<AnalysisResult> analyses = List.of(
                new AnalysisResult(BuiltInAnalysers.TEMPO, "1", Map.of(BuiltInAnalysers.TEMPO_BPM, bpm)),
                new AnalysisResult(BuiltInAnalysers.KEY, "2", Map.of(BuiltInAnalysers.KEY_CAMELOT, key)),
                new AnalysisResult(BuiltInAnalysers.ENERGY, "1", Map.of(BuiltInAnalysers.ENERGY_RATING, energy)));
        tracks.put(id, new CatalogTrack(new Track(id, file, tags, 300, analyses), metadata, Instant.EPOCH, null));
    }

    private static void add(Map<Long, CatalogTrack> tracks, long id, String artist, String title, double seconds,
            String format) {
        Tags tags = new Tags(title, List.of(artist), null, null, null, null, null, null, null, null, null, 125.0, "8A");
        AudioFile file = new AudioFile(Path.of("/music/" + id + "." + format), 1000, Instant.EPOCH, format, "f" + id,
                null);
        TrackMetadata metadata = new TrackMetadata(format, tags, new AudioProperties(format, seconds, 320, 44_100, 16,
                2, false), ReplayGain.NONE, false, List.of());
        tracks.put(id, new CatalogTrack(new Track(id, file, tags, seconds, List.of()), metadata, Instant.EPOCH, null));
    }
}
