package org.deckhand.tracklists.internal.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.tracklist.EntryMatch;
import org.deckhand.api.tracklist.MashupPart;
import org.deckhand.api.tracklist.MatchCandidate;
import org.deckhand.api.tracklist.MatchState;
import org.deckhand.api.tracklist.StoredTracklist;
import org.deckhand.api.tracklist.Tracklist;
import org.deckhand.api.tracklist.TracklistEntry;

/** The JSON shapes of the tracklists API. Absent values are left out of the JSON. */
public final class TracklistViews {

    private TracklistViews() {
    }

    /**
     * A tracklist with its entries and their matches.
     *
     * @param id its id
     * @param title the mix's title
     * @param djs its DJs
     * @param date the day it was played, {@code YYYY-MM-DD}
     * @param genres its genres
     * @param source the source's id: {@code 1001tracklists}, {@code mixesdb}, {@code text}, or a plugin's
     * @param address the page it came from
     * @param fetched when the page was fetched (or the text parsed)
     * @param imported when it was first imported
     * @param recordingTrackId the linked mix recording's track id
     * @param counts how its entries stand
     * @param entries its entries, by position
     */
    public record TracklistView(long id, String title, List<String> djs, LocalDate date, List<String> genres,
            String source, String address, Instant fetched, Instant imported, Long recordingTrackId, Counts counts,
            List<EntryView> entries) {
    }

    /**
     * @param entries entries in all
     * @param matched entries matched to a track of the library
     * @param ambiguous entries with candidates to choose from
     * @param missing entries the library lacks
     * @param unmatchable gaps, fillers and unidentified tracks
     * @param withCue entries with a cue time
     */
    public record Counts(int entries, int matched, int ambiguous, int missing, int unmatchable, int withCue) {
    }

    /**
     * One entry.
     *
     * @param position its place, from 1
     * @param kind {@code TRACK}, {@code UNIDENTIFIED}, {@code GAP} or {@code FILLER}
     * @param cueSeconds where it starts in the recording, seconds
     * @param cue the same as {@code h:mm:ss} or {@code m:ss}
     * @param artist its artist
     * @param title its title, without the remix
     * @param remix its remix or version
     * @param label its label
     * @param durationSeconds its own playing time, seconds
     * @param playedWithPrevious whether it plays together with the entry before
     * @param mashupParts the tracks a mashup puts together
     * @param djPart its back-to-back part or DJ
     * @param match how it matches the library
     */
    public record EntryView(int position, String kind, Double cueSeconds, String cue, String artist, String title,
            String remix, String label, Double durationSeconds, boolean playedWithPrevious,
            List<MashupPart> mashupParts, String djPart, MatchView match) {
    }

    /**
     * @param state {@code MATCHED}, {@code AMBIGUOUS}, {@code MISSING} or {@code UNMATCHABLE}
     * @param confidence 0 to 1
     * @param confirmed whether the user chose it
     * @param track the matched track
     * @param candidates the closest tracks, best first
     */
    public record MatchView(String state, double confidence, boolean confirmed, TrackRef track,
            List<CandidateView> candidates) {
    }

    /**
     * A track of the library.
     *
     * @param id its id
     * @param artists its artists
     * @param title its title
     * @param durationSeconds its playing time, seconds
     * @param format its file's format
     * @param path its file
     */
    public record TrackRef(long id, List<String> artists, String title, Double durationSeconds, String format,
            String path) {

        static TrackRef of(CatalogTrack track) {
            double duration = track.track().durationSeconds();
            return new TrackRef(track.id(), track.track().tags().artists(), track.track().tags().title(),
                    Double.isNaN(duration) ? null : duration, track.track().file().format(),
                    track.track().file().path().toString());
        }
    }

    /**
     * @param trackId the candidate track's id
     * @param confidence how alike, 0 to 1
     * @param artists its artists
     * @param title its title
     */
    public record CandidateView(long trackId, double confidence, List<String> artists, String title) {
    }

    /**
     * @param stored a tracklist as kept
     * @param catalog the catalog, for the matched and candidate tracks
     * @return its view
     */
    static TracklistView of(StoredTracklist stored, Catalog catalog) {
        Map<Long, CatalogTrack> tracks = tracks(stored, catalog);
        Tracklist tracklist = stored.tracklist();
        List<EntryView> entries = new ArrayList<>();
        int[] counts = new int[MatchState.values().length];
        int withCue = 0;
        for (int i = 0; i < tracklist.entries().size(); i++) {
            TracklistEntry entry = tracklist.entries().get(i);
            EntryMatch match = stored.matches().get(i);
            counts[match.state().ordinal()]++;
            if (entry.cueSeconds() != null) {
                withCue++;
            }
            CatalogTrack matched = match.trackId() == null ? null : tracks.get(match.trackId());
            List<CandidateView> candidates = match.candidates().stream()
                    .filter(candidate -> tracks.containsKey(candidate.trackId()))
                    .map(candidate -> candidate(candidate, tracks.get(candidate.trackId()))).toList();
            entries.add(new EntryView(entry.position(), entry.kind().name(), entry.cueSeconds(),
                    entry.cueSeconds() == null ? null : clock(entry.cueSeconds()), entry.artist(), entry.title(),
                    entry.remix(), entry.label(), entry.durationSeconds(), entry.playedWithPrevious(),
                    entry.mashupParts(), entry.djPart(), new MatchView(match.state().name(), match.confidence(),
                            match.confirmed(), matched == null ? null : TrackRef.of(matched), candidates)));
        }
        return new TracklistView(stored.id(), tracklist.title(), tracklist.djs(), tracklist.date(),
                tracklist.genres(), tracklist.source(), tracklist.address(), tracklist.fetched(), stored.imported(),
                stored.recordingTrackId(), new Counts(entries.size(), counts[MatchState.MATCHED.ordinal()],
                        counts[MatchState.AMBIGUOUS.ordinal()], counts[MatchState.MISSING.ordinal()],
                        counts[MatchState.UNMATCHABLE.ordinal()], withCue), entries);
    }

    /** The tracks the matches name, read in one call. */
    private static Map<Long, CatalogTrack> tracks(StoredTracklist stored, Catalog catalog) {
        Set<Long> ids = new HashSet<>();
        for (EntryMatch match : stored.matches()) {
            if (match.trackId() != null) {
                ids.add(match.trackId());
            }
            match.candidates().forEach(candidate -> ids.add(candidate.trackId()));
        }
        return catalog.getAll(List.copyOf(ids)).stream()
                .collect(Collectors.toMap(CatalogTrack::id, Function.identity()));
    }

    private static CandidateView candidate(MatchCandidate candidate, CatalogTrack track) {
        return new CandidateView(candidate.trackId(), candidate.confidence(), track.track().tags().artists(),
                track.track().tags().title());
    }

    /**
     * @param seconds a time
     * @return it as {@code h:mm:ss}, or {@code m:ss} under an hour
     */
    static String clock(double seconds) {
        long whole = (long) Math.floor(seconds);
        long hours = whole / 3600;
        long minutes = whole % 3600 / 60;
        long rest = whole % 60;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, minutes, rest)
                : String.format("%d:%02d", minutes, rest);
    }
}
