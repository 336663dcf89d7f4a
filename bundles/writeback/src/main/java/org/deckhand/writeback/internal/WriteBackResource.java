package org.deckhand.writeback.internal;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.deckhand.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /api/v1/writeback}: writes the analysed BPM and key into the files of chosen tracks now, in the
 * background, as the console's bulk action "write tags" asks.
 */
@Component(service = RestResource.class)
@Path("writeback")
@Produces(MediaType.APPLICATION_JSON)
public final class WriteBackResource implements RestResource {

    /** The most tracks one request may name. */
    static final int MAX_TRACKS = 10_000;

    private final TagWriteBack writeBack;

    /** @param writeBack writes the tags */
    @Activate
    public WriteBackResource(@Reference TagWriteBack writeBack) {
        this.writeBack = writeBack;
    }

    /**
     * @param body the tracks
     * @return 202 with how many tracks have a BPM or key to write
     * @throws BadRequestException if no track or more than {@value #MAX_TRACKS} are given
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(Request body) {
        if (body == null || body.trackIds() == null || body.trackIds().isEmpty()
                || body.trackIds().size() > MAX_TRACKS) {
            throw new BadRequestException("trackIds lists 1 to " + MAX_TRACKS + " tracks whose tags to write");
        }
        return Response.accepted(new Accepted(body.trackIds().size(), writeBack.request(body.trackIds()))).build();
    }

    /**
     * @param trackIds the tracks whose files get their analysed BPM and key
     */
    public record Request(List<Long> trackIds) {
    }

    /**
     * @param asked how many tracks were named
     * @param queued how many have an analysed BPM or key to write, and are being written
     */
    public record Accepted(int asked, int queued) {
    }
}
