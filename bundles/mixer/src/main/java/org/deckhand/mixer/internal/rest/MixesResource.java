package org.deckhand.mixer.internal.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.deckhand.api.rest.RestResource;
import org.deckhand.mixer.internal.encode.StreamFormat;
import org.deckhand.mixer.internal.service.MixService;
import org.deckhand.mixer.internal.service.MixView;
import org.deckhand.mixer.internal.service.RenderStatus;
import org.deckhand.mixer.internal.service.TracklistEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/mixes}: create, list, inspect, skip, extend, stop and delete mixes; take tracks out of their plans,
 * put tracks next and move them; their tracklists as JSON and CUE sheets; their stream tokens; renders to files, and
 * those files once done. An unknown mix is a 404, a malformed request a 400, and one mix too many a 409, each as
 * problem+json.
 */
@Component(service = RestResource.class)
@Path("mixes")
@Produces(MediaType.APPLICATION_JSON)
public final class MixesResource implements RestResource {

    /** The media type of CUE sheets. */
    public static final String CUE_MEDIA_TYPE = "application/x-cue";
    private static final int DEFAULT_EXTEND = 10;

    private final MixService mixes;

    /** @param mixes the mixes */
    @Activate
    public MixesResource(@Reference MixService mixes) {
        this.mixes = mixes;
    }

    /**
     * @param request the seed and options
     * @return 201 with the new mix, and its address in {@code Location}
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(MixRequest request) {
        if (request == null) {
            throw new BadRequestException("The body must be {\"seed\": {...}, \"options\": {...}}");
        }
        MixView mix = call(() -> mixes.create(request.seed(), request.options()));
        return Response.created(URI.create(RestResource.BASE_PATH + "/mixes/" + mix.id())).entity(mix).build();
    }

    /** @return every mix, oldest first */
    @GET
    public List<MixView> list() {
        return mixes.list();
    }

    /**
     * @param id a mix id
     * @return the mix
     */
    @GET
    @Path("{id}")
    public MixView get(@PathParam("id") String id) {
        return call(() -> mixes.get(id));
    }

    /**
     * @param id a mix id
     * @return the mix, its transition to the next track started
     */
    @POST
    @Path("{id}/skip")
    public MixView skip(@PathParam("id") String id) {
        return call(() -> mixes.skip(id));
    }

    /**
     * @param id a mix id
     * @param request how many tracks to add, 10 when absent
     * @return the mix with its longer plan
     */
    @POST
    @Path("{id}/extend")
    @Consumes(MediaType.APPLICATION_JSON)
    public MixView extend(@PathParam("id") String id, ExtendRequest request) {
        int count = request == null || request.count() == null ? DEFAULT_EXTEND : request.count();
        return call(() -> mixes.extend(id, count));
    }

    /**
     * @param id a mix id
     * @param trackId a planned track that the render has not taken yet
     * @return the mix without it in its plan; a 404 when the plan does not hold it, a 409 when it plays, has played
     *     or is being mixed in
     */
    @DELETE
    @Path("{id}/plan/{trackId}")
    public MixView removeFromPlan(@PathParam("id") String id, @PathParam("trackId") String trackId) {
        return call(() -> mixes.removeFromPlan(id, trackId));
    }

    /**
     * @param id a mix id
     * @param request the track of the library to play next
     * @return the mix with the track next in its plan, after those the render has taken; a 400 for an unknown
     *     track, a 409 when the render has taken it already
     */
    @POST
    @Path("{id}/plan/next")
    @Consumes(MediaType.APPLICATION_JSON)
    public MixView playNext(@PathParam("id") String id, NextRequest request) {
        if (request == null || request.trackId() == null) {
            throw new BadRequestException("The body must be {\"trackId\": \"...\"}");
        }
        return call(() -> mixes.playNext(id, request.trackId()));
    }

    /**
     * @param id a mix id
     * @param request the planned track to move and where it goes, counted from 0 in the mix's {@code plan}
     * @return the mix with the track at that position; a 400 for a malformed body or a position outside the plan, a
     *     404 when the plan does not hold the track, a 409 when the render has taken the track or the one at that
     *     position (it plays, has played or is being mixed in)
     */
    @POST
    @Path("{id}/plan/move")
    @Consumes(MediaType.APPLICATION_JSON)
    public MixView moveInPlan(@PathParam("id") String id, MoveRequest request) {
        if (request == null || request.trackId() == null || request.position() == null) {
            throw new BadRequestException("The body must be {\"trackId\": \"...\", \"position\": n}");
        }
        return call(() -> mixes.moveInPlan(id, request.trackId(), request.position()));
    }

