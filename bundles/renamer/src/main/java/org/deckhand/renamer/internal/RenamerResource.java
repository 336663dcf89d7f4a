package org.deckhand.renamer.internal;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.deckhand.api.rest.RestResource;
import org.deckhand.api.search.QuerySyntaxException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/renamer}: preview a rename, start a batch, follow it, undo it. Progress also comes as events
 * ({@code org/deckhand/renamer/...}) on {@code /api/v1/events}.
 */
@Component(service = RestResource.class)
@Path("renamer")
@Produces(MediaType.APPLICATION_JSON)
public final class RenamerResource implements RestResource {

    private static final int MAX_LIMIT = 1000;

    private final Renamer renamer;

    /**
     * @param renamer the renamer
     */
    @Activate
    public RenamerResource(@Reference Renamer renamer) {
        this.renamer = renamer;
    }

    /**
     * What to rename: every field may be left out.
     *
     * @param query which tracks, in Deckhand's search language; all when left out
     * @param paths path rules, each {@code query: template} ({@code default: ...} for every track); the settings'
     *     when left out
     * @param profile {@code PORTABLE} or {@code POSIX}; the settings' when left out
     * @param targetFolder a music folder to move every track into; each track's own when left out
     */
    public record RenameRequest(String query, List<String> paths, NamingProfile profile, String targetFolder) {
        Renamer.Options options() {
            return new Renamer.Options(query, paths, profile, targetFolder);
        }
    }

