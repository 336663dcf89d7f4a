package org.deckhand.tracklists.internal.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.util.List;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.cue.CueSheetWriter;
import org.deckhand.api.cue.CueWriting;
import org.deckhand.api.tracklist.StoredTracklist;
import org.deckhand.api.rest.RestResource;
import org.deckhand.tracklists.internal.service.TracklistService;
import org.deckhand.tracklists.internal.source.CueSheetTracklists;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code /api/v1/tracks/{id}/tracklist}: the tracklist a mix recording of the library plays (a recording has at most
 * one; linking another replaces the link), and {@code /api/v1/tracks/{id}/tracklist.cue}, its CUE sheet.
 */
@Component(service = RestResource.class)
@Path("tracks")
@Produces(MediaType.APPLICATION_JSON)
public final class RecordingTracklistResource implements RestResource {

    /** The media type of CUE sheets. */
    static final String CUE_MEDIA_TYPE = "application/x-cue";

    private final TracklistService tracklists;
    private final Catalog catalog;
    private final CueSheetWriter cueWriter;

    /**
     * @param tracklists the tracklists
     * @param catalog the catalog, for the matched tracks and the recordings
     * @param cueWriter the server's CUE sheet writer; null while the CUE bundle is absent
     */
    @Activate
    public RecordingTracklistResource(@Reference TracklistService tracklists, @Reference Catalog catalog,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            CueSheetWriter cueWriter) {
        this.tracklists = tracklists;
        this.catalog = catalog;
        this.cueWriter = cueWriter;
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

    /**
     * The CUE sheet of a mix recording, from its linked tracklist's cue times, written by the server's CUE sheet
     * writer: {@code FILE} names the recording, {@code REM COMMENT} the tracklist's address; entries without a cue
     * time, out of order, past the recording's end or past the 99th track are left out. With {@code format=json},
     * the sheet's text and what was left out and why ({@code {"text": "...", "problems": [{"entry": 3, "kind":
     * "NO_CUE_TIME", "leftOut": true, "message": "..."}]}}).
     *
     * @param trackId a mix recording's track id
     * @param format {@code cue} (default) or {@code json}
     * @return the sheet, {@code application/x-cue; charset=utf-8}, UTF-8 without a byte-order mark
     */
    @GET
    @Path("{id}/tracklist.cue")
    @Produces({CUE_MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response cueSheet(@PathParam("id") long trackId, @QueryParam("format") @DefaultValue("cue") String format) {
        CatalogTrack recording = recording(trackId);
        CueWriting writing = draft(recording);
        if (format.equalsIgnoreCase("json")) {
            return Response.ok(new CueSheetView(writing.text(), problems(writing)), MediaType.APPLICATION_JSON)
                    .build();
        }
        String sheetName = SheetBesideRecording.sheetFor(recording.track().file().path()).getFileName().toString();
        return Response.ok(writing.bytes(), CUE_MEDIA_TYPE + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + sheetName.replace("\"", "") + "\"")
                .build();
    }

    /**
     * Writes the mix recording's CUE sheet beside it, named as the recording with {@code .cue}, atomically (see
     * {@link SheetBesideRecording}); a sheet already there is kept unless {@code replace=true}.
     *
     * @param trackId a mix recording's track id
     * @param replace whether to replace a sheet already beside the recording
     * @return {@code {"path": "...", "problems": [...]}}: where the sheet is, and what it left out
     * @throws ClientErrorException 409 if a sheet is already there and {@code replace} is not true, 403 if the
     *     recording's folder is read-only
     */
    @PUT
    @Path("{id}/tracklist.cue")
    public WrittenSheetView writeCueSheet(@PathParam("id") long trackId,
            @QueryParam("replace") @DefaultValue("false") boolean replace) {
        CatalogTrack recording = recording(trackId);
        CueWriting writing = draft(recording);
        java.nio.file.Path file = recording.track().file().path();
        try {
            return new WrittenSheetView(SheetBesideRecording.write(file, writing.bytes(), replace).toString(),
                    problems(writing));
        } catch (FileAlreadyExistsException e) {
            throw new ClientErrorException("A CUE sheet is already beside the recording: " + e.getFile()
                    + "; it is kept. Write with replace=true to replace it", 409, e);
        } catch (AccessDeniedException e) {
            throw new ClientErrorException("The folder " + file.getParent() + " cannot be written to (a read-only"
                    + " music folder: the shipped systemd unit mounts them read-only; allow writing there to write"
                    + " CUE sheets beside recordings)", 403, e);
        } catch (IOException e) {
            throw new InternalServerErrorException("The CUE sheet beside " + file + " could not be written: "
                    + e.getMessage(), e);
        }
    }

    private CatalogTrack recording(long trackId) {
        return catalog.get(trackId).orElseThrow(() -> new NotFoundException("No track " + trackId));
    }

    private CueWriting draft(CatalogTrack recording) {
        if (cueWriter == null) {
            throw new ServiceUnavailableException("The CUE sheet writer (bundle org.deckhand.cue) is not running");
        }
        StoredTracklist stored = TracklistsResource.call(() -> tracklists.forRecording(recording.id()));
        String fileName = recording.track().file().path().getFileName().toString();
        double duration = recording.track().durationSeconds();
        try {
            return cueWriter.write(CueSheetTracklists.draft(stored.tracklist(), fileName,
                    Double.isNaN(duration) ? null : duration));
        } catch (IllegalArgumentException e) {
            throw new ClientErrorException("Tracklist " + stored.id() + " gives no CUE sheet for " + fileName + ": "
                    + e.getMessage(), 409, e);
        }
    }

    private static List<CueProblemView> problems(CueWriting writing) {
        return writing.problems().stream().map(problem -> new CueProblemView(problem.entry(), problem.kind().name(),
                problem.kind().leftOut(), problem.message())).toList();
    }

    /**
     * @param path the sheet's file, beside the recording
     * @param problems what it could not say as the tracklist gives it, by entry
     */
    public record WrittenSheetView(String path, List<CueProblemView> problems) {
    }

    /**
     * @param text the sheet, lines ending in CR LF
     * @param problems what it could not say as the tracklist gives it, by entry
     */
    public record CueSheetView(String text, List<CueProblemView> problems) {
    }

    /**
     * @param entry the entry's place among the entries the sheet was drafted from (gaps are not drafted), from 1
     * @param kind {@code NO_CUE_TIME}, {@code NOT_AFTER_PREVIOUS}, {@code AFTER_END}, {@code OVER_99_TRACKS},
     *     {@code FIRST_MOVED_TO_START} or {@code TEXT_SHORTENED}
     * @param leftOut whether the entry is missing from the sheet
     * @param message a sentence for the user
     */
    public record CueProblemView(int entry, String kind, boolean leftOut, String message) {
    }
}