    /**
     * @param id a mix id
     * @return the stopped mix
     */
    @POST
    @Path("{id}/stop")
    public MixView stop(@PathParam("id") String id) {
        return call(() -> mixes.stop(id));
    }

    /**
     * @param id a mix id
     * @return 204 once the mix is stopped and forgotten
     */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        call(() -> {
            mixes.delete(id);
            return null;
        });
        return Response.noContent().build();
    }

    /**
     * @param id a mix id
     * @return the tracks that have started so far
     */
    @GET
    @Path("{id}/tracklist")
    public List<TracklistEntry> tracklist(@PathParam("id") String id) {
        return call(() -> mixes.tracklist(id));
    }

    /**
     * @param id a mix id
     * @return the tracklist so far as a CUE sheet of the mix's MP3 stream, written by the server's CUE sheet writer;
     *     a 409 before any track has started (a CUE sheet has at least one track)
     */
    @GET
    @Path("{id}/tracklist.cue")
    @Produces(CUE_MEDIA_TYPE)
    public Response cueSheet(@PathParam("id") String id) {
        String cue = call(() -> mixes.cueSheet(id));
        return Response.ok(cue, CUE_MEDIA_TYPE + "; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"mix-" + id + ".cue\"").build();
    }

    /**
     * @param id a mix id
     * @return the new token; streams opened with the old one end
     */
    @POST
    @Path("{id}/token")
    public TokenView renewToken(@PathParam("id") String id) {
        return new TokenView(call(() -> mixes.renewToken(id)));
    }

    /**
     * @param id a mix id
     * @param request the format, flac or mp3
     * @return 202 with the render's status
     */
    @POST
    @Path("{id}/render")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response render(@PathParam("id") String id, RenderRequest request) {
        String name = request == null || request.format() == null ? "flac" : request.format();
        StreamFormat format = StreamFormat.ofExtension(name).filter(f -> f != StreamFormat.WAV)
                .orElseThrow(() -> new BadRequestException("A mix renders to flac or mp3, not " + name));
        RenderStatus status = call(() -> {
            try {
                return mixes.render(id, format);
            } catch (IOException e) {
                throw new InternalServerErrorException(e.getMessage(), e);
            }
        });
        return Response.accepted(status).build();
    }

    /**
     * @param id a mix id
     * @return the status of its latest render
     */
    @GET
    @Path("{id}/render")
    public RenderStatus renderStatus(@PathParam("id") String id) {
        return call(() -> mixes.renderStatus(id));
    }

    /**
     * @param id a mix id
     * @return the audio file of its latest render, {@code audio/flac} or {@code audio/mpeg}, as an attachment under
     *     its name; a 404 when the mix was never rendered or the file is gone, a 409 while the render runs or after
     *     it failed
     */
    @GET
    @Path("{id}/render/file")
    @Produces({"audio/flac", "audio/mpeg"})
    public Response renderFile(@PathParam("id") String id) {
        return renderedFile(id, RenderStatus::file);
    }

    /**
     * @param id a mix id
     * @return the CUE sheet beside its latest render's audio file, as {@link #renderFile(String)} answers it
     */
    @GET
    @Path("{id}/render/cue")
    @Produces(CUE_MEDIA_TYPE)
    public Response renderCueSheet(@PathParam("id") String id) {
        return renderedFile(id, RenderStatus::cueFile);
    }

    private Response renderedFile(String id, Function<RenderStatus, String> which) {
        RenderStatus status = call(() -> mixes.renderStatus(id));
        if (!"DONE".equals(status.state())) {
            throw new ClientErrorException("The render of mix " + id + " is " + status.state().toLowerCase(Locale.ROOT)
                    + ": its files can be fetched once it is done", Response.Status.CONFLICT);
        }
        File file = new File(which.apply(status));
        String name = file.getName();
        if (!Files.isRegularFile(file.toPath())) {
            throw new NotFoundException("The rendered file " + name + " of mix " + id + " is no longer in the renders"
                    + " folder");
        }
        String type = name.endsWith(".cue") ? CUE_MEDIA_TYPE + "; charset=utf-8"
                : name.endsWith(".mp3") ? "audio/mpeg" : "audio/flac";
        return Response.ok(file, type).header("Content-Length", file.length())
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    /** Runs a call to the service, turning its exceptions into the API's errors. */
    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (NoSuchElementException e) {
            throw new NotFoundException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT, e);
        }
    }
}
