package org.deckhand.mixer.internal.service;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deckhand.api.library.ReplayGain;
import org.deckhand.api.music.CamelotKey;
import org.deckhand.mixer.internal.render.TrackOpener;
import org.deckhand.mixer.internal.testing.ArraySource;
import org.deckhand.mixer.internal.testing.ClickTrack;
import org.deckhand.mixer.internal.track.TrackFacts;

/**
 * A small library of synthetic tracks (sines, each at its own pitch) with keys and tempos that mix, for the service's
 * tests; a query is a word of the artist's name, and {@code broken} finds a track whose audio cannot be opened.
 */
final class TestLibrary implements TrackLibrary {

    static final double SECONDS = 30;
    private static final String[] KEYS = {"8A", "9A", "8B", "9B", "10A", "7A", "8A", "9A"};

    private final Map<Long, TrackFacts> tracks = new LinkedHashMap<>();

    TestLibrary() {
        for (long id = 1; id <= KEYS.length; id++) {
            String artist = id % 2 == 0 ? "Even Artist " + id : "Odd Artist " + id;
            tracks.put(id, new TrackFacts(id, List.of(artist), "Track " + id, 124.0 + id / 4.0, 0,
                    CamelotKey.parse(KEYS[(int) id - 1]).orElseThrow(), 5.0 + id % 3, SECONDS, null,
                    ReplayGain.NONE, null));
        }
    }

    @Override
    public Optional<TrackFacts> facts(long trackId) {
        return Optional.ofNullable(tracks.get(trackId));
    }

    @Override
    public List<TrackFacts> search(String query, int limit) {
        if (query.contains("(")) {
            throw new IllegalArgumentException("unbalanced parenthesis at 1 in '" + query + "'");
        }
        List<TrackFacts> found = new ArrayList<>();
        for (TrackFacts track : tracks.values()) {
            if (track.artists().get(0).toLowerCase().contains(query.toLowerCase())) {
                found.add(track);
            }
        }
        return found;
    }

    @Override
    public List<TrackFacts> all() {
        return List.copyOf(tracks.values());
    }

    @Override
    public Path file(long trackId) {
        return Path.of("/music/" + trackId + ".flac");
    }

    /** @return an opener that plays each track as a sine at 100 Hz times its id */
    static TrackOpener opener() {
        return track -> {
            if (track.id() > KEYS.length) {
                throw new IOException("cannot decode /music/" + track.id() + ".flac");
            }
            return new ArraySource(ClickTrack.sine(100.0 * track.id(), 0.3, SECONDS));
        };
    }

    /**
     * @param maxMixes how many mixes may play at once
     * @return the configuration's defaults, but for a buffer of one second
     */
    static MixConfiguration configuration(int maxMixes) {
        return configuration(maxMixes, "");
    }

    /**
     * @param maxMixes how many mixes may play at once
     * @param publicUrl the setting publicUrl
     * @return the configuration's defaults, but for a buffer of one second
     */
    static MixConfiguration configuration(int maxMixes, String publicUrl) {
        return configuration(maxMixes, publicUrl, 30, 3600);
    }

    /**
     * @param maxMixes how many mixes may play at once
     * @param publicUrl the setting publicUrl
     * @param idleSeconds how long a mix plays without listeners before it pauses
     * @param expireSeconds how long a mix stays paused before it is forgotten
     * @return the configuration's defaults, but for a buffer of one second
     */
    static MixConfiguration configuration(int maxMixes, String publicUrl, double idleSeconds, double expireSeconds) {
        return new MixConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MixConfiguration.class;
            }

            @Override
            public int bitRateKbps() {
                return 192;
            }

            @Override
            public int bars() {
                return 16;
            }

            @Override
            public boolean bassSwap() {
                return false;
            }

            @Override
            public double bpmWindowPercent() {
                return 6;
            }

            @Override
            public int artistSpacing() {
                return 1;
            }

            @Override
            public int planLength() {
                return 4;
            }

            @Override
            public double bufferSeconds() {
                return 1;
            }

            @Override
            public double idleSeconds() {
                return idleSeconds;
            }

            @Override
            public double expireSeconds() {
                return expireSeconds;
            }

            @Override
            public String publicUrl() {
                return publicUrl;
            }

            @Override
            public int maxMixes() {
                return maxMixes;
            }
        };
    }
}
