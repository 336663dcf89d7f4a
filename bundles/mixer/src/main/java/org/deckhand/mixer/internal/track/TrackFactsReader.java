package org.deckhand.mixer.internal.track;

import java.nio.file.Path;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.MusicFacts;
import org.deckhand.api.library.Tags;

/**
 * Reads a catalog track's {@link TrackFacts}: its tags' artists and title, and its tempo, tempo confidence, key,
 * energy, beat grid and ReplayGain as {@link MusicFacts} resolves them (the analysed values, else the tags').
 */
public final class TrackFactsReader {

    private TrackFactsReader() {
    }

    /**
     * @param track a track from the catalog
     * @return what the mixer needs of it
     * @throws IllegalArgumentException if the track's duration is not known yet
     */
    public static TrackFacts of(CatalogTrack track) {
        MusicFacts facts = MusicFacts.of(track.track(), track.metadata().replayGain());
        Tags tags = track.track().tags();
        return new TrackFacts(track.id(), tags.artists(), tags.title(), facts.bpm(), facts.tempoConfidence(),
                facts.key(), facts.energy(), track.track().durationSeconds(), facts.grid(), facts.replayGain(),
                stem(track.track().file().path()));
    }

    private static String stem(Path file) {
        if (file == null || file.getFileName() == null) {
            return null;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
