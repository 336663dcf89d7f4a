package org.deckhand.library.internal;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.Crates;
import org.deckhand.api.catalog.Crates.Crate;
import org.deckhand.api.rest.RestResource;
import org.deckhand.api.search.QuerySyntaxException;
import org.deckhand.api.search.SearchPage;
import org.deckhand.api.search.SearchRequest;
import org.deckhand.api.search.TrackIndex;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/crates}: a DJ's crates, made by hand or from a query that stays live (a smart crate, whose tracks
 * the search index finds afresh at every read); made, renamed, deleted, filled and emptied. A crate seeds a mix as
 * {@code {"seed": {"crateId": ...}}} on {@code /api/v1/mixes}.
 */
@Component(service = RestResource.class)
@Path("crates")
@Produces(MediaType.APPLICATION_JSON)
public final class CratesResource implements RestResource {

    private final Crates crates;
    private final Catalog catalog;
    private final TrackIndex index;
    private final Clock clock;

    /**
     * @param crates the crates in the catalog
     * @param catalog the tracks
     * @param index the search behind smart crates
     */
    @Activate
    public CratesResource(@Reference Crates crates, @Reference Catalog catalog, @Reference TrackIndex index) {
        this(crates, catalog, index, Clock.systemUTC());
    }

    CratesResource(Crates crates, Catalog catalog, TrackIndex index, Clock clock) {
        this.crates = crates;
        this.catalog = catalog;
        this.index = index;
        this.clock = clock;
    }

    /**
     * @return every crate with its track count, by name
     */
    @GET
    public List<CrateView> list() {
        return crates.crates().stream().map(this::view).toList();
    }

    /**
     * Makes a crate: by hand when the body gives no query, smart when it gives one.
     *
     * @param body its name and, for a smart crate, its query
     * @return 201 with the crate
     * @throws BadRequestException if the name is blank or too long, or the query is malformed; the message says why
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CrateBody body) {
        CrateBody given = required(body);
        checkQuery(given.query());
        Crate crate = refused(() -> crates.createCrate(given.name(), given.query(), now()));
        return Response.status(Response.Status.CREATED).entity(view(crate)).build();
    }

    /**
     * @param id a crate's id
     * @return the crate
     * @throws NotFoundException if there is no such crate
     */
    @GET
    @Path("{id}")
    public CrateView get(@PathParam("id") long id) {
        return view(found(id, crates.crate(id)));
    }

