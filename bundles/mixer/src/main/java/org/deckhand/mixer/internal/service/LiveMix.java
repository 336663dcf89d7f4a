package org.deckhand.mixer.internal.service;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.deckhand.mixer.internal.plan.MixPlan;
import org.deckhand.mixer.internal.plan.MixPlanner;
import org.deckhand.mixer.internal.plan.PlannedTrack;
import org.deckhand.mixer.internal.render.TrackFeed;
import org.deckhand.mixer.internal.render.TrackStart;
import org.deckhand.mixer.internal.stream.PlaybackListener;
import org.deckhand.mixer.internal.stream.RenderState;
import org.deckhand.mixer.internal.stream.SharedRender;
import org.deckhand.mixer.internal.track.TrackFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mix that plays: its plan (which the render follows, and which may grow), where each track started, the tracks
 * the user took out of the plan (which extending it never adds again), its token and its shared render. It posts
 * {@code TRACK_CHANGED} as listeners hear each track come in, and {@code STOPPED} when it no longer plays.
 * Thread-safe.
 */
final class LiveMix implements TrackFeed, PlaybackListener {

    private static final Logger LOG = LoggerFactory.getLogger(LiveMix.class);

    private final String id;
    private final String seed;
    private final Instant createdAt = Instant.now();
    private final MixPlanner planner;
    private final MixSettings settings;
    private final int sampleRateHz;
    private final Map<Long, Long> startFrames = new HashMap<>();
    private final List<TrackStart> starts = new ArrayList<>();
    private final Set<Long> failed = new HashSet<>();
    private final Map<Long, TrackFacts> removed = new LinkedHashMap<>();
    private final MixEvents events;
    private MixPlan plan;
    private int fed = 1;
    private volatile String token = MixToken.generate();
    private SharedRender render;
    private RenderJob renderJob;

    /**
     * @param id the mix's id
     * @param seed what it was planned from, as {@link Seed#describe()} tells it
     * @param planner plans from its pool
     * @param plan the plan so far, the first track first
     * @param settings its options
     * @param sampleRateHz the mix's sample rate, Hz
     * @param events where it posts what listeners hear
     */
    LiveMix(String id, String seed, MixPlanner planner, MixPlan plan, MixSettings settings, int sampleRateHz,
            MixEvents events) {
        this.id = id;
        this.seed = seed;
        this.events = events;
        this.planner = planner;
        this.plan = plan;
        this.settings = settings;
        this.sampleRateHz = sampleRateHz;
    }

    String id() {
        return id;
    }

    MixSettings settings() {
        return settings;
    }

    synchronized void play(SharedRender shared) {
        render = shared;
        shared.start();
    }

    synchronized SharedRender render() {
        return render;
    }

    synchronized TrackFacts first() {
        return plan.tracks().get(0).track();
    }

    /** @return the planned tracks that have not failed, in order */
    synchronized List<TrackFacts> plannedTracks() {
        return plan.tracks().stream().map(PlannedTrack::track).filter(track -> !failed.contains(track.id())).toList();
    }

    @Override
    public synchronized Optional<TrackFacts> next() {
        if (fed >= plan.tracks().size()) {
            return Optional.empty();
        }
        return Optional.of(plan.tracks().get(fed++).track());
    }

    @Override
    public synchronized void trackStarted(TrackStart start) {
        starts.add(start);
        startFrames.put(start.track().id(), start.fadeInStartFrame());
    }

    @Override
    public synchronized void trackFailed(TrackFacts track, IOException error) {
        failed.add(track.id());
        LOG.warn("Mix {}: {} is skipped: {}", id, track.displayName(), error.getMessage());
    }

    @Override
    public void trackHeard(TrackStart start) {
        events.trackChanged(id, start, sampleRateHz);
    }

    @Override
    public void ended(RenderState state) {
        events.stopped(id, state);
    }

    /**
     * @param count how many tracks to add to the plan; none of those taken out of it comes back
     * @return whether the planner found that many
     */
    synchronized boolean extend(int count) {
        plan = planner.extend(plan, count, removed.values());
        return !plan.exhausted();
    }

    /**
     * Takes a planned track out of the plan, before the render has taken it; extending the plan leaves it out.
     *
     * @param trackId the track's id
     * @throws NoSuchElementException if the plan does not hold it
     * @throws IllegalStateException if the render has taken it: it plays, has played or is being mixed in
     */
    synchronized void remove(long trackId) {
        int index = untaken(trackId);
        if (index < 0) {
            throw new NoSuchElementException("The plan of mix " + id + " does not hold track " + trackId);
        }
        List<PlannedTrack> tracks = new ArrayList<>(plan.tracks());
        TrackFacts track = tracks.remove(index).track();
        removed.put(track.id(), track);
        plan = new MixPlan(tracks, plan.endReason());
    }

