package org.deckhand.library.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.LibraryStats;
import org.deckhand.api.library.LibraryScanner;
import org.deckhand.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/library}: the music folders, scans, reindexing, statistics, the files that failed and the tracks read
 * only in part.
 */
@Component(service = RestResource.class)
@Path("library")
@Produces(MediaType.APPLICATION_JSON)
public final class LibraryResource implements RestResource {

    private final Catalog catalog;
    private final LibraryScanner scanner;
    private final IndexUpdater indexUpdater;

    /**
     * @param catalog the system of record
     * @param scanner the watcher of the music folders
     * @param indexUpdater rebuilds the search index
     */
    @Activate
    public LibraryResource(@Reference Catalog catalog, @Reference LibraryScanner scanner,
            @Reference IndexUpdater indexUpdater) {
        this.catalog = catalog;
        this.scanner = scanner;
        this.indexUpdater = indexUpdater;
    }

    /**
     * @return each music folder, and whether it is there now
     */
    @GET
    @Path("folders")
    public List<Folder> folders() {
        return scanner.musicFolders().stream()
                .map(folder -> new Folder(folder.toString(), Files.isDirectory(folder) && Files.isReadable(folder)))
                .toList();
    }

    /**
     * Starts a full scan of the music folders; its progress comes as events on {@code /api/v1/events}.
     *
     * @return 202
     */
    @POST
    @Path("scan")
    public Response scan() {
        scanner.requestScan();
        return Response.accepted(new Accepted("scan requested")).build();
    }

    /**
     * Rebuilds the search index from the catalog, in the background.
     *
     * @return 202
     */
    @POST
    @Path("reindex")
    public Response reindex() {
        indexUpdater.rebuild();
        return Response.accepted(new Accepted("reindex requested")).build();
    }

    /**
     * @return counts by format, total duration, duplicates, problems
     */
    @GET
    @Path("stats")
    public LibraryStats stats() {
        return catalog.stats();
    }

    /**
     * @return each file that could not be taken in, then each track read only in part, with why
     */
    @GET
    @Path("problems")
    public List<ProblemView> problems() {
        List<ProblemView> problems = new ArrayList<>();
        catalog.problems().forEach(problem -> problems.add(new ProblemView(problem.path().toString(),
                problem.reason(), problem.seen(), null)));
        catalog.tracksWithWarnings().forEach(track -> problems.add(new ProblemView(
                track.track().file().path().toString(), String.join("; ", track.metadata().warnings()),
                track.added(), track.id())));
        return problems;
    }

    /**
     * A music folder.
     *
     * @param path its absolute path
     * @param available whether it is there and readable now
     */
    public record Folder(String path, boolean available) {
    }

    /**
     * The answer to a request that runs in the background.
     *
     * @param status what was done
     */
    public record Accepted(String status) {
    }

    /**
     * A file that failed, or was read only in part.
     *
     * @param path the file
     * @param reason why
     * @param seen when the problem was seen
     * @param trackId the track the file was taken in as, despite the problem; {@code null} when it was not
     */
    public record ProblemView(String path, String reason, Instant seen, Long trackId) {
    }
}
