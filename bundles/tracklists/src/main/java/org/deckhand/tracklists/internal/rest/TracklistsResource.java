package org.deckhand.tracklists.internal.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.rest.RestResource;
import org.deckhand.api.tracklist.BlockedBySiteException;
import org.deckhand.api.tracklist.FetchException;
import org.deckhand.api.tracklist.FetcherStatistics;
import org.deckhand.api.tracklist.LayoutNotRecognisedException;
import org.deckhand.api.tracklist.NotATracklistException;
import org.deckhand.api.tracklist.PoliteFetcher;
import org.deckhand.api.tracklist.StoredTracklist;
import org.deckhand.api.tracklist.TracklistException;
import org.deckhand.api.tracklist.TracklistSummary;
import org.deckhand.tracklists.internal.service.TracklistService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/tracklists}: import a tracklist from an address or pasted text, list and search them, read one with
 * its entries' matches, set a match, match again, the owned and missing entries as JSON, CSV or M3U, and the
 * fetcher's figures. Errors are problem+json: a malformed request 400, an unknown tracklist, entry or track 404, a
 * page that is no tracklist 422, robots.txt forbidding the page 403, a site that answers with a captcha, rate-limits
 * or whose budget is spent 503, a page whose layout is not recognised or a site failing otherwise 502, a site too
 * slow 504.
 */
@Component(service = RestResource.class)
@Path("tracklists")
@Produces(MediaType.APPLICATION_JSON)
public final class TracklistsResource implements RestResource {

    /** The media type of CSV documents (RFC 4180). */
    static final String CSV = "text/csv";
    /** The media type of M3U playlists. */
    static final String M3U = "audio/x-mpegurl";

    private final TracklistService tracklists;
    private final Catalog catalog;
    private final PoliteFetcher fetcher;

    /**
     * @param tracklists the tracklists
     * @param catalog the catalog, for the matched tracks
     * @param fetcher the fetcher, for its figures
     */
    @Activate
    public TracklistsResource(@Reference TracklistService tracklists, @Reference Catalog catalog,
            @Reference PoliteFetcher fetcher) {
        this.tracklists = tracklists;
        this.catalog = catalog;
        this.fetcher = fetcher;
    }

    /**
     * Imports a tracklist: from {@code {"address": "https://..."}} (1001Tracklists, MixesDB, or a plugin's site),
     * from {@code {"text": "01. Artist - Title\n...", "title": "..."}}, or from the CUE sheet beside a mix recording
     * of the library, {@code {"cueBesideTrackId": 42}}, which it is then linked to. A second import of an address
     * (or sheet) updates its tracklist and keeps the matches the user confirmed; a page is served from the cache.
     *
     * @param request the address or the text
     * @return 201 with the tracklist, matched, and its address in {@code Location}
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response importTracklist(Requests.ImportRequest request) {
        int given = request == null ? 0 : (blank(request.address()) ? 0 : 1) + (blank(request.text()) ? 0 : 1)
                + (request.cueBesideTrackId() == null ? 0 : 1);
        if (given != 1) {
            throw new BadRequestException("The body must be one of {\"address\": \"https://...\"}, {\"text\": \"01."
                    + " Artist - Title\\n...\", \"title\": \"...\"} and {\"cueBesideTrackId\": ID}");
        }
        StoredTracklist stored = call(() -> request.cueBesideTrackId() != null
                ? tracklists.importBeside(request.cueBesideTrackId())
                : blank(request.address()) ? tracklists.importText(request.text(), request.title())
                : tracklists.importAddress(request.address()));
        return Response.created(URI.create(RestResource.BASE_PATH + "/tracklists/" + stored.id()))
                .entity(TracklistViews.of(stored, catalog)).build();
    }

    /**
     * @param query words the title, a DJ, the date or an entry must contain (case and accents ignored)
     * @param limit the most to list, 1 to 1000, 100 by default
     * @return the tracklists, newest import first
     */
    @GET
    public List<TracklistSummary> list(@QueryParam("q") String query,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return call(() -> tracklists.list(query, limit));
    }

    /**
     * @param id a tracklist's id
     * @return the tracklist with its entries and their matches
     */
    @GET
    @Path("{id}")
    public TracklistViews.TracklistView get(@PathParam("id") long id) {
        return TracklistViews.of(call(() -> tracklists.get(id)), catalog);
    }

