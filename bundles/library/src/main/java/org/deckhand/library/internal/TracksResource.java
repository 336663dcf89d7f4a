package org.deckhand.library.internal;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.CatalogTrack;
import org.deckhand.api.library.Artwork;
import org.deckhand.api.library.ArtworkThumbnails;
import org.deckhand.api.library.LibraryScanner;
import org.deckhand.api.rest.RestResource;
import org.deckhand.api.search.QuerySyntaxException;
import org.deckhand.api.search.SearchPage;
import org.deckhand.api.search.SearchRequest;
import org.deckhand.api.search.TrackIndex;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/tracks}: search in the query language, each track's details, its audio file (with HTTP Range, for
 * players that seek) and its embedded artwork, whole or as a thumbnail.
 */
@Component(service = RestResource.class)
@Path("tracks")
public final class TracksResource implements RestResource {

    private static final Map<String, String> AUDIO_TYPES = Map.ofEntries(Map.entry("mp3", "audio/mpeg"),
            Map.entry("flac", "audio/flac"), Map.entry("wav", "audio/wav"), Map.entry("aiff", "audio/aiff"),
            Map.entry("ogg", "audio/ogg"), Map.entry("opus", "audio/ogg; codecs=opus"), Map.entry("m4a", "audio/mp4"),
            Map.entry("wma", "audio/x-ms-wma"), Map.entry("ape", "audio/x-ape"), Map.entry("wv", "audio/x-wavpack"),
            Map.entry("dsf", "audio/x-dsf"));

    private final Catalog catalog;
    private final TrackIndex index;
    private final ArtworkThumbnails artwork;
    private final LibraryScanner scanner;

    /**
     * @param catalog the system of record
     * @param index the search index
     * @param artwork the files' pictures, whole or as thumbnails
     * @param scanner knows the music folders
     */
    @Activate
    public TracksResource(@Reference Catalog catalog, @Reference TrackIndex index, @Reference ArtworkThumbnails artwork,
            @Reference LibraryScanner scanner) {
        this.catalog = catalog;
        this.index = index;
        this.artwork = artwork;
        this.scanner = scanner;
    }

    /**
     * Searches the library.
     *
     * @param query the query, such as {@code techno bpm:124..128 key:8A~}; empty for every track
     * @param sort the field to sort on, {@code -} before it for descending order
     * @param cursor the {@code nextCursor} of the previous page
     * @param limit tracks per page, 1 to 1000
     * @return the page: tracks, total and the cursor of the next page
     * @throws BadRequestException if the query, sort or cursor is malformed; the message says where
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public TrackPage search(@QueryParam("q") String query, @QueryParam("sort") String sort,
            @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit must lie in 1..1000, not " + limit);
        }
        SearchPage page;
        try {
            page = index.search(new SearchRequest(query, sort, cursor, limit));
        } catch (QuerySyntaxException e) {
            throw new BadRequestException("The query is malformed: " + e.getMessage());
        }
        List<TrackView> tracks = catalog.getAll(page.trackIds()).stream().map(TrackView::of).toList();
        return new TrackPage(tracks, page.totalHits(), page.nextCursor());
    }

    /**
     * @param id a track's id
     * @return the track
     * @throws NotFoundException if there is no such track
     */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public TrackView get(@PathParam("id") long id) {
        return TrackView.of(track(id));
    }

    /**
     * The track's original file, whole or the byte range asked for.
     *
     * @param id a track's id
     * @param range the {@code Range} header, if any
     * @return 200 with the file, or 206 with the range
     * @throws NotFoundException if there is no such track, or its file is gone or outside the music folders
     */
    @GET
    @Path("{id}/audio")
    public Response audio(@PathParam("id") long id, @HeaderParam("Range") String range) {
        CatalogTrack track = track(id);
        java.nio.file.Path file = MusicFolders.servable(track.track().file().path(), scanner.musicFolders())
                .orElseThrow(() -> new NotFoundException("The file of track " + id + " is not available"));
        long size;
        try {
            size = Files.size(file);
        } catch (java.io.IOException e) {
            throw new NotFoundException("The file of track " + id + " cannot be read: " + e.getMessage());
        }
        String type = AUDIO_TYPES.getOrDefault(track.track().file().format(), MediaType.APPLICATION_OCTET_STREAM);
        Optional<ByteRange> asked;
        try {
            asked = ByteRange.parse(range, size);
        } catch (ByteRange.UnsatisfiableRangeException e) {
            throw new ClientErrorException(Response.status(Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header("Content-Range", "bytes */" + e.size()).build());
        }
        ByteRange bytes = asked.orElse(new ByteRange(0, size - 1));
        Response.ResponseBuilder response = Response.status(asked.isPresent() ? 206 : 200)
                .type(type).header("Accept-Ranges", "bytes").header(HttpHeaders.CONTENT_LENGTH, bytes.length())
                .entity(copy(file, bytes));
        asked.ifPresent(r -> response.header("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + size));
        return response.build();
    }

    /**
     * @param id a track's id
     * @param size the largest width and height in pixels, 1 to 2048, for a JPEG thumbnail made and cached by the
     *     server; 0 for the picture as embedded
     * @return the picture embedded in the track's tags
     * @throws NotFoundException if there is no such track or it has no picture
     * @throws BadRequestException if the size is out of range
     */
    @GET
    @Path("{id}/artwork")
    public Response artwork(@PathParam("id") long id, @QueryParam("size") @DefaultValue("0") int size) {
        if (size < 0 || size > ArtworkThumbnails.MAX_SIZE) {
            throw new BadRequestException("size must lie in 0.." + ArtworkThumbnails.MAX_SIZE + " pixels, not " + size);
        }
        CatalogTrack track = track(id);
        java.nio.file.Path file = MusicFolders.servable(track.track().file().path(), scanner.musicFolders())
                .orElseThrow(() -> new NotFoundException("The file of track " + id + " is not available"));
        try {
            Artwork picture = artwork.artwork(file, size)
                    .orElseThrow(() -> new NotFoundException("Track " + id + " has no artwork"));
            return Response.ok(picture.data(), picture.mimeType()).header("Cache-Control", "max-age=3600").build();
        } catch (java.io.IOException e) {
            throw new NotFoundException("The artwork of track " + id + " cannot be read: " + e.getMessage());
        }
    }

    private CatalogTrack track(long id) {
        return catalog.get(id).orElseThrow(() -> new NotFoundException("No track has the id " + id));
    }

    private static StreamingOutput copy(java.nio.file.Path file, ByteRange range) {
        return (OutputStream out) -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                    InputStream in = Channels.newInputStream(channel.position(range.first()))) {
                byte[] buffer = new byte[64 * 1024];
                long left = range.length();
                while (left > 0) {
                    int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (read < 0) {
                        break;
                    }
                    out.write(buffer, 0, read);
                    left -= read;
                }
            }
        };
    }

    /**
     * A page of search results.
     *
     * @param tracks the tracks, in order
     * @param total how many tracks match in all
     * @param nextCursor the cursor of the next page, or {@code null} on the last
     */
    public record TrackPage(List<TrackView> tracks, long total, String nextCursor) {
    }
}