    /**
     * Renames a crate, or changes a smart crate's query.
     *
     * @param id a crate's id
     * @param body its new name and, for a smart crate, its new query
     * @return the crate as it is now
     * @throws NotFoundException if there is no such crate
     * @throws BadRequestException if the name or query is refused, or a smart crate would lose its query
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CrateView update(@PathParam("id") long id, CrateBody body) {
        CrateBody given = required(body);
        checkQuery(given.query());
        return view(found(id, refused(() -> crates.updateCrate(id, given.name(), given.query(), now()))));
    }

    /**
     * Deletes a crate; its tracks stay in the library.
     *
     * @param id a crate's id
     * @return 204
     * @throws NotFoundException if there is no such crate
     */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        if (!crates.deleteCrate(id)) {
            throw new NotFoundException("There is no crate " + id);
        }
        return Response.noContent().build();
    }

    /**
     * A page of a crate's tracks: a hand-made crate's in the order added, a smart crate's as its query finds them now.
     *
     * @param id a crate's id
     * @param cursor the {@code nextCursor} of the previous page
     * @param limit tracks per page, 1 to 1000
     * @return the page
     * @throws NotFoundException if there is no such crate
     * @throws BadRequestException if the limit is out of range, the cursor is malformed, or a smart crate's query no
     *     longer parses
     */
    @GET
    @Path("{id}/tracks")
    public TracksResource.TrackPage tracks(@PathParam("id") long id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit must lie in 1..1000, not " + limit);
        }
        Crate crate = found(id, crates.crate(id));
        if (crate.smart()) {
            SearchPage page = search(crate.query(), cursor, limit);
            return new TracksResource.TrackPage(catalog.getAll(page.trackIds()).stream().map(TrackView::of).toList(),
                    page.totalHits(), page.nextCursor());
        }
        int offset = offset(cursor);
        List<Long> ids = crate.trackIds();
        int end = Math.min(ids.size(), offset + limit);
        List<Long> pageIds = offset >= ids.size() ? List.of() : ids.subList(offset, end);
        return new TracksResource.TrackPage(catalog.getAll(pageIds).stream().map(TrackView::of).toList(), ids.size(),
                end < ids.size() ? Integer.toString(end) : null);
    }

    /**
     * Adds tracks at the end of a hand-made crate; those it holds already stay where they are.
     *
     * @param id a crate's id
     * @param body the tracks
     * @return the crate as it is now
     * @throws NotFoundException if there is no such crate
     * @throws BadRequestException if the crate is smart or a track is unknown
     */
    @POST
    @Path("{id}/tracks")
    @Consumes(MediaType.APPLICATION_JSON)
    public CrateView add(@PathParam("id") long id, TrackIds body) {
        List<Long> trackIds = required(body).trackIds();
        return view(found(id, refused(() -> crates.addToCrate(id, trackIds, now()))));
    }

    /**
     * Takes tracks out of a hand-made crate; the tracks stay in the library.
     *
     * @param id a crate's id
     * @param body the tracks
     * @return the crate as it is now
     * @throws NotFoundException if there is no such crate
     * @throws BadRequestException if the crate is smart
     */
    @POST
    @Path("{id}/tracks/remove")
    @Consumes(MediaType.APPLICATION_JSON)
    public CrateView remove(@PathParam("id") long id, TrackIds body) {
        List<Long> trackIds = required(body).trackIds();
        return view(found(id, refused(() -> crates.removeFromCrate(id, trackIds, now()))));
    }

    private CrateView view(Crate crate) {
        long count;
        if (crate.smart()) {
            try {
                count = index.search(new SearchRequest(crate.query(), null, null, 1)).totalHits();
            } catch (QuerySyntaxException e) {
                count = 0;
            }
        } else {
            count = crate.trackIds().size();
        }
        return new CrateView(crate.id(), crate.name(), crate.query(), crate.smart(), count, crate.created(),
                crate.changed());
    }

    private SearchPage search(String query, String cursor, int limit) {
        try {
            return index.search(new SearchRequest(query, null, cursor, limit));
        } catch (QuerySyntaxException e) {
            throw new BadRequestException("The crate's query is malformed: " + e.getMessage());
        }
    }

    private void checkQuery(String query) {
        if (query != null && !query.isBlank()) {
            search(query, null, 1);
        }
    }

    private static int offset(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(cursor);
            if (offset < 0) {
                throw new NumberFormatException(cursor);
            }
            return offset;
        } catch (NumberFormatException e) {
            throw new BadRequestException("The cursor '" + cursor + "' is not one this crate gave");
        }
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new BadRequestException("The request needs a JSON body");
        }
        return body;
    }

    private static <T> T refused(Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static <T> T found(long id, Optional<T> crate) {
        return crate.orElseThrow(() -> new NotFoundException("There is no crate " + id));
    }

    private Instant now() {
        return clock.instant();
    }

    /**
     * The body that makes or changes a crate.
     *
     * @param name its name, up to 256 characters
     * @param query for a smart crate, its query in the library's query language, such as {@code genre:techno}; absent
     *     for a crate made by hand
     */
    public record CrateBody(String name, String query) {
    }

    /**
     * Tracks to add or remove.
     *
     * @param trackIds their ids
     */
    public record TrackIds(List<Long> trackIds) {

        /** A missing list is empty. */
        public TrackIds {
            trackIds = trackIds == null ? List.of() : List.copyOf(trackIds);
        }
    }

    /**
     * A crate.
     *
     * @param id its id
     * @param name its name
     * @param query a smart crate's query, or null
     * @param smart whether its query chooses its tracks
     * @param trackCount how many tracks it holds now
     * @param created when it was made
     * @param changed when it last changed
     */
    public record CrateView(long id, String name, String query, boolean smart, long trackCount, Instant created,
            Instant changed) {
    }
}
