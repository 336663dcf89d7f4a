package org.deckhand.mixer.internal.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deckhand.mixer.internal.render.MixListener;
import org.deckhand.mixer.internal.render.MixRenderer;
import org.deckhand.mixer.internal.render.PcmSource;
import org.deckhand.mixer.internal.render.TrackFeed;
import org.deckhand.mixer.internal.render.TrackOpener;
import org.deckhand.mixer.internal.render.TrackStart;
import org.deckhand.mixer.internal.render.TransitionOptions;
import org.deckhand.mixer.internal.track.TrackFacts;

/** Renders whole mixes of tracks held in memory, and records what the renderer tells its listener. */
public final class Mixes implements MixListener {

    /** Blocks of an odd size, so that fades and cues fall inside blocks. */
    private static final int BLOCK_FRAMES = 1000;

    private final List<TrackStart> starts = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<Long, ArraySource> sources;

    /**
     * @param sources each track's audio by track id
     */
    public Mixes(Map<Long, ArraySource> sources) {
        this.sources = sources;
    }

    /**
     * @param options how to mix
     * @param tracks the tracks in order
     * @return the whole mix, left and right
     */
    public float[][] render(TransitionOptions options, TrackFacts... tracks) {
        Iterator<TrackFacts> rest = Arrays.asList(tracks).subList(1, tracks.length).iterator();
        TrackFeed feed = () -> rest.hasNext() ? Optional.of(rest.next()) : Optional.empty();
        TrackOpener opener = track -> {
            PcmSource source = sources.get(track.id());
            if (source == null) {
                throw new IOException("cannot decode /music/track-" + track.id() + ".flac");
            }
            return source;
        };
        StereoBuffer mix = new StereoBuffer();
        try (MixRenderer renderer = new MixRenderer(tracks[0], feed, opener, options, this)) {
            float[][] block = new float[2][BLOCK_FRAMES];
            int count;
            while ((count = renderer.read(block, 0, BLOCK_FRAMES)) > 0) {
                mix.append(block, count);
            }
        }
        return mix.toArrays();
    }

    @Override
    public void trackStarted(TrackStart start) {
        starts.add(start);
    }

    @Override
    public void trackFailed(TrackFacts track, IOException error) {
        failures.add(track.id() + ": " + error.getMessage());
    }

    /** @return where each track started, in order */
    public List<TrackStart> starts() {
        return starts;
    }

    /** @return the tracks that failed, as "id: message" */
    public List<String> failures() {
        return failures;
    }
}
