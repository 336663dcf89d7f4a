package org.deckhand.tracklists.internal.service;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.cue.CueSheetReader;
import org.deckhand.api.event.EventProperties;
import org.deckhand.api.event.Topics;
import org.deckhand.api.search.TrackIndex;
import org.deckhand.api.tracklist.BlockedBySiteException;
import org.deckhand.api.tracklist.EntryMatch;
import org.deckhand.api.tracklist.FetchException;
import org.deckhand.api.tracklist.MatchState;
import org.deckhand.api.tracklist.PoliteFetcher;
import org.deckhand.api.tracklist.StoredTracklist;
import org.deckhand.api.tracklist.Tracklist;
import org.deckhand.api.tracklist.TracklistEntry;
import org.deckhand.api.tracklist.TracklistException;
import org.deckhand.api.tracklist.TracklistSource;
import org.deckhand.api.tracklist.TracklistStore;
import org.deckhand.api.tracklist.TracklistSummary;
import org.deckhand.tracklists.internal.match.CandidateFinder;
import org.deckhand.tracklists.internal.match.IndexCandidateFinder;
import org.deckhand.tracklists.internal.match.TrackMatcher;
import org.deckhand.tracklists.internal.parse.TextTracklistParser;
import org.deckhand.tracklists.internal.source.CueSheetTracklists;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports tracklists (from an address, through the first {@link TracklistSource} that accepts it, from pasted text,
 * or from the CUE sheet beside a mix recording), matches them to the library, keeps them in the
 * {@link TracklistStore}, and posts
 * {@link Topics#TRACKLISTS_IMPORTED}, {@link Topics#TRACKLISTS_MATCHED} and {@link Topics#TRACKLISTS_BLOCKED}. A
 * second import of an address replaces its tracklist's content, keeps its id and link, and keeps every match the
 * user confirmed.
 */
@Component(service = TracklistService.class)
public final class TracklistService {

    /** The source id of pasted text. */
    public static final String TEXT_SOURCE = "text";
    private static final Logger LOG = LoggerFactory.getLogger(TracklistService.class);

    private final TracklistStore store;
    private final PoliteFetcher fetcher;
    private final List<TracklistSource> sources;
    private final Catalog catalog;
    private final TrackMatcher matcher;
    private final EventAdmin events;
    private final CueSheetReader cueReader;
    private final TextTracklistParser text = new TextTracklistParser();

    /**
     * @param store where tracklists are kept
     * @param fetcher the polite fetcher lent to the sources
     * @param sources the sites tracklists come from, in ranking order
     * @param index the search index, for candidates
     * @param catalog the catalog, for the candidates' tags and the recordings
     * @param events where events go
     * @param cueReader the CUE sheet reader, for the sheets beside recordings; null while the CUE bundle is absent
     */
    @Activate
    public TracklistService(@Reference TracklistStore store, @Reference PoliteFetcher fetcher,
            @Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY)
            List<TracklistSource> sources, @Reference TrackIndex index, @Reference Catalog catalog,
            @Reference EventAdmin events,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            CueSheetReader cueReader) {
        this(store, fetcher, sources, new IndexCandidateFinder(index, catalog), catalog, events, cueReader);
    }

    /**
     * @param store where tracklists are kept
     * @param fetcher the polite fetcher
     * @param sources the sites
     * @param candidates where the matcher's candidates come from
     * @param catalog the catalog
     * @param events where events go
     * @param cueReader the CUE sheet reader, or null
     */
    public TracklistService(TracklistStore store, PoliteFetcher fetcher, List<TracklistSource> sources,
            CandidateFinder candidates, Catalog catalog, EventAdmin events, CueSheetReader cueReader) {
        this.store = store;
        this.fetcher = fetcher;
        this.sources = List.copyOf(sources);
        this.catalog = catalog;
        this.matcher = new TrackMatcher(candidates);
        this.events = events;
        this.cueReader = cueReader;
    }

    /**
     * @param address a tracklist page's address
     * @return the tracklist kept, matched
     * @throws IllegalArgumentException if the address is malformed or no source reads it
     * @throws TracklistException if the source could not give the tracklist; a captcha also posts
     *     {@link Topics#TRACKLISTS_BLOCKED}
     */
    public StoredTracklist importAddress(String address) throws TracklistException {
        URI uri = parse(address);
        TracklistSource source = sources.stream().filter(candidate -> candidate.accepts(uri)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No tracklist source reads " + address
                        + "; the sources are " + sources.stream().map(TracklistSource::name).toList()
                        + ", or paste the tracklist as text"));
        Tracklist tracklist;
        try {
            tracklist = source.fetch(uri, fetcher);
        } catch (TracklistException failed) {
            if (failed instanceof BlockedBySiteException
                    || failed instanceof FetchException fetch && fetch.reason() == FetchException.Reason.BLOCKED) {
                post(Topics.TRACKLISTS_BLOCKED, Map.of(EventProperties.SOURCE, source.id(),
                        EventProperties.ADDRESS, address, EventProperties.MESSAGE, failed.getMessage()));
            }
            throw failed;
        }
        if (tracklist.entries().isEmpty()) {
            throw new TracklistException(source.id(), address, "The " + source.name() + " source gave no entry for "
                    + address);
        }
        return keep(tracklist);
    }

    /**
     * @param pasted a tracklist as text, one track a line
     * @param title the mix's title, or null
     * @return the tracklist kept, matched
     * @throws IllegalArgumentException if no line of the text holds a track
     */
    public StoredTracklist importText(String pasted, String title) {
        List<TracklistEntry> entries = text.parse(pasted);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("No line of the pasted text holds a track (Artist - Title, one a"
                    + " line)");
        }
        return keep(new Tracklist(title == null || title.isBlank() ? null : title.strip(), List.of(), null,
                List.of(), TEXT_SOURCE, null, Instant.now(), entries));
    }

    /**
     * Reads the CUE sheet beside a mix recording of the library as its tracklist, and links the two.
     *
     * @param recordingTrackId the recording's track id
     * @return the tracklist kept, matched and linked
     * @throws NoSuchElementException if there is no such track, or no sheet beside it
     * @throws IllegalStateException if the CUE bundle is not running
     * @throws TracklistException if the sheet cannot be read; the message names it
     */
    public StoredTracklist importBeside(long recordingTrackId) throws TracklistException {
        if (cueReader == null) {
            throw new IllegalStateException("The CUE sheet reader (bundle org.deckhand.cue) is not running");
        }
        Path recording = catalog.get(recordingTrackId).orElseThrow(() -> new NoSuchElementException("No track "
                + recordingTrackId + " in the library")).track().file().path();
        Path sheet;
        try {
            sheet = CueSheetTracklists.besides(recording, cueReader).orElseThrow(() -> new NoSuchElementException(
                    "No CUE sheet beside " + recording + " (" + recording.getFileName() + " with .cue, or a sheet"
                    + " in its folder that names it)"));
        } catch (IOException e) {
            throw new TracklistException(CueSheetTracklists.SOURCE, recording.toString(), "The folder of "
                    + recording + " cannot be read: " + e.getMessage(), e);
        }
        StoredTracklist kept = keep(CueSheetTracklists.read(sheet, cueReader));
        return store.link(kept.id(), recordingTrackId);
    }

    /** Keeps a tracklist, one at a time, so that two imports of one address make one tracklist. */
    private synchronized StoredTracklist keep(Tracklist tracklist) {
        Optional<StoredTracklist> earlier = tracklist.address() == null ? Optional.empty()
                : store.findByAddress(tracklist.address());
        Map<String, EntryMatch> confirmed = earlier.map(TracklistService::confirmedMatches).orElse(Map.of());
        List<EntryMatch> matches = matcher.match(tracklist.entries(), confirmed);
        StoredTracklist kept = earlier.isPresent() ? store.replace(earlier.get().id(), tracklist, matches)
                : store.add(tracklist, matches);
        Map<String, Object> imported = new HashMap<>();
        imported.put(EventProperties.TRACKLIST_ID, kept.id());
        imported.put(EventProperties.SOURCE, tracklist.source());
        imported.put(EventProperties.TOTAL, tracklist.entries().size());
        if (tracklist.address() != null) {
            imported.put(EventProperties.ADDRESS, tracklist.address());
        }
        post(Topics.TRACKLISTS_IMPORTED, imported);
        postMatched(kept);
        LOG.info("Tracklist {} imported from {}: {} entries", kept.id(),
                tracklist.address() == null ? "text" : tracklist.address(), tracklist.entries().size());
        return kept;
    }

    /**
     * Matches a tracklist again (the library changed), keeping the matches the user confirmed.
     *
     * @param id the tracklist
     * @return it as kept now
     * @throws NoSuchElementException if there is no such tracklist
     */
    public StoredTracklist rematch(long id) {
        StoredTracklist current = get(id);
        List<EntryMatch> matches = matcher.match(current.tracklist().entries(), confirmedMatches(current));
        StoredTracklist kept = store.replace(id, current.tracklist(), matches);
        postMatched(kept);
        return kept;
    }

    /**
     * Sets an entry's match as the user says.
     *
     * @param id the tracklist
     * @param position the entry's position, from 1
     * @param trackId the track it is, or null
     * @param missing when {@code trackId} is null: true to say the library lacks it, false to let the matcher
     *     decide again
     * @return the tracklist as kept now
     * @throws NoSuchElementException if there is no such tracklist, entry or track
     */
    public StoredTracklist setMatch(long id, int position, Long trackId, boolean missing) {
        StoredTracklist current = get(id);
        if (position < 1 || position > current.tracklist().entries().size()) {
            throw new NoSuchElementException("Tracklist " + id + " has no entry " + position + " (it has "
                    + current.tracklist().entries().size() + ")");
        }
        EntryMatch match;
        if (trackId != null) {
            if (catalog.get(trackId).isEmpty()) {
                throw new NoSuchElementException("No track " + trackId + " in the library");
            }
            match = EntryMatch.confirmed(trackId);
        } else if (missing) {
            match = EntryMatch.confirmedMissing();
        } else {
            match = matcher.match(current.tracklist().entries().get(position - 1));
        }
        StoredTracklist kept = store.setMatch(id, position, match);
        postMatched(kept);
        return kept;
    }

    /**
     * @param id a tracklist
     * @return it
     * @throws NoSuchElementException if there is no such tracklist
     */
    public StoredTracklist get(long id) {
        return store.tracklist(id).orElseThrow(() -> new NoSuchElementException("No tracklist " + id));
    }

    /**
     * @param query words to look for, or null
     * @param limit the most to list
     * @return the tracklists found, newest first
     */
    public List<TracklistSummary> list(String query, int limit) {
        return store.list(query, limit);
    }

    /**
     * @param id a tracklist
     * @return whether it was kept; it is forgotten
     */
    public boolean delete(long id) {
        return store.delete(id);
    }

    /**
     * Links a mix recording of the library to a tracklist.
     *
     * @param trackId the recording's track id
     * @param tracklistId the tracklist
     * @return the tracklist as kept now
     * @throws NoSuchElementException if there is no such track or tracklist
     */
    public StoredTracklist link(long trackId, long tracklistId) {
        if (catalog.get(trackId).isEmpty()) {
            throw new NoSuchElementException("No track " + trackId + " in the library");
        }
        get(tracklistId);
        return store.link(tracklistId, trackId);
    }

    /**
     * @param trackId a mix recording's track id
     * @return the tracklist linked to it
     * @throws NoSuchElementException if none is linked
     */
    public StoredTracklist forRecording(long trackId) {
        return store.forRecording(trackId).orElseThrow(() -> new NoSuchElementException("Track " + trackId
                + " is linked to no tracklist; link one with POST /api/v1/tracks/" + trackId + "/tracklist"));
    }

    private static Map<String, EntryMatch> confirmedMatches(StoredTracklist stored) {
        Map<String, EntryMatch> confirmed = new HashMap<>();
        for (int i = 0; i < stored.matches().size(); i++) {
            if (stored.matches().get(i).confirmed()) {
                confirmed.put(TrackMatcher.key(stored.tracklist().entries().get(i)), stored.matches().get(i));
            }
        }
        return confirmed;
    }

    private void postMatched(StoredTracklist kept) {
        List<EntryMatch> matches = new ArrayList<>(kept.matches());
        post(Topics.TRACKLISTS_MATCHED, Map.of(EventProperties.TRACKLIST_ID, kept.id(),
                EventProperties.DONE, (int) matches.stream().filter(m -> m.state() == MatchState.MATCHED).count(),
                EventProperties.TOTAL, matches.size(),
                EventProperties.MISSING, (int) matches.stream().filter(m -> m.state() == MatchState.MISSING).count()));
    }

    private void post(String topic, Map<String, Object> properties) {
        events.postEvent(new Event(topic, properties));
    }

    private static URI parse(String address) {
        try {
            URI uri = new URI(address.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("Not a web address: " + address);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a web address: " + address + " (" + e.getReason() + ")", e);
        }
    }
}