    /**
     * Shows what a batch would do, touching nothing: a page of the moves, and the tracks that get none.
     *
     * @param request what to rename; may be empty
     * @param offset the first move of the page, from 0
     * @param limit how many moves the page holds, 1 to 1000
     * @return the preview
     * @throws BadRequestException if a template or query is malformed (the detail names the rule and the
     *     character), the target folder is not a music folder, or the page is out of range
     * @throws ClientErrorException 409 if another preview was asked for while this one was planned
     * @throws IOException if the preview's file cannot be written or read
     */
    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public Preview preview(RenameRequest request, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) throws IOException {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("offset must be 0 or more and limit within 1..1000");
        }
        Renamer.PreviewPage preview;
        try {
            preview = renamer.preview(options(request), offset, limit);
        } catch (PreviewPages.SupersededException e) {
            throw new ClientErrorException("This preview stopped: " + e.getMessage(), Response.Status.CONFLICT);
        } catch (QuerySyntaxException e) {
            throw new BadRequestException("The query is malformed: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        List<MoveView> moves = preview.page().stream().map(m -> new MoveView(null, m.trackId(),
                m.source().toString(), m.target().toString(), "PLANNED", m.reason())).toList();
        List<ErrorView> errors = preview.problems().stream().map(ErrorView::of).toList();
        Planner.Counts counts = preview.counts();
        return new Preview(counts.considered(), preview.moves(), counts.unchanged(), counts.unmatched(),
                counts.conflicts(), preview.errors(), offset, limit, moves, errors);
    }

    /**
     * Plans afresh and starts a batch; it runs in the background, after any batch before it.
     *
     * @param request what to rename; may be empty
     * @return 202 with the batch
     * @throws BadRequestException as for the preview
     * @throws ClientErrorException 409 if a music folder the batch would change is read-only (the detail says how
     *     to allow writing)
     * @throws IOException if the journal cannot be written
     */
    @POST
    @Path("batches")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response apply(RenameRequest request) throws IOException {
        try {
            Batch batch = renamer.apply(options(request));
            return Response.accepted(BatchView.of(batch, 0, 0)).build();
        } catch (QuerySyntaxException e) {
            throw new BadRequestException("The query is malformed: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        } catch (ReadOnlyFolderException e) {
            throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
        }
    }

    /**
     * @return every batch, newest first, without their moves
     */
    @GET
    @Path("batches")
    public List<BatchView> batches() {
        return renamer.batches().stream().map(b -> BatchView.of(b, 0, 0)).toList();
    }

    /**
     * @param id a batch's id
     * @param offset the first move of the page, from 0
     * @param limit how many moves the page holds, 0 to 1000
     * @return the batch with a page of its moves, each with its state and reason
     * @throws NotFoundException if there is no such batch
     */
    @GET
    @Path("batches/{id}")
    public BatchView batch(@PathParam("id") long id, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (offset < 0 || limit < 0 || limit > MAX_LIMIT) {
            throw new BadRequestException("offset must be 0 or more and limit within 0..1000");
        }
        return BatchView.of(renamer.batch(id).orElseThrow(() -> new NotFoundException("No renamer batch " + id)),
                offset, limit);
    }

    /**
     * Moves a batch's files back, last move first; files changed since are reported in the batch, not moved.
     *
     * @param id a batch's id
     * @return 202 with the batch
     * @throws NotFoundException if there is no such batch
     * @throws ClientErrorException 409 if the batch is not completed (still running, or already undone)
     * @throws IOException if the journal cannot be written
     */
    @POST
    @Path("batches/{id}/undo")
    public Response undo(@PathParam("id") long id) throws IOException {
        try {
            Batch batch = renamer.undo(id).orElseThrow(() -> new NotFoundException("No renamer batch " + id));
            return Response.accepted(BatchView.of(batch, 0, 0)).build();
        } catch (IllegalStateException e) {
            throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
        }
    }

    private static Renamer.Options options(RenameRequest request) {
        return request == null ? new Renamer.Options(null, null, null, null) : request.options();
    }

    /**
     * A preview.
     *
     * @param considered tracks looked at
     * @param moves moves in all (tracks and sidecar files)
     * @param unchanged tracks already where their rule puts them
     * @param unmatched tracks that no rule matches, which stay
     * @param conflicts moves whose name was taken, numbered {@code " (2)"}...
     * @param errors tracks whose template gives no valid target
     * @param offset the page's first move
     * @param limit the page's size
     * @param items the page of moves
     * @param problems the tracks that get no move (the first 1000), with why
     */
    public record Preview(long considered, long moves, long unchanged, long unmatched, long conflicts, long errors,
            int offset, int limit, List<MoveView> items, List<ErrorView> problems) {
    }

    /**
     * A move.
     *
     * @param seq its place in the batch, from 0; {@code null} in a preview
     * @param trackId the track, or {@code null} for a sidecar file
     * @param from its path before
     * @param to its path after
     * @param state {@code PLANNED}, {@code BEGUN}, {@code COPIED}, {@code DONE}, {@code FAILED},
     *     {@code UNDO_BEGUN}, {@code UNDO_COPIED}, {@code UNDONE} or {@code UNDO_SKIPPED}
     * @param reason the rule that named it, or why it failed or was skipped
     */
    public record MoveView(Integer seq, Long trackId, String from, String to, String state, String reason) {
        static MoveView of(Move move) {
            return new MoveView(move.seq(), move.trackId(), move.source().toString(), move.target().toString(),
                    move.state().name(), move.reason());
        }
    }

    /**
     * A track that got no move.
     *
     * @param trackId the track
     * @param path its file
     * @param reason why, such as {@code "the template gives an empty file name"}
     */
    public record ErrorView(long trackId, String path, String reason) {
        static ErrorView of(Batch.PlanError error) {
            return new ErrorView(error.trackId(), error.source().toString(), error.reason());
        }
    }

    /**
     * A batch.
     *
     * @param id its id
     * @param created when it was made
     * @param description its rules and query
     * @param status {@code RUNNING}, {@code COMPLETED}, {@code UNDOING}, {@code UNDONE} or {@code ABANDONED}
     * @param total moves in all
     * @param done files at their new path
     * @param failed moves not made, each with its reason
     * @param undone files moved back
     * @param skipped files the undo left where the batch put them, each with its reason
     * @param errors tracks that got no move
     * @param moves a page of its moves; empty in lists
     * @param problems the tracks that got no move (the first 1000); empty in lists
     */
    public record BatchView(long id, Instant created, String description, String status, long total, long done,
            long failed, long undone, long skipped, long errors, List<MoveView> moves, List<ErrorView> problems) {
        static BatchView of(Batch batch, int offset, int limit) {
            synchronized (batch) {
                List<Move> all = batch.moves();
                int from = Math.min(offset, all.size());
                List<MoveView> page = all.subList(from, Math.min(all.size(), from + limit)).stream()
                        .map(MoveView::of).toList();
                List<ErrorView> problems = limit == 0 ? List.of()
                        : batch.errors().stream().limit(MAX_LIMIT).map(ErrorView::of).toList();
                return new BatchView(batch.id(), batch.created(), batch.description(), batch.status().name(),
                        all.size(), batch.count(Move.State.DONE) + batch.count(Move.State.UNDO_SKIPPED),
                        batch.count(Move.State.FAILED), batch.count(Move.State.UNDONE),
                        batch.count(Move.State.UNDO_SKIPPED), batch.errors().size(), page, problems);
            }
        }
    }
}
