package org.deckhand.tracklists.internal.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.rest.RestResource;
import org.deckhand.tracklists.internal.service.TracklistService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/tracks/{id}/tracklist}: the tracklist a mix recording of the library plays. A recording has at most
 * one; linking another replaces the link.
 */
@Component(service = RestResource.class)
@Path("tracks")
@Produces(MediaType.APPLICATION_JSON)
public final class RecordingTracklistResource implements RestResource {

    private final TracklistService tracklists;
    private final Catalog catalog;

    /**
     * @param tracklists the tracklists
     * @param catalog the catalog, for the matched tracks
     */
    @Activate
    public RecordingTracklistResource(@Reference TracklistService tracklists, @Reference Catalog catalog) {
        this.tracklists = tracklists;
        this.catalog = catalog;
    }

    /**
     * Links a mix recording to a tracklist: {@code {"tracklistId": 5}}.
     *
     * @param trackId the recording's track id
     * @param request the tracklist
     * @return the tracklist, now linked
     */
    @POST
    @Path("{id}/tracklist")
    @Consumes(MediaType.APPLICATION_JSON)
    public TracklistViews.TracklistView link(@PathParam("id") long trackId, Requests.LinkRequest request) {
        if (request == null || request.tracklistId() == null) {
            throw new BadRequestException("The body must be {\"tracklistId\": ID}");
        }
        return TracklistViews.of(TracklistsResource.call(() -> tracklists.link(trackId, request.tracklistId())),
                catalog);
    }

    /**
     * @param trackId a mix recording's track id
     * @return the tracklist linked to it (404 when none is)
     */
    @GET
    @Path("{id}/tracklist")
    public TracklistViews.TracklistView tracklist(@PathParam("id") long trackId) {
        return TracklistViews.of(TracklistsResource.call(() -> tracklists.forRecording(trackId)), catalog);
    }
}