    /**
     * @param id a tracklist's id
     * @return 204 once it is forgotten
     */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        if (!tracklists.delete(id)) {
            throw new NotFoundException("No tracklist " + id);
        }
        return Response.noContent().build();
    }

    /**
     * Sets an entry's match: {@code {"trackId": 12}} confirms that it is track 12, {@code {"missing": true}} that
     * the library lacks it, {@code {}} lets the matcher decide again. A confirmed match is kept when the tracklist is
     * imported or matched again.
     *
     * @param id a tracklist's id
     * @param position the entry's position, from 1
     * @param request the match
     * @return the tracklist as it is now
     */
    @PUT
    @Path("{id}/entries/{position}/match")
    @Consumes(MediaType.APPLICATION_JSON)
    public TracklistViews.TracklistView setMatch(@PathParam("id") long id, @PathParam("position") int position,
            Requests.MatchRequest request) {
        Long trackId = request == null ? null : request.trackId();
        boolean missing = request != null && Boolean.TRUE.equals(request.missing());
        if (trackId != null && missing) {
            throw new BadRequestException("Give a trackId or missing: true, not both");
        }
        return TracklistViews.of(call(() -> tracklists.setMatch(id, position, trackId, missing)), catalog);
    }

    /**
     * Matches every entry again, against the library as it is now; confirmed matches stay.
     *
     * @param id a tracklist's id
     * @return the tracklist as it is now
     */
    @POST
    @Path("{id}/match")
    public TracklistViews.TracklistView rematch(@PathParam("id") long id) {
        return TracklistViews.of(call(() -> tracklists.rematch(id)), catalog);
    }

    /**
     * @param id a tracklist's id
     * @param format {@code json} (default), {@code csv} or {@code m3u} (the owned tracks' files)
     * @return the entries matched to a track of the library
     */
    @GET
    @Path("{id}/owned")
    @Produces({MediaType.APPLICATION_JSON, CSV, M3U})
    public Response owned(@PathParam("id") long id, @QueryParam("format") @DefaultValue("json") String format) {
        return export(id, "MATCHED", format, "owned");
    }

    /**
     * @param id a tracklist's id
     * @param format {@code json} (default) or {@code csv}; an M3U lists files, and these entries have none (406)
     * @return the entries the library lacks: what the user still needs
     */
    @GET
    @Path("{id}/missing")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response missing(@PathParam("id") long id, @QueryParam("format") @DefaultValue("json") String format) {
        if (format.equalsIgnoreCase("m3u")) {
            throw new NotAcceptableException("An M3U playlist lists files, and the missing entries have none: ask"
                    + " for format=json or format=csv");
        }
        return export(id, "MISSING", format, "missing");
    }

    /** @return the fetcher's figures: cache size and hit rate, requests, hosts with their budget and blocks */
    @GET
    @Path("fetcher")
    public FetcherStatistics fetcher() {
        return fetcher.statistics();
    }

    private Response export(long id, String state, String format, String name) {
        TracklistViews.TracklistView view = TracklistViews.of(call(() -> tracklists.get(id)), catalog);
        List<TracklistViews.EntryView> entries = view.entries().stream()
                .filter(entry -> entry.match().state().equals(state)).toList();
        String file = "tracklist-" + id + "-" + name;
        return switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "json" -> Response.ok(entries, MediaType.APPLICATION_JSON).build();
            case "csv" -> Response.ok(Exports.csv(entries),
                    CSV + "; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"")
                    .build();
            case "m3u" -> Response.ok(Exports.m3u(entries), M3U + "; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".m3u8\"").build();
            default -> throw new BadRequestException("format is json, csv or m3u, not " + format);
        };
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A call to the service that may fail as a tracklist import fails. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws TracklistException;
    }

    /** Runs a call, turning its exceptions into the API's errors. */
    static <T> T call(Call<T> action) {
        try {
            return action.run();
        } catch (NoSuchElementException e) {
            throw new NotFoundException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new ServerErrorException(e.getMessage(), Response.Status.SERVICE_UNAVAILABLE, e);
        } catch (NotATracklistException e) {
            throw new ClientErrorException(e.getMessage(), 422, e);
        } catch (BlockedBySiteException e) {
            throw new ServerErrorException(e.getMessage(), Response.Status.SERVICE_UNAVAILABLE, e);
        } catch (LayoutNotRecognisedException e) {
            throw new ServerErrorException(e.getMessage(), Response.Status.BAD_GATEWAY, e);
        } catch (FetchException e) {
            throw new ServerErrorException(e.getMessage(), switch (e.reason()) {
                case ROBOTS_DISALLOWED -> 403;
                case BAD_ADDRESS -> 400;
                case BLOCKED, BUDGET_EXHAUSTED, RATE_LIMITED -> 503;
                case TIMEOUT -> 504;
                default -> 502;
            }, e);
        } catch (TracklistException e) {
            throw new ServerErrorException(e.getMessage(), Response.Status.BAD_GATEWAY, e);
        }
    }
}
