package org.deckhand.library.internal;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.MusicFacts;
import org.deckhand.api.library.RecordingIdentity;
import org.deckhand.api.music.CamelotKey;
import org.deckhand.api.music.MixCompatibility;
import org.deckhand.api.rest.RestResource;
import org.deckhand.api.search.QuerySyntaxException;
import org.deckhand.api.search.SearchRequest;
import org.deckhand.api.search.TrackIndex;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/tracks/{id}/compatible}: the tracks that mix well after a track, harmonically compatible on the
 * Camelot wheel (same key, a fifth either way, relative key) and within a BPM window, ranked by the
 * {@link MixCompatibility} score of key move, tempo and energy (the score the mixer's planner plans by). Copies of one
 * recording in other formats ({@link RecordingIdentity}) count as one: the track's own copies are left out, and of
 * the copies of another recording only the best rated (then the lowest id) is listed.
 */
@Component(service = RestResource.class)
@Path("tracks")
@Produces(MediaType.APPLICATION_JSON)
public final class CompatibleTracksResource implements RestResource {

    private static final int CANDIDATES = 1000;

    private final Catalog catalog;
    private final TrackIndex index;

    /**
     * @param catalog the tracks
     * @param index finds the candidates
     */
    @Activate
    public CompatibleTracksResource(@Reference Catalog catalog, @Reference TrackIndex index) {
        this.catalog = catalog;
        this.index = index;
    }

    /**
     * @param id a track id
     * @param bpmWindowPercent the largest tempo difference, in per cent, 0.5 to 50 (not NaN)
     * @param limit the most tracks to return, 1 to 200
     * @return the compatible tracks, best first, each with its rating
     * @throws NotFoundException if there is no such track
     * @throws ClientErrorException 409 if the track has neither a key nor a BPM yet
     * @throws BadRequestException if a parameter is out of range
     */
    @GET
    @Path("{id}/compatible")
    public List<CompatibleTrack> compatible(@PathParam("id") long id,
            @QueryParam("bpmWindow") @DefaultValue("6") double bpmWindowPercent,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        if (!(bpmWindowPercent >= 0.5 && bpmWindowPercent <= 50)) {
            throw new BadRequestException("bpmWindow must be a number of per cent in 0.5..50, not " + bpmWindowPercent);
        }
        if (limit < 1 || limit > 200) {
            throw new BadRequestException("limit must lie in 1..200, not " + limit);
        }
        CatalogTrack track = catalog.get(id).orElseThrow(() -> new NotFoundException("There is no track " + id));
        MusicFacts from = facts(track);
        if (from.bpm() == null && from.key() == null) {
            throw new ClientErrorException("Track " + id + " has neither a BPM nor a key yet; analyse it first",
                    Response.Status.CONFLICT);
        }
        Optional<RecordingIdentity> recording = recording(track);
        List<Rated> rated = new ArrayList<>();
        for (CatalogTrack other : catalog.getAll(candidates(from, bpmWindowPercent))) {
            Optional<RecordingIdentity> otherRecording = recording(other);
            if (other.id() != id && !same(recording, otherRecording)) {
                rated.add(new Rated(other, otherRecording, Rating.of(from, facts(other), bpmWindowPercent)));
            }
        }
        rated.sort(Comparator.comparingDouble((Rated r) -> r.rating().score()).reversed()
                .thenComparingLong(r -> r.track().id()));
        List<CompatibleTrack> found = new ArrayList<>();
        List<RecordingIdentity> listed = new ArrayList<>();
        for (Rated candidate : rated) {
            if (found.size() == limit) {
                break;
            }
            if (listed.stream().noneMatch(seen -> same(Optional.of(seen), candidate.recording()))) {
                candidate.recording().ifPresent(listed::add);
                found.add(new CompatibleTrack(TrackView.of(candidate.track()), candidate.rating()));
            }
        }
        return found;
    }

    private static MusicFacts facts(CatalogTrack track) {
        return MusicFacts.of(track.track(), track.metadata().replayGain());
    }

    private static Optional<RecordingIdentity> recording(CatalogTrack track) {
        return RecordingIdentity.of(track.track().tags(), track.track().durationSeconds());
    }

    private static boolean same(Optional<RecordingIdentity> one, Optional<RecordingIdentity> other) {
        return one.isPresent() && other.isPresent() && one.get().sameAs(other.get());
    }

    private record Rated(CatalogTrack track, Optional<RecordingIdentity> recording, Rating rating) {
    }

    private List<Long> candidates(MusicFacts from, double bpmWindowPercent) {
        List<String> conditions = new ArrayList<>();
        if (from.key() != null) {
            conditions.add("key:" + from.key().code() + "~");
        }
        if (from.bpm() != null) {
            double spread = from.bpm() * bpmWindowPercent / 100;
            conditions.add(String.format(Locale.ROOT, "bpm:%.2f..%.2f", from.bpm() - spread, from.bpm() + spread));
        }
        try {
            return index.search(new SearchRequest(String.join(" ", conditions), null, null, CANDIDATES)).trackIds();
        } catch (QuerySyntaxException e) {
            throw new IllegalStateException("the compatibility query is malformed: " + e.getMessage(), e);
        }
    }

    /**
     * @param track the compatible track
     * @param rating how well it mixes in
     */
    public record CompatibleTrack(TrackView track, Rating rating) {
    }

    /**
     * @param score the {@link MixCompatibility} score, 0 to 1
     * @param keyRelation how the keys relate, or null when either key is unknown
     * @param bpmDifferencePercent the candidate's tempo difference in per cent of the track's BPM, positive when it
     *     is faster, or null when either BPM is unknown
     */
    public record Rating(double score, CamelotKey.Relation keyRelation, Double bpmDifferencePercent) {

        static Rating of(MusicFacts from, MusicFacts to, double bpmWindowPercent) {
            CamelotKey.Relation relation = from.key() == null || to.key() == null ? null
                    : from.key().relationTo(to.key());
            Double difference = from.bpm() == null || to.bpm() == null ? null
                    : 100 * (to.bpm() - from.bpm()) / from.bpm();
            double score = MixCompatibility.score(relation, difference == null ? Double.NaN : difference, false,
                    bpmWindowPercent, from.energy(), to.energy());
            return new Rating(score, relation, difference);
        }
    }
}