    /**
     * Moves a planned track, before the render has taken it, to another place among the tracks it has not taken.
     *
     * @param trackId the track's id
     * @param position where it goes, counted from 0 in the plan as {@link #view()} lists it
     * @throws NoSuchElementException if the plan does not hold it
     * @throws IllegalArgumentException if the position lies outside the plan
     * @throws IllegalStateException if the render has taken the track, or the track at that position
     */
    synchronized void move(long trackId, int position) {
        int from = untaken(trackId);
        if (from < 0) {
            throw new NoSuchElementException("The plan of mix " + id + " does not hold track " + trackId);
        }
        List<Integer> shown = new ArrayList<>();
        for (int index = 0; index < plan.tracks().size(); index++) {
            if (!failed.contains(plan.tracks().get(index).track().id())) {
                shown.add(index);
            }
        }
        if (position < 0 || position >= shown.size()) {
            throw new IllegalArgumentException("position must lie in 0.." + (shown.size() - 1) + " (the plan of mix "
                    + id + " holds " + shown.size() + " tracks), not " + position);
        }
        int to = shown.get(position);
        if (to < fed) {
            throw new IllegalStateException("Position " + position + " of the plan of mix " + id + " is in the "
                    + "mixer's hands already: its track plays, has played or is being mixed in");
        }
        List<PlannedTrack> tracks = new ArrayList<>(plan.tracks());
        tracks.add(to, tracks.remove(from));
        plan = new MixPlan(tracks, plan.endReason());
    }

    /**
     * Puts a track next in the plan, right after the tracks the render has taken; a track planned later moves up,
     * and one taken out of the plan comes back.
     *
     * @param track the track
     * @throws IllegalStateException if the render has taken it already
     */
    synchronized void playNext(TrackFacts track) {
        int index = untaken(track.id());
        List<PlannedTrack> tracks = new ArrayList<>(plan.tracks());
        if (index >= 0) {
            tracks.remove(index);
        }
        tracks.add(fed, new PlannedTrack(track, null, null, Double.NaN, Set.of()));
        removed.remove(track.id());
        plan = new MixPlan(tracks, plan.endReason());
    }

    /** @return where the plan holds the track, or -1; throws IllegalStateException if the render has taken it */
    private int untaken(long trackId) {
        for (int index = 0; index < plan.tracks().size(); index++) {
            if (plan.tracks().get(index).track().id() == trackId) {
                if (index < fed) {
                    throw new IllegalStateException("Track " + trackId + " of mix " + id + " is in the mixer's "
                            + "hands already: it plays, has played or is being mixed in");
                }
                return index;
            }
        }
        return -1;
    }

    String token() {
        return token;
    }

    boolean tokenMatches(String given) {
        return MixToken.matches(token, given);
    }

    /** @return the new token; the old one no longer opens a stream */
    String renewToken() {
        token = MixToken.generate();
        return token;
    }

    synchronized RenderJob renderJob() {
        return renderJob;
    }

    synchronized void renderJob(RenderJob job) {
        renderJob = job;
    }

    /** @return the tracks listeners have heard start, in order */
    synchronized List<TracklistEntry> tracklist() {
        long position = render.positionFrames();
        List<TracklistEntry> list = new ArrayList<>();
        for (TrackStart start : starts) {
            if (start.fadeInStartFrame() <= position) {
                list.add(TracklistEntry.of(list.size() + 1, start.track(),
                        start.fadeInStartFrame() / (double) sampleRateHz));
            }
        }
        return list;
    }

    /** @return the mix as the API shows it */
    synchronized MixView view() {
        long position = render.positionFrames();
        List<EntryView> all = new ArrayList<>();
        List<EntryView> next = new ArrayList<>();
        EntryView nowPlaying = null;
        long nowPlayingStart = -1;
        for (int index = 0; index < plan.tracks().size(); index++) {
            TrackFacts track = plan.tracks().get(index).track();
            if (failed.contains(track.id())) {
                continue;
            }
            Long start = startFrames.get(track.id());
            boolean started = start != null && start <= position;
            EntryView entry = EntryView.of(track, started ? start / (double) sampleRateHz : null, index >= fed);
            all.add(entry);
            if (!started) {
                next.add(entry);
            } else if (start > nowPlayingStart) {
                nowPlaying = entry;
                nowPlayingStart = start;
            }
        }
        RenderState state = render.state();
        String current = token;
        Map<String, String> streams = new LinkedHashMap<>();
        for (String kind : List.of("mp3", "flac", "wav", "m3u", "pls")) {
            streams.put(kind, "/stream/" + id + "." + kind + "?token=" + current);
        }
        return new MixView(id, seed, state.name(), createdAt, position / (double) sampleRateHz, render.paused(),
                nowPlaying, next, all, render.listeners(), current, streams, planEnd());
    }

    private String planEnd() {
        if (plan.exhausted()) {
            return "the plan ends after " + plan.tracks().size() + " tracks: " + plan.endReason();
        }
        return "the plan holds the " + plan.tracks().size() + " tracks asked for; extend it to plan more";
    }
}
