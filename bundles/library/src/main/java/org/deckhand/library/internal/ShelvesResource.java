package org.deckhand.library.internal;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.deckhand.api.catalog.Catalog;
import org.deckhand.api.catalog.Shelves;
import org.deckhand.api.catalog.Shelves.Album;
import org.deckhand.api.catalog.Shelves.Shelf;
import org.deckhand.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/library/artists}, {@code albums}, {@code genres}, {@code years}: the library browsed as a record
 * shop's shelves, paged by {@code offset} and {@code limit}; {@code /api/v1/library/duplicates}: the copies of one
 * recording, found by the fingerprint of their decoded audio or as identical files.
 */
@Component(service = RestResource.class)
@Path("library")
@Produces(MediaType.APPLICATION_JSON)
public final class ShelvesResource implements RestResource {

    /** The size of the thumbnails that album covers link to, in pixels. */
    static final int COVER_SIZE = 300;

    private final Shelves shelves;
    private final Catalog catalog;

    /**
     * @param shelves the library by artist, album, genre and year
     * @param catalog the tracks
     */
    @Activate
    public ShelvesResource(@Reference Shelves shelves, @Reference Catalog catalog) {
        this.shelves = shelves;
        this.catalog = catalog;
    }

    /**
     * @param offset how many artists to skip
     * @param limit artists per page, 1 to 1000
     * @return the artists (album artist, else first artist) with their track counts, by name
     * @throws BadRequestException if offset or limit is out of range
     */
    @GET
    @Path("artists")
    public ShelfPage artists(@QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        checkPage(offset, limit);
        return ShelfPage.of(shelves.artists(offset, limit));
    }

    /**
     * @param artist only this artist's albums, as {@code /library/artists} names them
     * @param offset how many albums to skip
     * @param limit albums per page, 1 to 1000
     * @return the albums with artist, year, track count and the address of a 300-pixel cover, by title
     * @throws BadRequestException if offset or limit is out of range
     */
    @GET
    @Path("albums")
    public AlbumPage albums(@QueryParam("artist") String artist, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        checkPage(offset, limit);
        Shelves.Page<Album> page = shelves.albums(artist == null || artist.isEmpty() ? null : artist, offset, limit);
        return new AlbumPage(page.items().stream().map(AlbumView::of).toList(), page.total());
    }

    /**
     * @param album an album's title
     * @param artist its artist as {@code /library/albums} names it; absent for an album without one
     * @return its tracks, in disc and track order
     * @throws BadRequestException if the album is not given
     */
    @GET
    @Path("albums/tracks")
    public List<TrackView> albumTracks(@QueryParam("album") String album, @QueryParam("artist") String artist) {
        if (album == null || album.isEmpty()) {
            throw new BadRequestException("album names the album whose tracks are wanted");
        }
        return catalog.getAll(shelves.albumTracks(album, artist == null || artist.isEmpty() ? null : artist))
                .stream().map(TrackView::of).toList();
    }

    /**
     * @param offset how many genres to skip
     * @param limit genres per page, 1 to 1000
     * @return the genres with their track counts, by name
     * @throws BadRequestException if offset or limit is out of range
     */
    @GET
    @Path("genres")
    public ShelfPage genres(@QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        checkPage(offset, limit);
        return ShelfPage.of(shelves.genres(offset, limit));
    }

    /**
     * @param offset how many years to skip
     * @param limit years per page, 1 to 1000
     * @return the years of release with their track counts, newest first
     * @throws BadRequestException if offset or limit is out of range
     */
    @GET
    @Path("years")
    public ShelfPage years(@QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        checkPage(offset, limit);
        return ShelfPage.of(shelves.years(offset, limit));
    }

    /**
     * @param offset how many groups to skip
     * @param limit groups per page, 1 to 1000
     * @return groups of two or more tracks that are copies of one recording, each group's tracks in id order
     * @throws BadRequestException if offset or limit is out of range
     */
    @GET
    @Path("duplicates")
    public DuplicatePage duplicates(@QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        checkPage(offset, limit);
        List<List<Long>> groups = shelves.recordingCopies();
        List<List<TrackView>> page = groups.stream().skip(offset).limit(limit)
                .map(group -> catalog.getAll(group).stream().map(TrackView::of).toList()).toList();
        return new DuplicatePage(page, groups.size());
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0) {
            throw new BadRequestException("offset must be 0 or more, not " + offset);
        }
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit must lie in 1..1000, not " + limit);
        }
    }

    /**
     * A page of artists, genres or years.
     *
     * @param items each with its track count
     * @param total how many there are in all
     */
    public record ShelfPage(List<Shelf> items, int total) {

        static ShelfPage of(Shelves.Page<Shelf> page) {
            return new ShelfPage(page.items(), page.total());
        }
    }

    /**
     * A page of albums.
     *
     * @param items the albums
     * @param total how many there are in all
     */
    public record AlbumPage(List<AlbumView> items, int total) {
    }

    /**
     * An album.
     *
     * @param album its title
     * @param artist its album artist, else its first track's artist
     * @param year its earliest year of release, or null
     * @param trackCount how many tracks
     * @param artworkUrl the address of its cover as a 300-pixel thumbnail, or null when no track has a picture
     */
    public record AlbumView(String album, String artist, Integer year, int trackCount, String artworkUrl) {

        static AlbumView of(Album album) {
            return new AlbumView(album.album(), album.artist(), album.year(), album.trackCount(),
                    album.artworkTrackId() == null ? null : RestResource.BASE_PATH + "/tracks/"
                            + album.artworkTrackId() + "/artwork?size=" + COVER_SIZE);
        }
    }

    /**
     * A page of groups of copies of one recording.
     *
     * @param groups each group's tracks
     * @param total how many groups there are in all
     */
    public record DuplicatePage(List<List<TrackView>> groups, int total) {
    }
}
